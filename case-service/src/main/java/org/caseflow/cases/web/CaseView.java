package org.caseflow.cases.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.caseflow.cases.access.CaseFile;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseStatus;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.Decision;
import org.caseflow.cases.casefile.MissedDeadline;
import org.caseflow.cases.casefile.NotificationDelivery;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.Report;
import org.caseflow.cases.casefile.ReportSource;
import org.caseflow.cases.casefile.Share;
import org.caseflow.cases.casefile.TimelineEntry;

/**
 * A case as GET /api/cases/{id} returns it. A share shows whether it rests on consent or an override;
 * the override's reason is for supervisors, in the audit log. The reporter is null for a reader who
 * may not know who reported; for a reader who may know only the case's status (the agency that reported
 * it), the story is left out: no concerns, children, place or account, and only their own tasks.
 */
record CaseView(
        UUID id,
        String reference,
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
        List<CaseTask> tasks,
        List<MissedDeadline> missedDeadlines,
        List<Decision> decisions,
        List<NotificationDelivery> notifications,
        List<TimelineEntry> timeline) {

    record ShareView(String agency, String sharedBy, Instant sharedAt, Share.Consent consent, boolean overridden) {
    }

    static CaseView of(CaseFile file) {
        Case caze = file.caze();
        Report report = caze.report();
        boolean story = file.storyVisible();
        return new CaseView(caze.id(), caze.reference(), caze.status(), caze.riskLevel(), caze.reportedAt(), report.source(),
                story ? report.concerns().stream().sorted().toList() : List.of(), story && report.immediateDanger(),
                story ? report.children() : List.of(), story ? report.location() : null, story ? report.narrative() : null,
                file.reporterVisible() ? report.reporter() : null, file.participants(),
                file.shares().stream().map(share -> new ShareView(share.agency(), share.sharedBy(), share.sharedAt(),
                        share.consent(), share.overridden())).toList(),
                file.tasks(), file.missedDeadlines(), file.decisions(), file.notifications(), file.timeline());
    }
}
