/** Publishes every user task created and completed as a case event, through the outbox. */
package org.caseflow.workflow.tasks;
