package org.caseflow.workflow.correlation;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.caseflow.events.AgencyEventReceived;
import org.caseflow.messaging.ProcessedEvents;
import org.caseflow.workflow.procedure.ProcessVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers an agency event to the case's procedure as the message named by its kind, with variables
 * named after the kind: for CourtDecisionRecorded, {@code courtDecision} (the outcome),
 * {@code courtDecisionReference} and {@code courtDecisionBy}; each of the event's attributes becomes
 * {@code courtDecision_<name>}, a name no variable of the procedure's own has (they have no
 * underscore), so an attribute cannot set or replace one. When no activity waits for it yet, the
 * message is kept for the process to take (see {@link EarlyMessages}).
 */
@Service
public class AgencyEventCorrelator {

    private static final Logger log = LoggerFactory.getLogger(AgencyEventCorrelator.class);
    static final String CONSUMER = "workflow-service.agency-events";
    static final String ATTRIBUTE = "_";

    private final RuntimeService runtime;
    private final EarlyMessages earlyMessages;
    private final ProcessedEvents processedEvents;

    AgencyEventCorrelator(RuntimeService runtime, EarlyMessages earlyMessages, ProcessedEvents processedEvents) {
        this.runtime = runtime;
        this.earlyMessages = earlyMessages;
        this.processedEvents = processedEvents;
    }

    @Transactional
    public void correlate(AgencyEventReceived event) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        String caseId = event.getEnvelope().getCaseId();
        String kind = event.getKind();
        earlyMessages.lockCase(caseId);
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).active().count() == 0) {
            throw new ProcedureNotRunning(caseId, kind);
        }
        Map<String, Object> variables = variables(event);
        List<MessageCorrelationResult> results = runtime.createMessageCorrelation(kind)
                .processInstanceBusinessKey(caseId)
                .setVariables(variables)
                .correlateAllWithResult();
        if (results.isEmpty()) {
            earlyMessages.keep(caseId, kind, variables);
            log.info("Case {}: {} arrived before the procedure waits for it; kept", caseId, kind);
        } else {
            log.info("Case {}: {} delivered to the procedure", caseId, kind);
        }
    }

    static Map<String, Object> variables(AgencyEventReceived event) {
        String base = variableBase(event.getKind());
        Map<String, Object> variables = new HashMap<>();
        event.getAttributes().forEach((name, value) -> variables.put(base + ATTRIBUTE + name, value));
        variables.put(base, event.getOutcome());
        variables.put(base + "Reference", event.getReference());
        variables.put(base + "By", event.getAgency());
        variables.put(ProcessVariables.happenedAt(event.getKind()), Date.from(event.getEnvelope().getOccurredAt()));
        return variables;
    }

    /** CourtDecisionRecorded → courtDecision; MedicalResultReceived → medicalResult. */
    static String variableBase(String kind) {
        String base = kind.replaceFirst("(Recorded|Received)$", "");
        return Character.toLowerCase(base.charAt(0)) + base.substring(1);
    }
}
