package org.caseflow.events;

/** A case change a model asked for that its schema does not allow: a field missing or of the wrong kind. */
public class InvalidCaseChangeException extends IllegalArgumentException {

    public InvalidCaseChangeException(String message) {
        super(message);
    }
}
