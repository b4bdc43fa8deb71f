package org.caseflow.notifications.delivery;

import java.util.UUID;

import org.caseflow.notifications.directory.Channel;

/** A delivery a worker has claimed for one try, numbered attempt. */
record ClaimedDelivery(UUID id, UUID notificationId, String agency, Channel channel, int attempt) {
}
