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
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TimelineTest extends CaseServiceIntegrationTest {


    @Test
    void addsWorkflowEventsToTheTimelineOnceEachInOrder() throws Exception {
        String caseId = (String) postReport(VALID_REPORT).getBody().get("id");
        TaskCreated created = TaskCreated.newBuilder()
                .setEnvelope(envelope(caseId, "TaskCreated"))
                .setTaskId("t-1").setTaskKey("ScreenReport").setTaskName("Screen the report")
                .setCandidateGroups(List.of("cpu")).setProcessDefinitionId("emergency-response:1:x").build();
        TaskCompleted completed = TaskCompleted.newBuilder()
                .setEnvelope(envelope(caseId, "TaskCompleted"))
                .setTaskId("t-1").setTaskKey("ScreenReport").setTaskName("Screen the report")
                .setCandidateGroups(List.of("cpu")).setCompletedBy("cpu.worker").build();

        kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, caseId, created).get();
        kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, caseId, created).get();
        kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, caseId, completed).get();

        Map<?, ?> caseFile = await().atMost(Duration.ofSeconds(30))
                .until(() -> http.getForObject("/api/cases/" + caseId, Map.class),
                        c -> ((List<?>) c.get("timeline")).size() >= 3);
        assertThat((List<Map<String, Object>>) caseFile.get("timeline")).extracting(e -> e.get("eventType"))
                .containsExactly("CaseReported", "TaskCreated", "TaskCompleted");
        assertThat(caseFile.get("status")).isEqualTo("IN_PROGRESS");
    }

    private static Envelope envelope(String caseId, String type) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setEventType(type)
                .setOccurredAt(Instant.now()).setProducer("workflow-service").setCorrelationId("test").build();
    }
}
