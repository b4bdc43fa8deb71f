package org.caseflow.notifications.delivery;

/** How one try ended. A try without outcome was cut short (the service stopped mid-send). */
public enum AttemptOutcome {
    SENT,
    /** Failed in a way that may pass (timeout, server error). */
    FAILED,
    /** Refused for good. */
    REJECTED
}
