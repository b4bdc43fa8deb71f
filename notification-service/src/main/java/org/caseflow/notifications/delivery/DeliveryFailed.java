package org.caseflow.notifications.delivery;

/**
 * A channel did not take a notification.
 *
 * @see #permanent()
 */
class DeliveryFailed extends Exception {

    private final boolean permanent;

    private DeliveryFailed(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    /** Worth another try later: a timeout, a server error, a connection refused. */
    static DeliveryFailed transientFailure(String message, Throwable cause) {
        return new DeliveryFailed(message, false, cause);
    }

    static DeliveryFailed transientFailure(String message) {
        return new DeliveryFailed(message, false, null);
    }

    /** No later try can succeed: the address is refused, the agency has no such channel. */
    static DeliveryFailed permanentFailure(String message) {
        return new DeliveryFailed(message, true, null);
    }

    boolean permanent() {
        return permanent;
    }
}
