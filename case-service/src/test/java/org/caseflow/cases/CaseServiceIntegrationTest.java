package org.caseflow.cases;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.caseflow.infra.KafkaPrincipals;
import org.caseflow.infra.KafkaProbe;
import org.caseflow.infra.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * case-service against a real PostgreSQL and a real Kafka broker, over real HTTP. A consumer gives an
 * event up after three quick tries, so that dead letters show within seconds. The local profile's
 * users (password demo) call the API: {@link #http} is a supervisor, {@link #as} any other.
 */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "caseflow.messaging.consumer.max-attempts=3", "caseflow.messaging.consumer.initial-backoff=100ms"})
public abstract class CaseServiceIntegrationTest {

    protected static final String VALID_REPORT = """
            {"source": "SCHOOL", "concerns": ["NEGLECT", "BEGGING"], "immediateDanger": false,
             "children": [{"firstName": "Ana", "ageYears": 9}],
             "location": {"municipality": "Durrës", "details": "near the port"},
             "narrative": "Seen begging near the port every morning instead of school.",
             "reporter": {"name": "Teacher", "phone": "+355 69 000 0000"}}""";

    @Autowired
    private TestRestTemplate anonymous;

    /** A supervisor, who may read and change every case. */
    protected TestRestTemplate http;

    @Autowired
    protected JdbcClient jdbc;

    protected static final KafkaProbe kafka = new KafkaProbe(TestInfrastructure.shared().kafka());

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
        registry.add("spring.datasource.url", () -> infrastructure.postgres().database("case_service"));
        registry.add("spring.kafka.bootstrap-servers", () -> infrastructure.kafka().bootstrapServers());
    }

    @BeforeEach
    void signInAsSupervisor() {
        http = as("supervisor");
    }

    /** A user of the local profile. */
    protected TestRestTemplate as(String user) {
        return anonymous.withBasicAuth(user, "demo");
    }

    /** No credentials at all. */
    protected TestRestTemplate anonymous() {
        return anonymous;
    }

    protected ResponseEntity<Map> postReport(String json) {
        return post(http, "/api/cases", json);
    }

    protected static ResponseEntity<Map> post(TestRestTemplate client, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return client.postForEntity(path, new HttpEntity<>(json, headers), Map.class);
    }
}
