/**
 * Agency events that the procedure waits for (such as a court decision), correlated by case id so
 * that none is lost, however the event and the process race each other.
 */
package org.caseflow.workflow.correlation;
