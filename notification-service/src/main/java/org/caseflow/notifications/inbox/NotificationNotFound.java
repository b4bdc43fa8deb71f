package org.caseflow.notifications.inbox;

import java.util.UUID;

/** No notification has the id. */
public class NotificationNotFound extends RuntimeException {

    private final UUID notificationId;

    public NotificationNotFound(UUID notificationId) {
        super("No notification " + notificationId);
        this.notificationId = notificationId;
    }

    public UUID notificationId() {
        return notificationId;
    }
}
