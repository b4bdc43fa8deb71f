/** Which cases run which version of the procedure, and moving running cases to a new version. */
package org.caseflow.workflow.versions;
