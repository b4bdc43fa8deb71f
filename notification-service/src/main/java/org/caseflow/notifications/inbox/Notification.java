package org.caseflow.notifications.inbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A notice to one agency that something on a case is asked of it. It names the case and the task,
 * never the child or the story.
 */
public record Notification(
        UUID id,
        String agency,
        String caseId,
        String eventId,
        String eventType,
        String message,
        Instant createdAt) {
}
