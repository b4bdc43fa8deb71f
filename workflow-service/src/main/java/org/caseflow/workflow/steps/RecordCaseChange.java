package org.caseflow.workflow.steps;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.caseflow.events.CaseChanges;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.caseflow.workflow.procedure.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * Records a change of the case as its typed event (CaseScreened, CaseClosed... of
 * {@link CaseChanges#TYPES}). Input parameters: {@code change}, the event's name, and one per field of
 * that event, named as the field; the case's risk level is filled in when the model gives none. A field
 * missing or of the wrong kind stops the step with an incident that names it (a deployment is checked
 * for the same before it runs). The event goes through the outbox, in the engine's transaction; when
 * it happened is kept in {@link ProcessVariables#happenedAt}, for deadlines that count from it.
 */
@Component("recordCaseChange")
class RecordCaseChange implements JavaDelegate {

    static final String CHANGE = "change";

    private final Outbox outbox;
    private final Envelopes envelopes;

    RecordCaseChange(Outbox outbox, Envelopes envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepParameters parameters = StepParameters.of(execution);
        String name = parameters.required(CHANGE);
        Class<? extends SpecificRecord> type = CaseChanges.type(name).orElseThrow(() -> new IllegalStateException(
                "The step " + execution.getCurrentActivityId() + " names '" + name + "', which is not a case change; one of "
                        + CaseChanges.TYPES.stream().map(Class::getSimpleName).toList()));
        CaseContext caze = CaseContext.of(execution);
        Map<String, Object> values = new HashMap<>(parameters.values());
        values.putIfAbsent(CaseChanges.RISK_LEVEL, caze.riskLevel());
        publish(outbox, CaseChanges.build(type, envelopes.next(type, caze.caseId(), caze.correlationId()), values), execution);
    }

    /** Writes the change to the outbox and keeps when it happened, under its event's name. */
    static void publish(Outbox outbox, SpecificRecord change, DelegateExecution execution) {
        outbox.append(Topics.WORKFLOW_EVENTS, change);
        execution.setVariable(ProcessVariables.happenedAt(change.getSchema().getName()), ClockUtil.getCurrentTime());
    }
}
