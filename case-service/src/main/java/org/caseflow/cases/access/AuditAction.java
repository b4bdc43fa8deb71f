package org.caseflow.cases.access;

/** What an audit record says was done with a case. */
public enum AuditAction {
    CASE_REPORTED, CASE_READ, CASE_REOPENED, AGENCY_EVENT_RECEIVED, CASE_SHARED, CASES_SEARCHED, CASE_LISTED, CASE_ERASED
}
