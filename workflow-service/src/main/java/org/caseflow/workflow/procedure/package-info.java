/** Starting and moving the procedure of a case from the case events it receives. */
package org.caseflow.workflow.procedure;
