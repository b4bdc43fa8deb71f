package org.caseflow.notifications.delivery;

import java.time.Duration;
import java.time.Instant;

import org.caseflow.notifications.NotificationProperties;

/** When a failed delivery is tried again, and when it is given up. */
record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    static RetryPolicy of(NotificationProperties.Delivery delivery) {
        return new RetryPolicy(delivery.maxAttempts(), delivery.initialBackoff(), delivery.multiplier(),
                delivery.maxBackoff());
    }

    /** Whether the try numbered attempt (from 1) was the last allowed. */
    boolean exhausted(int attempt) {
        return attempt >= maxAttempts;
    }

    /** The pause after the failed try numbered attempt: initial, then growing by the multiplier, capped. */
    Duration backoffAfter(int attempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis((long) millis);
    }

    Instant nextAttemptAfter(int attempt, Instant now) {
        return now.plus(backoffAfter(attempt));
    }
}
