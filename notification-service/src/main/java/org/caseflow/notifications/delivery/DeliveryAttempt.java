package org.caseflow.notifications.delivery;

import java.time.Instant;

/**
 * One try of a delivery.
 *
 * @param outcome null while the try runs, or when it was cut short by a stop
 */
public record DeliveryAttempt(int attempt, Instant startedAt, Instant finishedAt, AttemptOutcome outcome, String error) {
}
