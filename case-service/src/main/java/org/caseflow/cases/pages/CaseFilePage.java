package org.caseflow.cases.pages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseflow.cases.access.CaseFile;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.Decision;
import org.caseflow.cases.casefile.MissedDeadline;
import org.caseflow.cases.casefile.NotificationDelivery;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.Report;
import org.caseflow.cases.casefile.Share;
import org.caseflow.cases.casefile.TimelineEntry;
import org.springframework.web.util.UriTemplate;

/**
 * What the case file page shows, in the order a caseworker reads it, with times in Albania's zone. The
 * reporter is absent for a reader who may not know who reported.
 */
record CaseFilePage(
        UUID id,
        String reference,
        String status,
        String riskLevel,
        ZonedDateTime reportedAt,
        String source,
        boolean storyVisible,
        List<Concern> concerns,
        boolean immediateDanger,
        List<Report.Child> children,
        Report.Location location,
        String narrative,
        Report.Reporter reporter,
        List<Participant> agencies,
        List<Task> openTasks,
        List<Task> deadlines,
        List<Missed> missedDeadlines,
        List<Made> decisions,
        List<Told> notifications,
        List<Shared> shares,
        List<Entry> timeline) {

    record Task(String key, String name, List<String> agencies, ZonedDateTime dueAt, ZonedDateTime createdAt,
                ZonedDateTime completedAt, String state, String link) {
    }

    record Missed(String deadline, String taskKey, String taskName, ZonedDateTime dueAt, ZonedDateTime missedAt,
                  List<String> escalatedTo) {
    }

    record Made(String name, String outcome, String riskLevel, String decidedBy, ZonedDateTime decidedAt) {
    }

    record Told(String agency, String channel, String status, boolean delivered, int attempts, String about, boolean urgent,
                ZonedDateTime at) {
    }

    record Shared(String agency, String sharedBy, ZonedDateTime sharedAt, String consentGivenBy, String consentReference,
                  boolean overridden) {
    }

    record Entry(String type, String summary, String producer, ZonedDateTime at) {
    }

    static CaseFilePage of(CaseFile file, ZoneId zone, Instant now, UriTemplate taskUrl) {
        Case caze = file.caze();
        Report report = caze.report();
        List<Task> open = new ArrayList<>();
        List<Task> withDeadline = new ArrayList<>();
        for (CaseTask task : file.tasks()) {
            Task shown = new Task(task.taskKey(), task.taskName(), task.agencies(), at(task.dueAt(), zone), at(task.createdAt(), zone),
                    at(task.completedAt(), zone), task.deadlineAt(now).name(),
                    task.open() ? taskUrl.expand(Map.of("taskId", task.taskId())).toString() : null);
            if (task.open()) {
                open.add(shown);
            }
            if (task.dueAt() != null && !task.cancelled()) {
                withDeadline.add(shown);
            }
        }
        List<Entry> timeline = new ArrayList<>(file.timeline().stream().map(entry -> entry(entry, zone)).toList());
        Collections.reverse(timeline);
        boolean story = file.storyVisible();
        return new CaseFilePage(caze.id(), caze.reference(), caze.status().name(), caze.riskLevel(), at(caze.reportedAt(), zone),
                report.source().name(), story, story ? report.concerns().stream().sorted().toList() : List.of(),
                story && report.immediateDanger(), story ? report.children() : List.of(),
                story ? report.location() : null, story ? report.narrative() : null,
                file.reporterVisible() ? report.reporter() : null, file.participants(),
                open, withDeadline,
                file.missedDeadlines().stream().map(missed -> missed(missed, zone)).toList(),
                file.decisions().stream().map(decision -> made(decision, zone)).toList(),
                file.notifications().stream().map(told -> told(told, zone)).toList(),
                file.shares().stream().map(share -> shared(share, zone)).toList(),
                timeline);
    }

    private static Missed missed(MissedDeadline missed, ZoneId zone) {
        return new Missed(missed.deadline(), missed.taskKey(), missed.taskName(), at(missed.dueAt(), zone),
                at(missed.missedAt(), zone), missed.escalatedTo());
    }

    private static Made made(Decision decision, ZoneId zone) {
        return new Made(decision.name(), decision.outcome(), decision.riskLevel(), decision.decidedBy(),
                at(decision.decidedAt(), zone));
    }

    private static Told told(NotificationDelivery told, ZoneId zone) {
        return new Told(told.agency(), told.channel(), told.status(), told.delivered(), told.attempts(), told.about(),
                told.urgent(), at(told.changedAt(), zone));
    }

    private static Shared shared(Share share, ZoneId zone) {
        return new Shared(share.agency(), share.sharedBy(), at(share.sharedAt(), zone),
                share.consent() == null ? null : share.consent().givenBy().name(),
                share.consent() == null ? null : share.consent().reference(), share.overridden());
    }

    private static Entry entry(TimelineEntry entry, ZoneId zone) {
        return new Entry(entry.eventType(), entry.summary(), entry.producer(), at(entry.occurredAt(), zone));
    }

    static ZonedDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone);
    }
}
