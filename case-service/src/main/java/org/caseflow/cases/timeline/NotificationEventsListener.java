package org.caseflow.cases.timeline;

import org.caseflow.cases.casefile.NotificationDelivery;
import org.caseflow.events.NotificationDeliveryChanged;
import org.caseflow.events.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps, for each case, where its notifications stand (agency, channel, delivered or not), from notification-service. */
@Component
@KafkaListener(id = "case-service.notification-events", topics = {Topics.NOTIFICATION_EVENTS, Topics.NOTIFICATION_EVENTS + Topics.REPLAY_INFIX + "case-service"},
        groupId = "case-service")
class NotificationEventsListener {

    private final CaseTimeline timeline;

    NotificationEventsListener(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @KafkaHandler
    void on(NotificationDeliveryChanged event) {
        timeline.add(event, (cases, caseId, envelope) -> cases.recordNotification(caseId, new NotificationDelivery(
                event.getDeliveryId(), event.getNotificationId(), event.getAgency(), event.getChannel(), event.getStatus(),
                event.getAttempts(), event.getAbout(), event.getUrgent(), envelope.getOccurredAt(), envelope.getOccurredAt())));
    }
}
