package org.caseflow.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseflow.cases.access.CaseFile;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseStatus;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.Report;
import org.caseflow.cases.casefile.ReportSource;
import org.caseflow.cases.casefile.Share;
import org.caseflow.cases.casefile.TimelineEntry;

/**
 * A case as GET /api/cases/{id} returns it. A share shows whether it rests on consent or an override;
 * the override's reason is for supervisors, in the audit log.
 */
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
        List<Participant> agencies,
        List<ShareView> shares,
        List<TimelineEntry> timeline) {

    record ShareView(String agency, String sharedBy, Instant sharedAt, Share.Consent consent, boolean overridden) {
    }

    static CaseView of(CaseFile file) {
        Case caze = file.caze();
        Report report = caze.report();
        return new CaseView(caze.id(), caze.status(), caze.riskLevel(), caze.reportedAt(), report.source(),
                report.concerns().stream().sorted().toList(), report.immediateDanger(), report.children(),
                report.location(), report.narrative(), report.reporter(), file.participants(),
                file.shares().stream().map(share -> new ShareView(share.agency(), share.sharedBy(), share.sharedAt(),
                        share.consent(), share.overridden())).toList(),
                file.timeline());
    }
}
