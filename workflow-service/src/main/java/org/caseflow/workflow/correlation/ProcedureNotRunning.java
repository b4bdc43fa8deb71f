package org.caseflow.workflow.correlation;

/**
 * An agency event arrived for a case with no running procedure. It is retried (the procedure may be
 * about to start) and then dead-lettered with this reason.
 */
public class ProcedureNotRunning extends RuntimeException {

    public ProcedureNotRunning(String caseId, String kind) {
        super("No running procedure for case " + caseId + " to take " + kind);
    }
}
