package org.caseflow.workflow.procedure;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.caseflow.events.CaseReopened;
import org.caseflow.messaging.ProcessedEvents;
import org.caseflow.workflow.WorkflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a reopened case up again: starts the procedure at its "Case reopened" message start event,
 * with the facts of the case's last procedure, so the reopening becomes part of the case's history.
 */
@Service
class ProcedureReopener {

    private static final Logger log = LoggerFactory.getLogger(ProcedureReopener.class);
    static final String CONSUMER = "workflow-service.reopen";
    static final String MESSAGE = "CaseReopened";
    private static final List<String> CARRIED_OVER = List.of(ProcessVariables.TRAFFICKING_SUSPECTED,
            ProcessVariables.UNACCOMPANIED, ProcessVariables.CHILD_COUNT, ProcessVariables.YOUNGEST_CHILD_AGE,
            ProcessVariables.CONCERNS, ProcessVariables.REPORT_SOURCE, ProcessVariables.RISK_LEVEL);

    private final RuntimeService runtime;
    private final HistoryService history;
    private final ProcessedEvents processedEvents;
    private final WorkflowProperties properties;

    ProcedureReopener(RuntimeService runtime, HistoryService history, ProcessedEvents processedEvents, WorkflowProperties properties) {
        this.runtime = runtime;
        this.history = history;
        this.processedEvents = processedEvents;
        this.properties = properties;
    }

    @Transactional
    public void caseReopened(CaseReopened event) {
        String caseId = event.getEnvelope().getCaseId();
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).active().count() > 0) {
            log.warn("Case {} was reopened but its procedure still runs; nothing started", caseId);
            return;
        }
        Map<String, Object> variables = new HashMap<>();
        HistoricProcessInstance last = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(properties.procedureKey()).processInstanceBusinessKey(caseId)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (last != null) {
            for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                    .processInstanceId(last.getId()).variableNameIn(CARRIED_OVER.toArray(String[]::new)).list()) {
                variables.put(variable.getName(), variable.getValue());
            }
        }
        variables.putIfAbsent(ProcessVariables.TRAFFICKING_SUSPECTED, false);
        if (event.getRiskLevel() != null) {
            variables.put(ProcessVariables.RISK_LEVEL, event.getRiskLevel());
        }
        variables.putIfAbsent(ProcessVariables.RISK_LEVEL, "MEDIUM");
        variables.put(ProcessVariables.CASE_ID, caseId);
        variables.put(ProcessVariables.CORRELATION_ID, event.getEnvelope().getCorrelationId());
        variables.put(ProcessVariables.IMMEDIATE_DANGER, false);
        // The supervisor who reopens decides that it is a protection case again, at its last risk level: the
        // reopened procedure skips the screening, and deadlines that count from the screening count from now.
        Date reopened = Date.from(event.getEnvelope().getOccurredAt());
        variables.put(ProcessVariables.happenedAt("CaseScreened"), reopened);
        variables.put(ProcessVariables.happenedAt("CaseReported"), reopened);
        runtime.createMessageCorrelation(MESSAGE).processInstanceBusinessKey(caseId).setVariables(variables).correlateStartMessage();
        log.info("Case {} reopened: procedure started again", caseId);
    }
}
