package org.caseflow.cases.casefile;

import java.time.Instant;

/**
 * Where one notification about the case stands on one channel of one agency: no text, only who was
 * told, how, about what, and whether it arrived.
 *
 * @param channel INBOX, EMAIL, SMS or WEBHOOK
 * @param status  PENDING, SENT, RETRYING, FAILED or GIVEN_UP
 * @param about   the event the notification is about, such as TaskCreated
 */
public record NotificationDelivery(String deliveryId, String notificationId, String agency, String channel, String status, int attempts,
                                   String about, boolean urgent, Instant firstAt, Instant changedAt) {

    public boolean delivered() {
        return "SENT".equals(status);
    }
}
