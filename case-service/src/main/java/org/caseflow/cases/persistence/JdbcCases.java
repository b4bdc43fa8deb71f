package org.caseflow.cases.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseSearch;
import org.caseflow.cases.casefile.CaseSummary;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Decision;
import org.caseflow.cases.casefile.MissedDeadline;
import org.caseflow.cases.casefile.NotificationDelivery;
import org.caseflow.cases.casefile.CaseNotFound;
import org.caseflow.cases.casefile.CaseStatus;
import org.caseflow.cases.casefile.Cases;
import org.caseflow.cases.casefile.Concern;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.Report;
import org.caseflow.cases.casefile.ReportSource;
import org.caseflow.cases.casefile.Share;
import org.caseflow.cases.casefile.TimelineEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCases implements Cases {

    private final JdbcClient jdbc;

    JdbcCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(Case caze) {
        Report report = caze.report();
        jdbc.sql("""
                insert into case_file (id, reference, status, source, immediate_danger, municipality, location_details,
                                       narrative, reporter_name, reporter_phone, reported_at, correlation_id, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caze.id(), caze.reference(), caze.status().name(), report.source().name(), report.immediateDanger(),
                        report.location().municipality(), report.location().details(), report.narrative(),
                        report.reporter().name(), report.reporter().phone(), Timestamp.from(caze.reportedAt()),
                        caze.correlationId(), Timestamp.from(caze.reportedAt()))
                .update();
        for (Concern concern : report.concerns()) {
            jdbc.sql("insert into case_concern (case_id, concern) values (?, ?)").params(caze.id(), concern.name()).update();
        }
        int position = 0;
        for (Report.Child child : report.children()) {
            jdbc.sql("insert into case_child (case_id, position, first_name, description, age_years) values (?, ?, ?, ?, ?)")
                    .params(caze.id(), position++, child.firstName(), child.description(), child.ageYears())
                    .update();
        }
    }

    @Override
    public long nextNumber() {
        return jdbc.sql("select nextval('case_reference_number')").query(Long.class).single();
    }

    @Override
    public Optional<Case> find(UUID id) {
        return find(id, false);
    }

    @Override
    public Case getForUpdate(UUID id) {
        return find(id, true).orElseThrow(() -> new CaseNotFound(id));
    }

    private Optional<Case> find(UUID id, boolean lock) {
        List<Concern> concerns = jdbc.sql("select concern from case_concern where case_id = ?").param(id)
                .query((rs, n) -> Concern.valueOf(rs.getString(1))).list();
        List<Report.Child> children = jdbc.sql("""
                select first_name, description, age_years from case_child where case_id = ? order by position""")
                .param(id)
                .query((rs, n) -> new Report.Child(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3)))
                .list();
        return jdbc.sql("select * from case_file where id = ?" + (lock ? " for update" : "")).param(id)
                .query((rs, n) -> toCase(rs, concerns, children))
                .optional();
    }

    @Override
    public void update(Case caze) {
        jdbc.sql("update case_file set status = ?, risk_level = ?, updated_at = now() where id = ?")
                .params(caze.status().name(), caze.riskLevel(), caze.id())
                .update();
    }

    @Override
    public boolean appendToTimeline(UUID caseId, TimelineEntry entry) {
        return jdbc.sql("""
                insert into case_timeline (case_id, event_id, event_type, occurred_at, producer, summary)
                values (?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(caseId, entry.eventId(), entry.eventType(), Timestamp.from(entry.occurredAt()),
                        entry.producer(), entry.summary())
                .update() == 1;
    }

    @Override
    public List<TimelineEntry> timeline(UUID caseId) {
        return jdbc.sql("""
                select event_id, event_type, occurred_at, producer, summary
                from case_timeline where case_id = ? order by id""")
                .param(caseId)
                .query((rs, n) -> new TimelineEntry(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    @Override
    public void addParticipants(UUID caseId, Collection<String> agencies, Participant.Reason reason, Instant since) {
        for (String agency : agencies) {
            jdbc.sql("""
                    insert into case_participant (case_id, agency, reason, since) values (?, ?, ?, ?)
                    on conflict (case_id, agency) do nothing""")
                    .params(caseId, agency, reason.name(), Timestamp.from(since))
                    .update();
        }
    }

    @Override
    public List<Participant> participants(UUID caseId) {
        return jdbc.sql("select agency, reason, since from case_participant where case_id = ? order by since, agency")
                .param(caseId)
                .query((rs, n) -> new Participant(rs.getString(1), Participant.Reason.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }

    @Override
    public void addShare(Share share) {
        jdbc.sql("""
                insert into case_share (id, case_id, agency, shared_by, shared_at, consent_given_by, consent_reference,
                                        override_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(share.id(), share.caseId(), share.agency(), share.sharedBy(), Timestamp.from(share.sharedAt()),
                        share.consent() == null ? null : share.consent().givenBy().name(),
                        share.consent() == null ? null : share.consent().reference(),
                        share.overrideReason())
                .update();
        addParticipants(share.caseId(), List.of(share.agency()), Participant.Reason.SHARED, share.sharedAt());
    }

    @Override
    public List<Share> shares(UUID caseId) {
        return jdbc.sql("""
                select id, agency, shared_by, shared_at, consent_given_by, consent_reference, override_reason
                from case_share where case_id = ? order by shared_at, id""")
                .param(caseId)
                .query((rs, n) -> new Share(rs.getObject(1, UUID.class), caseId, rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5) == null ? null
                                : new Share.Consent(Share.ConsentGiver.valueOf(rs.getString(5)), rs.getString(6)),
                        rs.getString(7)))
                .list();
    }

    private static Case toCase(ResultSet rs, List<Concern> concerns, List<Report.Child> children) throws SQLException {
        Report report = new Report(
                ReportSource.valueOf(rs.getString("source")),
                new HashSet<>(concerns),
                rs.getBoolean("immediate_danger"),
                children,
                new Report.Location(rs.getString("municipality"), rs.getString("location_details")),
                rs.getString("narrative"),
                new Report.Reporter(rs.getString("reporter_name"), rs.getString("reporter_phone")));
        return new Case(rs.getObject("id", UUID.class), rs.getString("reference"), report, rs.getTimestamp("reported_at").toInstant(),
                rs.getString("correlation_id"), CaseStatus.valueOf(rs.getString("status")), rs.getString("risk_level"));
    }

    @Override
    public void addTask(UUID caseId, CaseTask task) {
        jdbc.sql("""
                insert into case_task (task_id, case_id, task_key, task_name, agencies, due_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (task_id) do nothing""")
                .params(task.taskId(), caseId, task.taskKey(), task.taskName(), String.join(",", task.agencies()),
                        timestamp(task.dueAt()), Timestamp.from(task.createdAt()))
                .update();
    }

    @Override
    public void completeTask(String taskId, Instant completedAt, String completedBy) {
        jdbc.sql("update case_task set completed_at = ?, completed_by = ? where task_id = ? and completed_at is null")
                .params(Timestamp.from(completedAt), completedBy, taskId)
                .update();
    }

    @Override
    public void cancelTask(String taskId, Instant endedAt) {
        jdbc.sql("update case_task set completed_at = ?, cancelled = true where task_id = ? and completed_at is null")
                .params(Timestamp.from(endedAt), taskId)
                .update();
    }

    @Override
    public void cancelOpenTasks(UUID caseId, Instant endedAt) {
        jdbc.sql("update case_task set completed_at = ?, cancelled = true where case_id = ? and completed_at is null")
                .params(Timestamp.from(endedAt), caseId)
                .update();
    }

    @Override
    public List<CaseTask> tasks(UUID caseId) {
        return jdbc.sql("""
                select task_id, task_key, task_name, agencies, due_at, created_at, completed_at, completed_by, cancelled
                from case_task where case_id = ? order by created_at, task_id""")
                .param(caseId)
                .query((rs, n) -> new CaseTask(rs.getString(1), rs.getString(2), rs.getString(3), list(rs.getString(4)),
                        instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), rs.getString(8),
                        rs.getBoolean(9)))
                .list();
    }

    @Override
    public void addMissedDeadline(UUID caseId, String eventId, MissedDeadline missed) {
        jdbc.sql("""
                insert into case_deadline_missed (event_id, case_id, deadline, task_key, task_name, due_at, missed_at, escalated_to)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(eventId, caseId, missed.deadline(), missed.taskKey(), missed.taskName(), Timestamp.from(missed.dueAt()),
                        Timestamp.from(missed.missedAt()), String.join(",", missed.escalatedTo()))
                .update();
    }

    @Override
    public List<MissedDeadline> missedDeadlines(UUID caseId) {
        return jdbc.sql("""
                select deadline, task_key, task_name, due_at, missed_at, escalated_to
                from case_deadline_missed where case_id = ? order by due_at, event_id""")
                .param(caseId)
                .query((rs, n) -> new MissedDeadline(rs.getString(1), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), list(rs.getString(6))))
                .list();
    }

    @Override
    public void addDecision(UUID caseId, String eventId, Decision decision) {
        jdbc.sql("""
                insert into case_decision (event_id, case_id, name, outcome, risk_level, decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing""")
                .params(eventId, caseId, decision.name(), decision.outcome(), decision.riskLevel(), decision.decidedBy(),
                        Timestamp.from(decision.decidedAt()))
                .update();
    }

    @Override
    public List<Decision> decisions(UUID caseId) {
        return jdbc.sql("""
                select name, outcome, risk_level, decided_by, decided_at
                from case_decision where case_id = ? order by decided_at, event_id""")
                .param(caseId)
                .query((rs, n) -> new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        instant(rs.getTimestamp(5))))
                .list();
    }

    @Override
    public void recordNotification(UUID caseId, NotificationDelivery delivery) {
        // Events of one case keep their order on the topic, but a redelivered older one must not win.
        jdbc.sql("""
                insert into case_notification (delivery_id, case_id, notification_id, agency, channel, status, attempts,
                                               about, urgent, first_at, changed_at)
                values (:delivery, :caseId, :notification, :agency, :channel, :status, :attempts, :about, :urgent, :at, :at)
                on conflict (delivery_id) do update set status = excluded.status, attempts = excluded.attempts,
                    changed_at = excluded.changed_at
                where case_notification.attempts < excluded.attempts
                   or (case_notification.attempts = excluded.attempts and case_notification.changed_at < excluded.changed_at)""")
                .param("delivery", delivery.deliveryId())
                .param("caseId", caseId)
                .param("notification", delivery.notificationId())
                .param("agency", delivery.agency())
                .param("channel", delivery.channel())
                .param("status", delivery.status())
                .param("attempts", delivery.attempts())
                .param("about", delivery.about())
                .param("urgent", delivery.urgent())
                .param("at", Timestamp.from(delivery.changedAt()))
                .update();
    }

    @Override
    public List<NotificationDelivery> notifications(UUID caseId) {
        return jdbc.sql("""
                select delivery_id, notification_id, agency, channel, status, attempts, about, urgent, first_at, changed_at
                from case_notification where case_id = ? order by first_at, agency, channel""")
                .param(caseId)
                .query((rs, n) -> new NotificationDelivery(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getString(7), rs.getBoolean(8), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10))))
                .list();
    }

    private static final String SEARCH_WHERE = """
            where (:all
                   -- the rule of access/NeedToKnow: reported, owned, shared, or a task open or recently ended
                   or exists (select 1 from case_participant p where p.case_id = c.id and p.agency = any(:scope)
                              and (p.reason <> 'TASK' or p.agency = any(:owners)))
                   or exists (select 1 from case_share s where s.case_id = c.id and s.agency = any(:scope))
                   or exists (select 1 from case_task t where t.case_id = c.id
                              and string_to_array(t.agencies, ',') && cast(:scope as text[])
                              and (t.completed_at is null or t.completed_at > :tasksEndedAfter)))
              and (cast(:status as varchar) is null or c.status = :status)
              and (cast(:risk as varchar) is null or c.risk_level = :risk)
              and (cast(:agency as varchar) is null
                   or exists (select 1 from case_participant p where p.case_id = c.id and p.agency = :agency))
              and (cast(:concern as varchar) is null
                   or exists (select 1 from case_concern k where k.case_id = c.id and k.concern = :concern))
              and (cast(:overdue as boolean) is null or :overdue = exists (select 1 from case_task t
                   where t.case_id = c.id and t.completed_at is null and t.due_at < :now))
              and (cast(:fromAt as timestamptz) is null or c.reported_at >= :fromAt)
              and (cast(:toAt as timestamptz) is null or c.reported_at < :toAt)
            """;

    @Override
    public CaseSummary.Page search(CaseSearch search, CaseSearch.Scope scope, ZoneId zone, Instant now) {
        long total = searchParams(jdbc.sql("select count(*) from case_file c " + SEARCH_WHERE), search, scope, zone, now)
                .query(Long.class).single();
        String order = switch (search.sort()) {
            case NEWEST -> "c.reported_at desc, c.id";
            case OLDEST -> "c.reported_at, c.id";
            case NEXT_DUE -> "next_due nulls last, c.reported_at desc, c.id";
            case RISK -> "case c.risk_level when 'HIGH' then 0 when 'MEDIUM' then 1 when 'LOW' then 2 else 3 end, c.reported_at desc, c.id";
        };
        List<CaseSummary> page = searchParams(jdbc.sql("""
                select c.id, c.reference, c.status, c.risk_level, c.reported_at,
                       (select string_agg(k.concern, ',' order by k.concern) from case_concern k where k.case_id = c.id) concerns,
                       (select min(ch.age_years) from case_child ch where ch.case_id = c.id) youngest,
                       (select string_agg(p.agency, ',' order by p.since, p.agency) from case_participant p
                         where p.case_id = c.id) agencies,
                       (select count(*) from case_task t where t.case_id = c.id and t.completed_at is null) open_tasks,
                       (select min(t.due_at) from case_task t where t.case_id = c.id and t.completed_at is null) next_due
                from case_file c
                """ + SEARCH_WHERE + " order by " + order + " limit :limit offset :offset"), search, scope, zone, now)
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query((rs, n) -> {
                    Instant nextDue = instant(rs.getTimestamp("next_due"));
                    return new CaseSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
                            CaseStatus.valueOf(rs.getString("status")), rs.getString("risk_level"),
                            instant(rs.getTimestamp("reported_at")),
                            list(rs.getString("concerns")).stream().map(Concern::valueOf).toList(),
                            (Integer) rs.getObject("youngest"), list(rs.getString("agencies")), rs.getInt("open_tasks"),
                            nextDue, nextDue != null && nextDue.isBefore(now));
                })
                .list();
        return new CaseSummary.Page(page, total, search.page(), search.size());
    }

    private static JdbcClient.StatementSpec searchParams(JdbcClient.StatementSpec statement, CaseSearch search,
                                                         CaseSearch.Scope scope, ZoneId zone, Instant now) {
        return statement
                .param("all", scope.all())
                .param("scope", scope.all() ? new String[0] : scope.agencies().toArray(new String[0]))
                .param("owners", scope.owners().toArray(new String[0]))
                .param("tasksEndedAfter", Timestamp.from(scope.tasksEndedAfter()))
                .param("status", search.status() == null ? null : search.status().name())
                .param("risk", search.riskLevel() == null ? null : search.riskLevel().name())
                .param("agency", search.agency())
                .param("concern", search.concern() == null ? null : search.concern().name())
                .param("overdue", search.overdue())
                .param("now", Timestamp.from(now))
                .param("fromAt", search.reportedFrom() == null ? null
                        : Timestamp.from(search.reportedFrom().atStartOfDay(zone).toInstant()))
                .param("toAt", search.reportedTo() == null ? null
                        : Timestamp.from(search.reportedTo().plusDays(1).atStartOfDay(zone).toInstant()));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static List<String> list(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }

    @Override
    public List<UUID> closedBefore(Instant before, int limit) {
        return jdbc.sql("select id from case_file where status = 'CLOSED' and updated_at < ? order by updated_at limit ?")
                .params(Timestamp.from(before), limit).query(UUID.class).list();
    }

    /** Every table that refers to the case, then the case. */
    private static final List<String> CASE_TABLES = List.of("case_concern", "case_child", "case_timeline", "case_participant",
            "case_share", "case_task", "case_deadline_missed", "case_decision", "case_notification", "report_idempotency",
            "agency_event_reference");

    @Override
    public void erase(UUID caseId) {
        for (String table : CASE_TABLES) {
            jdbc.sql("delete from " + table + " where case_id = ?").param(caseId).update();
        }
        jdbc.sql("update audit_log set detail = null where case_id = ?").param(caseId).update();
        jdbc.sql("delete from case_file where id = ?").param(caseId).update();
    }

    @Override
    public Optional<KeptReport> reportedWithKey(String actor, String key, Instant since) {
        return jdbc.sql("""
                select request_digest, case_id from report_idempotency
                where actor = ? and idempotency_key = ? and created_at > ?""")
                .params(actor, key, Timestamp.from(since))
                .query((rs, n) -> new KeptReport(rs.getString(1), rs.getObject(2, UUID.class))).optional();
    }

    @Override
    public void keepReportKey(String actor, String key, String digest, UUID caseId, Instant at) {
        // An expired key of the caller's may be used again.
        jdbc.sql("delete from report_idempotency where actor = ? and idempotency_key = ? and created_at <= ?")
                .params(actor, key, Timestamp.from(at.minusSeconds(1))).update();
        jdbc.sql("""
                insert into report_idempotency (actor, idempotency_key, request_digest, case_id, created_at)
                values (?, ?, ?, ?, ?)""")
                .params(actor, key, digest, caseId, Timestamp.from(at)).update();
    }

    @Override
    public Optional<AgencyEventReference> keepAgencyEventReference(UUID caseId, String kind, String reference, String outcome,
                                                                   String eventId) {
        int kept = jdbc.sql("""
                insert into agency_event_reference (case_id, kind, reference, outcome, event_id) values (?, ?, ?, ?, ?)
                on conflict do nothing""")
                .params(caseId, kind, reference, outcome, eventId).update();
        if (kept == 1) {
            return Optional.empty();
        }
        return jdbc.sql("select outcome, event_id from agency_event_reference where case_id = ? and kind = ? and reference = ?")
                .params(caseId, kind, reference)
                .query((rs, n) -> new AgencyEventReference(rs.getString(1), rs.getString(2))).optional();
    }

    @Override
    public int forgetReportKeys(Instant before) {
        return jdbc.sql("delete from report_idempotency where created_at < ?").param(Timestamp.from(before)).update();
    }
}
