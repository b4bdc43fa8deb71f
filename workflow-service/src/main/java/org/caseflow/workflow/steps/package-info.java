/**
 * The generic delegates behind the procedure's service tasks, configured in the model by input
 * parameters (see bpmn/element-templates): publish a case event, notify agencies, compute deadlines,
 * publish a missed deadline. A supervisor adds a step, an event or a notification without Java.
 */
package org.caseflow.workflow.steps;
