package org.caseflow.workflow.correlation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.caseflow.messaging.DeadLetter;
import org.caseflow.messaging.DeadLetterObserver;
import org.springframework.stereotype.Component;

/**
 * Makes each event given up on visible to supervisors: an incident on the case's running procedure
 * (Cockpit shows it beside the case), or, when the case has no running procedure (the usual reason an
 * event cannot be delivered), a "Review the undelivered event" task for {@code supervisors} in Tasklist.
 * Every dead letter is also listed at {@code GET /api/dead-letters}.
 */
@Component
class DeadLetterIncidents implements DeadLetterObserver {

    static final String INCIDENT_TYPE = "caseflowDeadLetter";
    static final String REVIEW_PROCESS = "dead-letter-review";

    private final RuntimeService runtime;

    DeadLetterIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void deadLettered(DeadLetter deadLetter) {
        if (deadLetter.caseId() == null) {
            return;
        }
        // The case's own procedures, not the processes they call (the anti-trafficking track, an escalation).
        List<ProcessInstance> running = runtime.createProcessInstanceQuery().processInstanceBusinessKey(deadLetter.caseId())
                .active().list().stream().filter(p -> !p.getProcessDefinitionId().startsWith(REVIEW_PROCESS + ":"))
                .filter(p -> p.getId().equals(p.getRootProcessInstanceId())).toList();
        for (ProcessInstance instance : running) {
            runtime.createIncident(INCIDENT_TYPE, executionAtAStep(instance.getId()), "dead-letter:" + deadLetter.id(),
                    "Event " + deadLetter.eventType() + " could not be handled (dead letter " + deadLetter.id() + "): "
                            + deadLetter.reason());
        }
        if (running.isEmpty()) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("caseId", deadLetter.caseId());
            variables.put("deadLetterId", deadLetter.id());
            variables.put("eventType", deadLetter.eventType() == null ? "unknown" : deadLetter.eventType());
            variables.put("topic", deadLetter.topic());
            variables.put("reason", deadLetter.reason());
            runtime.startProcessInstanceByKey(REVIEW_PROCESS, deadLetter.caseId(), variables);
        }
    }

    /**
     * An execution that waits at a step: an incident needs one, and the process instance itself is not
     * at a step when its step has a boundary timer (the step runs in an execution of its own).
     */
    private String executionAtAStep(String processInstanceId) {
        ActivityInstance step = runtime.getActivityInstance(processInstanceId);
        while (step != null && step.getChildActivityInstances().length > 0) {
            step = step.getChildActivityInstances()[0];
        }
        return step == null || step.getExecutionIds().length == 0 ? processInstanceId : step.getExecutionIds()[0];
    }
}
