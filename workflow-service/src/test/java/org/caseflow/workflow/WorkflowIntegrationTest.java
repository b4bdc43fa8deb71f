package org.caseflow.workflow;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.caseflow.infra.KafkaPrincipals;
import org.caseflow.infra.TestInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * workflow-service against a real PostgreSQL and a real Kafka broker. The job executor is off so that
 * tests run timers themselves, with the engine's clock moved by ClockUtil; a consumer gives an event up
 * after three quick tries, so that dead letters show within seconds. The local profile brings the demo
 * users (a caseworker per agency and a supervisor, password demo).
 */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"camunda.bpm.job-execution.enabled=false",
                "caseflow.messaging.consumer.max-attempts=3", "caseflow.messaging.consumer.initial-backoff=100ms"})
public abstract class WorkflowIntegrationTest {

    @Autowired
    private ProducerFactory<String, Object> producers;
    private final Map<String, KafkaTemplate<String, Object>> senders = new ConcurrentHashMap<>();

    /** A sender signed in to Kafka as the service, so that the broker's ACLs apply to it as to that service. */
    protected KafkaTemplate<String, Object> kafkaAs(KafkaPrincipals.Principal service) {
        return senders.computeIfAbsent(service.name(), name -> new KafkaTemplate<>(producers, service.signIn()));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure infrastructure = TestInfrastructure.shared();
        registry.add("spring.datasource.url", () -> infrastructure.postgres().database("workflow_service"));
        registry.add("spring.kafka.bootstrap-servers", () -> infrastructure.kafka().bootstrapServers());
    }
}
