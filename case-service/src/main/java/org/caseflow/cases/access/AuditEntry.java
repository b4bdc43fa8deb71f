package org.caseflow.cases.access;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit record: who did what with which case, when, from where, and whether it was let through.
 *
 * @param actorGroups the user's groups at the time, comma-separated
 * @param detail      what a supervisor needs to judge the action; never a child's data
 */
public record AuditEntry(long id, Instant at, String actor, String actorGroups, String address, AuditAction action,
                         UUID caseId, Outcome outcome, String detail) {

    public enum Outcome {
        DONE,
        /** The caller may not see or change the case (or it does not exist): nothing was shown or changed. */
        REFUSED,
        /** Let through, but the case's state or existence stopped it (a reopen of an open case): nothing changed. */
        FAILED
    }
}
