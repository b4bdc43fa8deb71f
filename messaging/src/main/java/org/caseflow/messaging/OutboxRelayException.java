package org.caseflow.messaging;

/** An outbox row could not be published; it stays in the outbox and is tried again. */
public class OutboxRelayException extends RuntimeException {

    public OutboxRelayException(String message, Throwable cause) {
        super(message, cause);
    }
}
