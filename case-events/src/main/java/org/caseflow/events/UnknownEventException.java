package org.caseflow.events;

/** Bytes that are not a case event this build knows: not single-object encoded, or of an unknown schema. */
public class UnknownEventException extends RuntimeException {

    public UnknownEventException(String message) {
        super(message);
    }

    public UnknownEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
