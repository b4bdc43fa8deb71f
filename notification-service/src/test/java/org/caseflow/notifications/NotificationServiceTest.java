package org.caseflow.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaPrincipals;
import org.caseflow.infra.KafkaProbe;
import org.caseflow.infra.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * notification-service against a real PostgreSQL and a real Kafka broker, over real HTTP, with every
 * channel on: a real SMTP server, webhook receivers and an SMS gateway in this JVM. Tests share one
 * application context; each makes its own agencies and cases so they do not see each other's. The local
 * profile brings the demo users; {@link #http} calls the API as the supervisor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
abstract class NotificationServiceTest {

    static final KafkaProbe kafka = new KafkaProbe(TestInfrastructure.shared().kafka());
    static final TestChannels channels = TestChannels.shared();
    static final int MAX_ATTEMPTS = 4;

    /** The API without credentials. */
    @Autowired
    TestRestTemplate anonymous;
    /** The API as the supervisor, who may do everything. */
    TestRestTemplate http;

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
        registry.add("spring.datasource.url", () -> infrastructure.postgres().database("notification_service"));
        registry.add("spring.kafka.bootstrap-servers", () -> infrastructure.kafka().bootstrapServers());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", channels::smtpPort);
        registry.add("caseflow.notifications.sms.gateway-url", channels::smsGatewayUrl);
        registry.add("caseflow.notifications.sms.token", () -> "gateway-token");
        registry.add("caseflow.notifications.delivery.poll-interval", () -> "100ms");
        registry.add("caseflow.notifications.delivery.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("caseflow.notifications.delivery.initial-backoff", () -> "200ms");
        registry.add("caseflow.notifications.delivery.max-backoff", () -> "1s");
        registry.add("caseflow.notifications.webhook.timeout", () -> "20s");
    }

    @BeforeEach
    void signInAsSupervisor() {
        http = as("supervisor");
    }

    /** The API as a demo user of the local profile, such as police.worker. */
    TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, "demo");
    }

    /** Publishes events as the other services do, and waits until this service has handled them. */
    void publish(SpecificRecord... events) throws Exception {
        for (SpecificRecord event : events) {
            String topic = event.getClass().getSimpleName().matches("CaseReported|AgencyEventReceived|CaseReopened")
                    ? Topics.CASE_EVENTS : Topics.WORKFLOW_EVENTS;
            (topic.equals(Topics.CASE_EVENTS) ? kafkaAs(org.caseflow.infra.KafkaPrincipals.CASE_SERVICE) : kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE)).send(topic, CaseEvents.envelopeOf(event).getCaseId(), event).get();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.hasConsumedAll("notification-service", Topics.WORKFLOW_EVENTS)
                && kafka.hasConsumedAll("notification-service", Topics.CASE_EVENTS));
    }

    /** A fresh agency id (letters and dashes only, as agency ids are). */
    static String agencyId(String prefix) {
        StringBuilder id = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            id.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return id.toString();
    }

    static String caseId() {
        return UUID.randomUUID().toString();
    }

    /** Adds an agency to the directory over REST. */
    @SuppressWarnings("unchecked")
    Map<String, Object> addAgency(Map<String, Object> agency) {
        ResponseEntity<Map> created = http.postForEntity("/api/agencies", agency, Map.class);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        return created.getBody();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> notificationsOf(String agency, String caseId) {
        List<Map<String, Object>> all = http.getForObject("/api/notifications?agency=" + agency, List.class);
        return all.stream().filter(n -> caseId.equals(n.get("caseId"))).toList();
    }

    /** The agency's one notification on the case, once it is there. */
    Map<String, Object> notificationOf(String agency, String caseId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> notificationsOf(agency, caseId), list -> list.size() == 1).get(0);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> deliveriesOf(Object notificationId) {
        return http.getForObject("/api/notifications/" + notificationId + "/deliveries", List.class);
    }

    Map<String, Object> deliveryOf(Object notificationId, String channel) {
        return deliveriesOf(notificationId).stream().filter(d -> channel.equals(d.get("channel"))).findFirst()
                .orElseThrow(() -> new AssertionError("No " + channel + " delivery of " + notificationId));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    ResponseEntity<Map> put(String url, Object body) {
        return http.exchange(url, HttpMethod.PUT, new HttpEntity<>(body), Map.class);
    }
}
