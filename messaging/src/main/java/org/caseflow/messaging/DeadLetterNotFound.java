package org.caseflow.messaging;

public class DeadLetterNotFound extends RuntimeException {

    public DeadLetterNotFound(long id) {
        super("No dead letter with id " + id);
    }
}
