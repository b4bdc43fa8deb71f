package org.caseflow.notifications.delivery;

/** Where a delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first try. */
    PENDING,
    /** The channel took it. */
    SENT,
    /** The channel refused it for good (an address it rejects, an agency without the channel): no retry helps. */
    FAILED,
    /** A try failed in a way that may pass; the next is due at nextAttemptAt. */
    RETRYING,
    /** Still failing after the last allowed try. */
    GIVEN_UP
}
