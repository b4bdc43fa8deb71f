package org.caseflow.workflow.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.springframework.stereotype.Component;

/**
 * Publishes that a step happened. Input parameters: {@code eventName} (past tense, such as
 * CaseScreened), optionally {@code outcome} (the decision), and any others, passed on as attributes.
 * The event goes through the outbox, in the engine's transaction.
 */
@Component("publishCaseEvent")
class PublishCaseEvent implements JavaDelegate {

    private final Outbox outbox;
    private final Envelopes envelopes;

    PublishCaseEvent(Outbox outbox, Envelopes envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepParameters parameters = StepParameters.of(execution);
        CaseContext caze = CaseContext.of(execution);
        outbox.append(Topics.WORKFLOW_EVENTS, CaseStepRecorded.newBuilder()
                .setEnvelope(envelopes.next(CaseStepRecorded.class, caze.caseId(), caze.correlationId()))
                .setName(parameters.required("eventName"))
                .setRiskLevel(caze.riskLevel())
                .setOutcome(parameters.optional("outcome"))
                .setAttributes(parameters.others("eventName", "outcome"))
                .build());
    }
}
