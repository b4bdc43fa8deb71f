package org.caseflow.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.caseflow.events.Envelope;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaPrincipals;
import org.caseflow.infra.LocalKafka;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The broker checks who writes what: a TaskCreated, which gives an agency access to a case, is taken
 * only from workflow-service; another service, or a client without the right password, cannot put one
 * on the topic.
 */
class KafkaAccessTest extends CaseServiceIntegrationTest {

    @Autowired
    KafkaTemplate<String, Object> ownSender;
    @Autowired
    ProducerFactory<String, Object> producers;

    @Test
    void onlyWorkflowServiceMayPutATaskOnTheTopicThatGrantsAccess() {
        String caseId = (String) post(http, "/api/cases", VALID_REPORT).getBody().get("id");

        for (KafkaTemplate<String, Object> forger : List.of(ownSender, kafkaAs(KafkaPrincipals.NOTIFICATION_SERVICE))) {
            assertThatThrownBy(() -> forger.send(Topics.WORKFLOW_EVENTS, caseId, taskFor(caseId, "police")).get())
                    .isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(TopicAuthorizationException.class);
        }
        KafkaTemplate<String, Object> wrongPassword = new KafkaTemplate<>(producers, Map.of(
                org.apache.kafka.common.config.SaslConfigs.SASL_JAAS_CONFIG, LocalKafka.jaas("workflow-service", "guess"),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000));
        assertThatThrownBy(() -> wrongPassword.send(Topics.WORKFLOW_EVENTS, caseId, taskFor(caseId, "police")).get())
                .hasRootCauseInstanceOf(SaslAuthenticationException.class);
        assertThat(as("police.worker").getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        kafkaAs(KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, caseId, taskFor(caseId, "police"));
        await().atMost(Duration.ofSeconds(30)).until(() -> as("police.worker").getForEntity("/api/cases/" + caseId, String.class)
                .getStatusCode() == HttpStatus.OK);
    }

    private static TaskCreated taskFor(String caseId, String agency) {
        return TaskCreated.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
                        .setEventType("TaskCreated").setOccurredAt(Instant.now()).setProducer("workflow-service")
                        .setCorrelationId("test").build())
                .setTaskId(UUID.randomUUID().toString()).setTaskKey("Escort").setTaskName("Escort")
                .setCandidateGroups(List.of(agency)).setProcessDefinitionId("emergency-response:1:x").build();
    }
}
