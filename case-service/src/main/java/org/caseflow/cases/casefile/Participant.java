package org.caseflow.cases.casefile;

import java.time.Instant;
import java.util.Objects;

/**
 * An agency that takes part in a case, and why; its caseworkers may read the case.
 *
 * @param agency the agency id (DOMAIN.md)
 * @param reason how it came to take part
 * @param since  when it first did
 */
public record Participant(String agency, Reason reason, Instant since) {

    public enum Reason {
        /** A caseworker of the agency reported the case. */
        REPORTED,
        /** The procedure gave the agency a task on the case. */
        TASK,
        /** The case was shared with the agency, on consent or a supervisor's override. */
        SHARED
    }

    public Participant {
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
    }
}
