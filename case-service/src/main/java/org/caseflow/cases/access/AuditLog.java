package org.caseflow.cases.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.caseflow.identity.Caller;
import org.caseflow.identity.IdentityProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every read and change of a case, and every refused attempt. A record is written in the transaction
 * of what it records, so a read that cannot be audited is not answered, and a change is never without
 * its record. Records are only ever added.
 */
@Repository
public class AuditLog {

    private static final int MAX_DETAIL = 1200;

    private final JdbcClient jdbc;
    private final String supervisorGroup;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, IdentityProperties identities, Clock clock) {
        this.jdbc = jdbc;
        this.supervisorGroup = identities.supervisorGroup();
        this.clock = clock;
    }

    void record(Caller caller, AuditAction action, UUID caseId, AuditEntry.Outcome outcome, String detail) {
        TreeSet<String> groups = new TreeSet<>(caller.agencies());
        if (caller.supervisor()) {
            groups.add(supervisorGroup);
        }
        jdbc.sql("""
                insert into audit_log (at, actor, actor_groups, address, action, case_id, outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), caller.user(), String.join(",", groups), caller.address(),
                        action.name(), caseId, outcome.name(),
                        detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL))
                .update();
    }

    /**
     * The newest records first, of one case and/or one user when given.
     *
     * @param beforeId only records older than this one (the id of the last record of the previous page), or null
     */
    public List<AuditEntry> find(UUID caseId, String actor, Long beforeId, int limit) {
        return jdbc.sql("""
                select id, at, actor, actor_groups, address, action, case_id, outcome, detail from audit_log
                where (cast(:caseId as uuid) is null or case_id = :caseId)
                  and (cast(:actor as varchar) is null or actor = :actor)
                  and (cast(:beforeId as bigint) is null or id < :beforeId)
                order by id desc limit :limit""")
                .param("caseId", caseId)
                .param("actor", actor)
                .param("beforeId", beforeId)
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("actor_groups"), rs.getString("address"), AuditAction.valueOf(rs.getString("action")),
                        rs.getObject("case_id", UUID.class), AuditEntry.Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("detail")))
                .list();
    }
}
