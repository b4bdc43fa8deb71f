package org.caseflow.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseflow.events.Envelope;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaProbe;
import org.caseflow.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** notification-service against a real PostgreSQL and a real Kafka broker, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskNotificationTest {

    private static final KafkaProbe kafka = new KafkaProbe(TestInfrastructure.shared().kafka().bootstrapServers());

    @Autowired
    KafkaTemplate<String, Object> kafkaTemplate;
    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infrastructure.postgres().database("notification_service"));
        registry.add("spring.kafka.bootstrap-servers", () -> infrastructure.kafka().bootstrapServers());
    }

    @Test
    void notifiesEachCandidateAgencyOnceHoweverOftenTheEventIsDelivered() throws Exception {
        String caseId = UUID.randomUUID().toString();
        TaskCreated created = taskCreated(caseId, List.of("police", "social-service"));

        kafkaTemplate.send(Topics.WORKFLOW_EVENTS, caseId, created).get();
        kafkaTemplate.send(Topics.WORKFLOW_EVENTS, caseId, created).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.hasConsumedAll("notification-service", Topics.WORKFLOW_EVENTS));
        for (String agency : List.of("police", "social-service")) {
            List<Map<String, Object>> forAgency = notificationsOf(agency, caseId);
            assertThat(forAgency).hasSize(1);
            assertThat((String) forAgency.get(0).get("message")).contains("Joint interview", caseId);
        }
        assertThat(notificationsOf("cpu", caseId)).isEmpty();
    }

    @Test
    void rejectsAnAgencyIdThatIsNoId() {
        var response = http.getForEntity("/api/notifications?agency=<script>", Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    private List<Map<String, Object>> notificationsOf(String agency, String caseId) {
        List<Map<String, Object>> all = http.getForObject("/api/notifications?agency=" + agency, List.class);
        return all.stream().filter(n -> caseId.equals(n.get("caseId"))).toList();
    }

    private static TaskCreated taskCreated(String caseId, List<String> groups) {
        return TaskCreated.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
                        .setEventType("TaskCreated").setOccurredAt(Instant.now()).setProducer("workflow-service")
                        .setCorrelationId("test").build())
                .setTaskId("t-" + caseId).setTaskKey("JointInterview").setTaskName("Joint interview")
                .setCandidateGroups(groups).setProcessDefinitionId("emergency-response:1:x")
                .build();
    }
}
