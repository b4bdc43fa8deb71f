package org.caseflow.workflow.correlation;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.caseflow.messaging.DeadLetter;
import org.caseflow.messaging.DeadLetterObserver;
import org.springframework.stereotype.Component;

/**
 * Raises a Camunda incident on the case's running procedure for each event given up on, so that a
 * supervisor sees it in Cockpit beside the case. Events of cases without a running procedure are in
 * the dead-letter list alone ({@code GET /api/dead-letters}).
 */
@Component
class DeadLetterIncidents implements DeadLetterObserver {

    static final String INCIDENT_TYPE = "caseflowDeadLetter";

    private final RuntimeService runtime;

    DeadLetterIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @Override
    public void deadLettered(DeadLetter deadLetter) {
        if (deadLetter.caseId() == null) {
            return;
        }
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(deadLetter.caseId()).active().list()) {
            runtime.createIncident(INCIDENT_TYPE, instance.getId(), "dead-letter:" + deadLetter.id(),
                    "Event " + deadLetter.eventType() + " could not be handled (dead letter " + deadLetter.id() + "): "
                            + deadLetter.reason());
        }
    }
}
