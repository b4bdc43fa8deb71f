package org.caseflow.workflow.steps;


import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caseflow.events.CaseChanges;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.caseflow.workflow.procedure.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Publishes that a step happened, as CaseStepRecorded. Input parameters: {@code eventName} (past tense,
 * such as JointInterviewHeld), optionally {@code outcome} (the decision), and any others, passed on as
 * attributes. What changes the case itself has a typed event ({@link RecordCaseChange}); a model from
 * before those that names one here (CaseScreened, CaseClosed...) gets it typed all the same.
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
        CaseStepRecorded step = CaseStepRecorded.newBuilder()
                .setEnvelope(envelopes.next(CaseStepRecorded.class, caze.caseId(), caze.correlationId()))
                .setName(eventName)
                .setRiskLevel(caze.riskLevel())
                .setOutcome(parameters.optional("outcome"))
                .setAttributes(parameters.others("eventName", "outcome"))
                .build();
        Optional<SpecificRecord> change = CaseChanges.fromStep(step);
        if (change.isPresent()) {
            // A model from before the typed case changes: what changes the case goes out typed all the same.
            RecordCaseChange.publish(outbox, change.get(), execution);
            return;
        }
        outbox.append(Topics.WORKFLOW_EVENTS, step);
        execution.setVariable(ProcessVariables.happenedAt(eventName), ClockUtil.getCurrentTime());
    }
}
