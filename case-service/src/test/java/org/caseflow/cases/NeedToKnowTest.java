package org.caseflow.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseflow.events.Envelope;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an agency reads of a case depends on why it takes part: the reporting agency its status and what
 * is asked of it; an agency with a task the whole file, until a while after its last task ended; a share
 * the whole file; the Child Protection Unit, which owns the case, the whole file for as long as it lives.
 */
class NeedToKnowTest extends CaseServiceIntegrationTest {


    @Test
    void theReportingAgencySeesTheStatusAndWhatIsAskedOfItNotTheStory() throws Exception {
        String caseId = reportAs("education.worker");
        send(created(caseId, "screen-" + caseId, "cpu", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((List<?>) http.getForObject("/api/cases/" + caseId, Map.class).get("tasks"))
                .size() == 1);

        Map<String, Object> seen = as("education.worker").getForObject("/api/cases/" + caseId, Map.class);

        assertThat(seen.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(seen.get("reference")).isNotNull();
        assertThat((List<?>) seen.get("tasks")).as("the Child Protection Unit's screening is not asked of the school").isEmpty();
        assertThat(seen.get("narrative")).isNull();
        assertThat(seen.get("location")).isNull();
        assertThat(seen.get("reporter")).isNull();
        assertThat((List<?>) seen.get("children")).isEmpty();
        assertThat((List<?>) seen.get("concerns")).isEmpty();
        assertThat((List<?>) seen.get("timeline")).isEmpty();
        assertThat(seen.toString()).doesNotContain("Ana").doesNotContain("near the port");
        assertThat(post(as("education.worker"), "/api/cases/" + caseId + "/shares",
                "{\"agency\": \"health\", \"consent\": {\"givenBy\": \"PARENT\"}}").getStatusCode())
                .as("sharing a story one may not read").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("cpu.worker").getForObject("/api/cases/" + caseId, Map.class).get("narrative")).as("the owner reads it")
                .isNotNull();

        // Once the procedure asks something of the school, it works on the case and reads it.
        send(created(caseId, "school-" + caseId, "education", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("education.worker").getForObject("/api/cases/" + caseId, Map.class)
                .get("narrative") != null);
    }

    @Test
    void anAgencyReadsTheFileThroughItsTaskUntilAWhileAfterItsLastTaskEnded() throws Exception {
        String caseId = reportAs("emergency-centre.worker");
        Instant longAgo = Instant.now().minus(Duration.ofDays(31));
        Instant yesterday = Instant.now().minus(Duration.ofDays(1));
        send(created(caseId, "health-" + caseId, "health", longAgo));
        send(completed(caseId, "health-" + caseId, longAgo));
        send(created(caseId, "shelter-" + caseId, "shelter", yesterday));
        send(completed(caseId, "shelter-" + caseId, yesterday));
        send(created(caseId, "cpu-" + caseId, "cpu", longAgo));
        send(completed(caseId, "cpu-" + caseId, longAgo));

        await().atMost(Duration.ofSeconds(30)).until(() -> ((List<?>) http.getForObject("/api/cases/" + caseId, Map.class)
                .get("tasks")).stream().filter(t -> ((Map<?, ?>) t).get("completedAt") != null).count() == 3);

        ResponseEntity<String> health = as("health.worker").getForEntity("/api/cases/" + caseId, String.class);
        assertThat(health.getStatusCode()).as("its last task ended 31 days ago").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(health.getBody()).doesNotContain("Ana");
        assertThat(as("shelter.worker").getForObject("/api/cases/" + caseId, Map.class).get("narrative"))
                .as("its last task ended yesterday").isNotNull();
        assertThat(as("cpu.worker").getForObject("/api/cases/" + caseId, Map.class).get("reporter"))
                .as("the owner, for as long as the case lives, and who reported it").isNotNull();
        assertThat(as("shelter.worker").getForObject("/api/cases/" + caseId, Map.class).get("reporter")).isNull();
        assertThat(listed("health.worker")).as("nor is it in health's list of cases").doesNotContain(caseId);
        assertThat(listed("shelter.worker")).contains(caseId);

        assertThat(post(http, "/api/cases/" + caseId + "/shares", "{\"agency\": \"health\", \"overrideReason\": \"the child is ill\"}")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("health.worker").getForObject("/api/cases/" + caseId, Map.class).get("narrative")).as("a share still grants it")
                .isNotNull();
    }

    private List<Object> listed(String user) {
        return ((List<Map<String, Object>>) as(user).getForObject("/api/cases?size=100", Map.class).get("cases")).stream()
                .map(found -> found.get("id")).toList();
    }

    private String reportAs(String user) {
        ResponseEntity<Map> response = post(as(user), "/api/cases", VALID_REPORT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("id");
    }

    private void send(Object event) throws Exception {
        String caseId = org.caseflow.events.CaseEvents.envelopeOf((org.apache.avro.specific.SpecificRecord) event).getCaseId();
        kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, caseId, event).get();
    }

    private static Envelope envelope(String caseId, String type, Instant at) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setEventType(type)
                .setOccurredAt(at).setProducer("workflow-service").setCorrelationId("test").build();
    }

    private static TaskCreated created(String caseId, String taskId, String agency, Instant at) {
        return TaskCreated.newBuilder().setEnvelope(envelope(caseId, "TaskCreated", at)).setTaskId(taskId).setTaskKey("Work")
                .setTaskName("Work").setCandidateGroups(List.of(agency)).setProcessDefinitionId("emergency-response:1:x").build();
    }

    private static TaskCompleted completed(String caseId, String taskId, Instant at) {
        return TaskCompleted.newBuilder().setEnvelope(envelope(caseId, "TaskCompleted", at)).setTaskId(taskId).setTaskKey("Work")
                .setTaskName("Work").setCandidateGroups(List.of("x")).build();
    }
}
