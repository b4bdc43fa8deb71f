package org.caseflow.cases.casefile;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** A case: opened by a report, then moved on by the procedure. It guards its own transitions. */
public final class Case {

    private final UUID id;
    private final String reference;
    private final Report report;
    private final Instant reportedAt;
    private final String correlationId;
    private CaseStatus status;
    private String riskLevel;

    public Case(UUID id, String reference, Report report, Instant reportedAt, String correlationId, CaseStatus status,
                String riskLevel) {
        this.id = Objects.requireNonNull(id);
        this.reference = Objects.requireNonNull(reference);
        this.report = Objects.requireNonNull(report);
        this.reportedAt = Objects.requireNonNull(reportedAt);
        this.correlationId = Objects.requireNonNull(correlationId);
        this.status = Objects.requireNonNull(status);
        this.riskLevel = riskLevel;
    }

    /**
     * Opens a case for a report.
     *
     * @param number the case's number, unique across all cases; with the year it makes the reference
     * @param zone   where the year of the report is counted (Albania's time)
     */
    public static Case open(Report report, Instant reportedAt, String correlationId, long number, ZoneId zone) {
        return new Case(UUID.randomUUID(), referenceOf(reportedAt, number, zone), report, reportedAt, correlationId,
                CaseStatus.REPORTED, null);
    }

    /** The short reference a person can say on the phone: the year of the report and the number, 2026-00042. */
    static String referenceOf(Instant reportedAt, long number, ZoneId zone) {
        return String.format(Locale.ROOT, "%d-%05d", reportedAt.atZone(zone).getYear(), number);
    }

    /** The procedure has taken the case up (it gave an agency a task, or recorded a step). */
    public void procedureStarted() {
        if (status == CaseStatus.REPORTED) {
            status = CaseStatus.IN_PROGRESS;
        }
    }

    /** The case was screened at a risk level (HIGH, MEDIUM, LOW). */
    public void screened(String level) {
        procedureStarted();
        this.riskLevel = level;
    }

    /** The procedure closed the case (screened out, or closure approved). */
    public void closed() {
        status = CaseStatus.CLOSED;
    }

    /**
     * Reopens a closed case.
     *
     * @throws CaseStateConflict when the case is not closed
     */
    public void reopen() {
        if (status != CaseStatus.CLOSED) {
            throw new CaseStateConflict(id, "reopen", status);
        }
        status = CaseStatus.IN_PROGRESS;
    }

    public String riskLevel() {
        return riskLevel;
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
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
