package org.caseflow.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseflow.cases.access.CaseRetention;
import org.caseflow.messaging.MessagingRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** A closed case is erased after its retention; the plumbing forgets what it no longer needs. */
class RetentionTest extends CaseServiceIntegrationTest {

    @Autowired CaseRetention caseRetention;
    @Autowired MessagingRetention messagingRetention;

    @Test
    void aCaseClosedLongerAgoThanItsRetentionIsErasedAndTheAuditLogKeepsWhoDidWhatWithoutDetails() {
        String expired = report();
        String recent = report();
        post(http, "/api/cases/" + expired + "/shares", "{\"agency\": \"health\", \"overrideReason\": \"Ana is alone tonight\"}");
        jdbc.sql("update case_file set status = 'CLOSED', updated_at = now() - interval '3651 days' where id = ?::uuid")
                .param(expired).update();
        jdbc.sql("update case_file set status = 'CLOSED', updated_at = now() - interval '30 days' where id = ?::uuid")
                .param(recent).update();

        assertThat(caseRetention.eraseExpired()).isGreaterThanOrEqualTo(1);

        assertThat(http.getForEntity("/api/cases/" + expired, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        for (String table : List.of("case_child", "case_concern", "case_timeline", "case_participant", "case_share")) {
            assertThat(jdbc.sql("select count(*) from " + table + " where case_id = ?::uuid").param(expired).query(Long.class).single())
                    .as(table).isZero();
        }
        List<Map<String, Object>> audit = http.getForObject("/api/audit?caseId=" + expired, List.class);
        assertThat(audit).extracting(e -> e.get("action")).contains("CASE_ERASED", "CASE_SHARED", "CASE_REPORTED");
        assertThat(audit.toString()).doesNotContain("Ana is alone");
        assertThat(http.getForEntity("/api/cases/" + recent, String.class).getStatusCode()).as("closed 30 days ago").isEqualTo(HttpStatus.OK);
    }

    @Test
    void processedEventsAndReplayedDeadLettersAreForgottenOpenDeadLettersStay() {
        String old = "old-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        jdbc.sql("insert into processed_event (consumer, event_id, processed_at) values ('test', ?, now() - interval '31 days')")
                .param(old).update();
        jdbc.sql("insert into processed_event (consumer, event_id, processed_at) values ('test', ?, now())").param(fresh).update();
        long replayed = deadLetter("now() - interval '91 days'");
        long open = deadLetter("null");

        messagingRetention.forget();

        assertThat(jdbc.sql("select event_id from processed_event where event_id in (?, ?)").params(old, fresh).query(String.class).list())
                .containsExactly(fresh);
        assertThat(jdbc.sql("select id from dead_letter where id in (?, ?)").params(replayed, open).query(Long.class).list())
                .containsExactly(open);
    }

    private long deadLetter(String replayedAt) {
        return jdbc.sql("insert into dead_letter (consumer_group, topic, partition_no, record_offset, reason, dead_lettered_at, replayed_at)"
                + " values ('test', 'retention-test', 0, (select coalesce(max(record_offset), 0) + 1 from dead_letter), 'test',"
                + " now() - interval '100 days', " + replayedAt + ") returning id").query(Long.class).single();
    }

    private String report() {
        ResponseEntity<Map> response = post(http, "/api/cases", VALID_REPORT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("id");
    }
}
