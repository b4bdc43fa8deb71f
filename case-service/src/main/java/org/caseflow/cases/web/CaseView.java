package org.caseflow.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseStatus;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.Report;
import org.caseflow.cases.casefile.ReportSource;
import org.caseflow.cases.casefile.TimelineEntry;

/** A case as GET /api/cases/{id} returns it. */
record CaseView(
        UUID id,
        CaseStatus status,
        String riskLevel,
        Instant reportedAt,
        ReportSource source,
        List<Concern> concerns,
        boolean immediateDanger,
        List<Report.Child> children,
        Report.Location location,
        String narrative,
        Report.Reporter reporter,
        List<TimelineEntry> timeline) {

    static CaseView of(Case caze, List<TimelineEntry> timeline) {
        Report report = caze.report();
        return new CaseView(caze.id(), caze.status(), caze.riskLevel(), caze.reportedAt(), report.source(),
                report.concerns().stream().sorted().toList(), report.immediateDanger(), report.children(),
                report.location(), report.narrative(), report.reporter(), timeline);
    }
}
