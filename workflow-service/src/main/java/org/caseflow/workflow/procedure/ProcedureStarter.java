package org.caseflow.workflow.procedure;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.caseflow.events.CaseReported;
import org.caseflow.events.Concern;
import org.caseflow.events.Envelope;
import org.caseflow.events.ReportedChild;
import org.caseflow.messaging.ProcessedEvents;
import org.caseflow.workflow.WorkflowProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the procedure for a reported case, once per case: the business key is the case id, and the
 * mark that the event was processed commits with the new process instance.
 */
@Service
class ProcedureStarter {

    private static final Logger log = LoggerFactory.getLogger(ProcedureStarter.class);
    static final String CONSUMER = "workflow-service.procedure";

    private final RuntimeService runtime;
    private final ProcessedEvents processedEvents;
    private final WorkflowProperties properties;

    ProcedureStarter(RuntimeService runtime, ProcessedEvents processedEvents, WorkflowProperties properties) {
        this.runtime = runtime;
        this.processedEvents = processedEvents;
        this.properties = properties;
    }

    @Transactional
    public void caseReported(CaseReported event) {
        Envelope envelope = event.getEnvelope();
        String caseId = envelope.getCaseId();
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            log.debug("CaseReported {} for case {} seen before", envelope.getEventId(), caseId);
            return;
        }
        long running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(properties.procedureKey())
                .processInstanceBusinessKey(caseId)
                .count();
        if (running > 0) {
            log.warn("Case {} already has a {} procedure; event {} ignored", caseId, properties.procedureKey(),
                    envelope.getEventId());
            return;
        }
        ProcessInstance instance = runtime.createProcessInstanceByKey(properties.procedureKey())
                .businessKey(caseId)
                .setVariables(variables(event))
                .execute();
        log.info("Case {}: procedure {} started as instance {}", caseId, instance.getProcessDefinitionId(), instance.getId());
    }

    /** Ids and the facts decisions are made on; never names or the account, which stay in case-service. */
    static Map<String, Object> variables(CaseReported event) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(ProcessVariables.CASE_ID, event.getEnvelope().getCaseId());
        variables.put(ProcessVariables.CORRELATION_ID, event.getEnvelope().getCorrelationId());
        // Deadlines that count from the report count from when case-service took it, however late it arrives here.
        variables.put(ProcessVariables.happenedAt("CaseReported"), Date.from(event.getEnvelope().getOccurredAt()));
        // Reports from before CaseReported v2 carry no reference: the id's first characters stand in.
        variables.put(ProcessVariables.CASE_REFERENCE, event.getReference() != null ? event.getReference()
                : event.getEnvelope().getCaseId().substring(0, 8));
        variables.put(ProcessVariables.REPORT_SOURCE, event.getSource().name());
        variables.put(ProcessVariables.IMMEDIATE_DANGER, event.getImmediateDanger());
        variables.put(ProcessVariables.CONCERNS, String.join(",", event.getConcerns().stream().map(Concern::name).toList()));
        variables.put(ProcessVariables.TRAFFICKING_SUSPECTED, event.getConcerns().contains(Concern.TRAFFICKING_SUSPECTED));
        variables.put(ProcessVariables.UNACCOMPANIED, event.getConcerns().contains(Concern.UNACCOMPANIED));
        variables.put(ProcessVariables.CHILD_COUNT, event.getChildren().size());
        variables.put(ProcessVariables.YOUNGEST_CHILD_AGE, event.getChildren().stream()
                .map(ReportedChild::getAgeYears).filter(Objects::nonNull).min(Integer::compare).orElse(null));
        return variables;
    }
}
