package org.caseflow.workflow.steps;


import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.caseflow.workflow.procedure.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Publishes that a step happened. Input parameters: {@code eventName} (past tense, such as
 * CaseScreened), optionally {@code outcome} (the decision), and any others, passed on as attributes.
 * The event goes through the outbox, in the engine's transaction. When it happened is kept in the
 * variable {@link ProcessVariables#happenedAt}, for deadlines that count from it.
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
        String eventName = parameters.required("eventName");
        outbox.append(Topics.WORKFLOW_EVENTS, CaseStepRecorded.newBuilder()
                .setEnvelope(envelopes.next(CaseStepRecorded.class, caze.caseId(), caze.correlationId()))
                .setName(eventName)
                .setRiskLevel(caze.riskLevel())
                .setOutcome(parameters.optional("outcome"))
                .setAttributes(parameters.others("eventName", "outcome"))
                .build());
        execution.setVariable(ProcessVariables.happenedAt(eventName), ClockUtil.getCurrentTime());
    }
}
