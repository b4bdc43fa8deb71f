package org.caseflow.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The local PostgreSQL and Kafka give each service the least it needs, as production does: a database
 * its own role owns and no other database, and on the broker its own topic to write and no other.
 */
class LocalInfrastructureTest {

    private static final TestInfrastructure infrastructure = TestInfrastructure.shared();

    @BeforeAll
    static void topics() throws Exception {
        try (Admin admin = Admin.create(infrastructure.kafka().adminProperties())) {
            for (String topic : List.of("caseflow.case-events", "caseflow.workflow-events")) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    @Test
    void aServicesDatabaseIsItsRolesAloneAndNoOtherLetsItIn() throws SQLException {
        LocalPostgres postgres = infrastructure.postgres();
        String own = postgres.database("infra_own");
        String other = postgres.database("infra_other");
        assertThat(postgres.database("infra_own")).as("asked again: the same database").isEqualTo(own);

        try (Connection connection = DriverManager.getConnection(own, "infra_own", "infra_own");
             Statement statement = connection.createStatement()) {
            statement.execute("create table if not exists note (id int)");
            try (ResultSet role = statement.executeQuery("select rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")) {
                assertThat(role.next()).isTrue();
                assertThat(List.of(role.getBoolean(1), role.getBoolean(2), role.getBoolean(3))).as("superuser, create role, create db")
                        .containsOnly(false);
            }
        }
        assertThatThrownBy(() -> DriverManager.getConnection(other, "infra_own", "infra_own").close())
                .as("another service's database").isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> DriverManager.getConnection(postgres.jdbcUrl("postgres"), "infra_own", "infra_own").close())
                .as("the server's own database").isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void eachServiceWritesItsOwnTopicAndNoOther() throws Exception {
        try (KafkaProducer<String, String> caseService = producer(KafkaPrincipals.CASE_SERVICE.name(), KafkaPrincipals.CASE_SERVICE.password())) {
            assertThat(caseService.send(new ProducerRecord<>("caseflow.case-events", "c-1", "x")).get(20, TimeUnit.SECONDS).topic())
                    .isEqualTo("caseflow.case-events");
        }
        try (KafkaProducer<String, String> caseService = producer(KafkaPrincipals.CASE_SERVICE.name(), KafkaPrincipals.CASE_SERVICE.password())) {
            assertThatThrownBy(() -> caseService.send(new ProducerRecord<>("caseflow.workflow-events", "c-1", "forged")).get(20, TimeUnit.SECONDS))
                    .as("a task or a step forged by case-service").hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaProducer<String, String> stranger = producer(KafkaPrincipals.CASE_SERVICE.name(), "not-the-password")) {
            assertThatThrownBy(() -> stranger.send(new ProducerRecord<>("caseflow.case-events", "c-1", "x")).get(20, TimeUnit.SECONDS))
                    .as("a wrong password").hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    private static KafkaProducer<String, String> producer(String principal, String password) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafka().bootstrapServers());
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        properties.put(SaslConfigs.SASL_JAAS_CONFIG, LocalKafka.jaas(principal, password));
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
}
