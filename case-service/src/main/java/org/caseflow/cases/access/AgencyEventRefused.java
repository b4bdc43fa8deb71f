package org.caseflow.cases.access;

import java.util.UUID;

/**
 * An agency event that may not be passed on as sent; nothing was recorded but the refusal in the audit
 * log. Either the event itself is wrong (a kind, outcome or attribute its configuration does not
 * declare: 400, naming the field), or the caller may not send it (another agency's event, or a kind
 * the caller's agency does not send: 403).
 */
public class AgencyEventRefused extends RuntimeException {

    private final UUID caseId;
    private final String field;

    AgencyEventRefused(UUID caseId, String field, String message) {
        super(message);
        this.caseId = caseId;
        this.field = field;
    }

    public UUID caseId() {
        return caseId;
    }

    /** The field at fault (kind, outcome, attributes.name), or null when the caller may not send the event at all. */
    public String field() {
        return field;
    }

    public boolean forbidden() {
        return field == null;
    }
}
