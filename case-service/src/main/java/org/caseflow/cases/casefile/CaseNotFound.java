package org.caseflow.cases.casefile;

import java.util.UUID;

public class CaseNotFound extends RuntimeException {

    private final UUID caseId;

    public CaseNotFound(UUID caseId) {
        super("No case with id " + caseId);
        this.caseId = caseId;
    }

    public UUID caseId() {
        return caseId;
    }
}
