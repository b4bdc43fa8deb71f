package org.caseflow.messaging;

import java.time.Instant;

/**
 * A record a consumer gave up on: where it came from, why, and whether it was replayed.
 *
 * @param caseId the record's key, a case id when the record is a case event
 */
public record DeadLetter(long id, String consumerGroup, String topic, int partition, long offset, String caseId,
                         String eventId, String eventType, String reason, Instant deadLetteredAt, Instant replayedAt) {
}
