package org.caseflow.cases.casefile;

/** Where a case stands. */
public enum CaseStatus {
    /** The report is stored; the procedure has not taken it up yet. */
    REPORTED,
    /** The procedure is running: agencies have tasks on the case. */
    IN_PROGRESS,
    /** Closed: screened out, or closure approved by a supervisor. A closed case can be reopened. */
    CLOSED
}
