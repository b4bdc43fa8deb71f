package org.caseflow.cases;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.caseflow.events.Envelope;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What a consumer cannot handle goes to the dead letters with the reason, and can be replayed after a fix. */
class DeadLetterTest extends CaseServiceIntegrationTest {


    @Test
    void aPoisonMessageIsDeadLetteredWithItsOriginAndTheConsumerGoesOn() throws Exception {
        String poisonKey = "poison-" + UUID.randomUUID();
        String caseId = (String) postReport(VALID_REPORT).getBody().get("id");

        kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, poisonKey, "not an event".getBytes(StandardCharsets.UTF_8)).get();
        kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, caseId, taskCreated(caseId)).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> timelineOf(caseId).size(), n -> n == 2);
        ConsumerRecord<String, byte[]> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.readAll(Topics.deadLetterTopicOf(Topics.WORKFLOW_EVENTS), poisonKey), r -> r.size() == 1).get(0);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not an event");
        assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.WORKFLOW_EVENTS);
        assertThat(header(dead, "kafka_dlt-original-offset")).isNotNull();
        assertThat(header(dead, "kafka_dlt-exception-stacktrace")).contains("Not an Avro single-object encoded message");
        Map<String, Object> listed = deadLetters().stream().filter(d -> poisonKey.equals(d.get("caseId"))).findFirst().orElseThrow();
        assertThat((String) listed.get("reason")).contains("Not an Avro single-object encoded message");
    }

    @Test
    void anEventForACaseThatDoesNotExistYetIsDeadLetteredAndReplayedAfterTheFix() throws Exception {
        String caseId = UUID.randomUUID().toString();
        kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, caseId, taskCreated(caseId)).get();

        Map<String, Object> deadLetter = await().atMost(Duration.ofSeconds(60)).until(
                () -> deadLetters().stream().filter(d -> caseId.equals(d.get("caseId"))).findFirst().orElse(null), d -> d != null);
        assertThat((String) deadLetter.get("reason")).contains("No case with id " + caseId);
        assertThat(deadLetter.get("eventType")).isEqualTo("TaskCreated");

        // The fix: the case exists now (as if restored from a backup).
        jdbc.sql("""
                insert into case_file (id, reference, status, source, immediate_danger, municipality, narrative, reported_at, correlation_id, updated_at)
                values (?::uuid, 'RESTORED-1', 'REPORTED', 'POLICE', false, 'Durrës', '-', now(), 'restored', now())""").param(caseId).update();
        jdbc.sql("insert into case_concern (case_id, concern) values (?::uuid, 'NEGLECT')").param(caseId).update();
        jdbc.sql("insert into case_child (case_id, position, description) values (?::uuid, 0, 'a child')").param(caseId).update();
        ResponseEntity<Map> replayed = http.postForEntity("/api/dead-letters/" + deadLetter.get("id") + "/replay", null, Map.class);

        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replayed.getBody().get("replayedAt")).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> timelineOf(caseId).size(), n -> n == 1);
        assertThat(deadLetters()).noneMatch(d -> caseId.equals(d.get("caseId")));
        assertThat(http.postForEntity("/api/dead-letters/999999/replay", null, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private List<Map<String, Object>> deadLetters() {
        return http.getForObject("/api/dead-letters", List.class);
    }

    private List<?> timelineOf(String caseId) {
        return (List<?>) http.getForObject("/api/cases/" + caseId, Map.class).get("timeline");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static TaskCreated taskCreated(String caseId) {
        return TaskCreated.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
                        .setEventType("TaskCreated").setOccurredAt(Instant.now()).setProducer("workflow-service")
                        .setCorrelationId("test").build())
                .setTaskId("t-1").setTaskKey("ScreenReport").setTaskName("Screen the report")
                .setCandidateGroups(List.of("cpu")).setProcessDefinitionId("emergency-response:1:x").build();
    }
}
