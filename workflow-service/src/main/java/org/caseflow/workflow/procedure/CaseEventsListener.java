package org.caseflow.workflow.procedure;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.CaseReopened;
import org.caseflow.events.CaseReported;
import org.caseflow.events.Topics;
import org.caseflow.workflow.correlation.AgencyEventCorrelator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The case events that move the procedure; one handler per event type. */
@Component
@KafkaListener(id = "workflow-service.case-events", topics = {Topics.CASE_EVENTS, Topics.CASE_EVENTS + Topics.REPLAY_INFIX + "workflow-service"},
        groupId = "workflow-service")
class CaseEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

    private final ProcedureStarter starter;
    private final ProcedureReopener reopener;
    private final AgencyEventCorrelator correlator;

    CaseEventsListener(ProcedureStarter starter, ProcedureReopener reopener, AgencyEventCorrelator correlator) {
        this.starter = starter;
        this.reopener = reopener;
        this.correlator = correlator;
    }

    @KafkaHandler
    void on(CaseReported event) {
        starter.caseReported(event);
    }

    @KafkaHandler
    void on(CaseReopened event) {
        reopener.caseReopened(event);
    }

    @KafkaHandler
    void on(AgencyEventReceived event) {
        correlator.correlate(event);
    }

    @KafkaHandler(isDefault = true)
    void onOther(SpecificRecord event) {
        log.debug("workflow-service does not act on {}", event.getSchema().getName());
    }
}
