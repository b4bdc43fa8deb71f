package org.caseflow.cases.access;

/** An Idempotency-Key the caller already sent with another report: nothing was made (422). */
public class IdempotencyKeyReused extends RuntimeException {

    IdempotencyKeyReused() {
        super("This Idempotency-Key came with another report; send a new key for a new report");
    }
}
