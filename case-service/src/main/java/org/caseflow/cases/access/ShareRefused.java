package org.caseflow.cases.access;

import java.util.UUID;

/** A share that may not be made as asked; nothing was recorded but the refusal in the audit log. */
public class ShareRefused extends RuntimeException {

    /** Why: the request itself is wrong (400), or the caller may not do it (403). */
    public enum Reason {
        UNKNOWN_AGENCY, OVERRIDE_NEEDS_SUPERVISOR
    }

    private final UUID caseId;
    private final Reason reason;

    ShareRefused(UUID caseId, Reason reason, String message) {
        super(message);
        this.caseId = caseId;
        this.reason = reason;
    }

    public UUID caseId() {
        return caseId;
    }

    public Reason reason() {
        return reason;
    }
}
