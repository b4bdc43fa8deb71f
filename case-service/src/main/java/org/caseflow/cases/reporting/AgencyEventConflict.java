package org.caseflow.cases.reporting;

import java.util.UUID;

/**
 * An agency event under a reference the case already has with another outcome: a decision does not
 * change under its number (a new decision has a number of its own). Nothing was recorded.
 */
public class AgencyEventConflict extends RuntimeException {

    private final UUID caseId;
    private final String reference;

    AgencyEventConflict(UUID caseId, String kind, String reference, String earlierOutcome) {
        super(kind + " " + reference + " was received for this case with the outcome " + earlierOutcome
                + "; a different decision needs a reference of its own");
        this.caseId = caseId;
        this.reference = reference;
    }

    public UUID caseId() {
        return caseId;
    }

    public String reference() {
        return reference;
    }
}
