package org.caseflow.messaging;

/**
 * An event that decoded but can never be handled (it breaks a rule of its contract). Thrown by a
 * listener, it sends the event straight to the dead-letter topic, without retries.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
