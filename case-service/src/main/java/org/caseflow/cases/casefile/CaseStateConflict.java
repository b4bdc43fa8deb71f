package org.caseflow.cases.casefile;

import java.util.UUID;

/** What was asked of a case does not fit the state it is in. */
public class CaseStateConflict extends RuntimeException {

    private final UUID caseId;
    private final CaseStatus status;

    public CaseStateConflict(UUID caseId, String action, CaseStatus status) {
        super("Cannot " + action + " case " + caseId + ": it is " + status);
        this.caseId = caseId;
        this.status = status;
    }

    public UUID caseId() {
        return caseId;
    }

    public CaseStatus status() {
        return status;
    }
}
