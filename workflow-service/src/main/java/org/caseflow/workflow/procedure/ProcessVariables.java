package org.caseflow.workflow.procedure;

/** The names of the process variables the models and the delegates share. */
public final class ProcessVariables {

    public static final String CASE_ID = "caseId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REPORT_SOURCE = "reportSource";
    public static final String IMMEDIATE_DANGER = "immediateDanger";
    /** Comma-separated concern names, such as "NEGLECT,BEGGING". */
    public static final String CONCERNS = "concerns";
    public static final String TRAFFICKING_SUSPECTED = "traffickingSuspected";
    public static final String UNACCOMPANIED = "unaccompanied";
    public static final String CHILD_COUNT = "childCount";
    /** Age of the youngest child whose age is known; null when no age is known. */
    public static final String YOUNGEST_CHILD_AGE = "youngestChildAge";

    /** The case's short reference, such as 2026-00042, that a person says on the phone. */
    public static final String CASE_REFERENCE = "caseReference";
    /** The case file page; every form links to it. Set again on each new task, so it follows the configuration. */
    public static final String CASE_FILE_URL = "caseFileUrl";

    /** HIGH, MEDIUM or LOW: set by the screening worker. */
    public static final String RISK_LEVEL = "riskLevel";

    /**
     * The variable that holds when an event of the case happened, such as {@code caseScreenedAt} for
     * CaseScreened: set when the procedure publishes the event or receives it from an agency, so that a
     * deadline can count from it (the column "counted from" of deadlines.dmn).
     */
    public static String happenedAt(String eventName) {
        return Character.toLowerCase(eventName.charAt(0)) + eventName.substring(1) + "At";
    }

    private ProcessVariables() {
    }
}
