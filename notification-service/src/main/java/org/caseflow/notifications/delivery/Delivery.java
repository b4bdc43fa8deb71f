package org.caseflow.notifications.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseflow.notifications.directory.Channel;

/**
 * A notification on one channel, with its tries.
 *
 * @param nextAttemptAt when the next try is due (for a try in flight: when its lease ends)
 */
public record Delivery(
        UUID id,
        UUID notificationId,
        String agency,
        Channel channel,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant updatedAt,
        List<DeliveryAttempt> history) {
}
