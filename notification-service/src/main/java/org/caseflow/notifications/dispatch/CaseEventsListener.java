package org.caseflow.notifications.dispatch;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.CaseReopened;
import org.caseflow.events.CaseReported;
import org.caseflow.events.Topics;
import org.caseflow.notifications.routing.RoutableEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The case record's events: reports, other agencies' news, reopened cases. */
@Component
@KafkaListener(id = "notification-service.case-events", topics = {Topics.CASE_EVENTS, Topics.CASE_EVENTS + Topics.REPLAY_INFIX + "notification-service"},
        groupId = "notification-service")
class CaseEventsListener {

    private static final Logger log = LoggerFactory.getLogger(CaseEventsListener.class);

    private final AgencyNotifier notifier;

    CaseEventsListener(AgencyNotifier notifier) {
        this.notifier = notifier;
    }

    @KafkaHandler
    void on(CaseReported event) {
        notifier.dispatch(RoutableEvent.of(event));
    }

    @KafkaHandler
    void on(AgencyEventReceived event) {
        notifier.dispatch(RoutableEvent.of(event));
    }

    @KafkaHandler
    void on(CaseReopened event) {
        notifier.dispatch(RoutableEvent.of(event));
    }

    @KafkaHandler(isDefault = true)
    void onOther(SpecificRecord event) {
        log.debug("No notification for {}", event.getSchema().getName());
    }
}
