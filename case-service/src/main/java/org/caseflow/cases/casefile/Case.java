package org.caseflow.cases.casefile;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A case: opened by a report, then moved on by the procedure. It guards its own transitions. */
public final class Case {

    private final UUID id;
    private final Report report;
    private final Instant reportedAt;
    private final String correlationId;
    private CaseStatus status;

    public Case(UUID id, Report report, Instant reportedAt, String correlationId, CaseStatus status) {
        this.id = Objects.requireNonNull(id);
        this.report = Objects.requireNonNull(report);
        this.reportedAt = Objects.requireNonNull(reportedAt);
        this.correlationId = Objects.requireNonNull(correlationId);
        this.status = Objects.requireNonNull(status);
    }

    /** Opens a case for a report. */
    public static Case open(Report report, Instant reportedAt, String correlationId) {
        return new Case(UUID.randomUUID(), report, reportedAt, correlationId, CaseStatus.REPORTED);
    }

    /** The procedure has taken the case up (it gave an agency a task). */
    public void procedureStarted() {
        if (status == CaseStatus.REPORTED) {
            status = CaseStatus.IN_PROGRESS;
        }
    }

    public UUID id() {
        return id;
    }

    public Report report() {
        return report;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public String correlationId() {
        return correlationId;
    }

    public CaseStatus status() {
        return status;
    }
}
