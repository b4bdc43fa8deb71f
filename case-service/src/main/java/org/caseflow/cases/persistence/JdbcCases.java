package org.caseflow.cases.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.caseflow.cases.casefile.Case;
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
                insert into case_file (id, status, source, immediate_danger, municipality, location_details,
                                       narrative, reporter_name, reporter_phone, reported_at, correlation_id, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caze.id(), caze.status().name(), report.source().name(), report.immediateDanger(),
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
        return new Case(rs.getObject("id", UUID.class), report, rs.getTimestamp("reported_at").toInstant(),
                rs.getString("correlation_id"), CaseStatus.valueOf(rs.getString("status")), rs.getString("risk_level"));
    }
}
