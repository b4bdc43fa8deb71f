package org.caseflow.notifications.delivery;

import java.util.UUID;

import org.caseflow.events.NotificationDeliveryChanged;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.springframework.stereotype.Component;

/**
 * Tells the other services where each delivery stands, through the outbox in the transaction that
 * changed it, so case-service can show a case's notifications: agency, channel, status, what about;
 * never the text.
 */
@Component
class DeliveryEvents {

    private final Outbox outbox;
    private final Envelopes envelopes;

    DeliveryEvents(Outbox outbox, Envelopes envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    /**
     * @param about what the notification is about (the event's name, such as TaskCreated)
     */
    void changed(UUID deliveryId, UUID notificationId, String caseId, String agency, String channel, DeliveryStatus status,
                 int attempts, String about, boolean urgent) {
        outbox.append(Topics.NOTIFICATION_EVENTS, NotificationDeliveryChanged.newBuilder()
                // A notification has no correlation id of its own; the case ties its events together.
                .setEnvelope(envelopes.next(NotificationDeliveryChanged.class, caseId, caseId))
                .setDeliveryId(deliveryId.toString())
                .setNotificationId(notificationId.toString())
                .setAgency(agency)
                .setChannel(channel)
                .setStatus(status.name())
                .setAttempts(attempts)
                .setAbout(about)
                .setUrgent(urgent)
                .build());
    }
}
