package org.caseflow.messaging;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEventSerializer;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.Envelope;
import org.caseflow.infra.KafkaPrincipals;
import org.caseflow.infra.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The real PostgreSQL and broker the messaging tests share: a database with the messaging tables, topics, producers. */
final class MessagingTestSupport {

    static final TestInfrastructure INFRASTRUCTURE = TestInfrastructure.shared();
    private static final String DATABASE = "messaging_test";

    private static JdbcClient jdbc;
    private static TransactionTemplate transactions;

    private MessagingTestSupport() {
    }

    static synchronized JdbcClient jdbc() {
        if (jdbc == null) {
            String url = INFRASTRUCTURE.postgres().database(DATABASE);
            DataSource dataSource = new DriverManagerDataSource(url, DATABASE, DATABASE);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/messaging").table("messaging_schema_history").load().migrate();
            jdbc = JdbcClient.create(dataSource);
            transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        }
        return jdbc;
    }

    static TransactionTemplate transactions() {
        jdbc();
        return transactions;
    }

    /** Creates the topics unless they exist, as the super user. */
    static void topics(String... names) throws Exception {
        try (Admin admin = Admin.create(INFRASTRUCTURE.kafka().adminProperties())) {
            for (String name : names) {
                try {
                    admin.createTopics(List.of(new NewTopic(name, 6, (short) 1))).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** A producer as the services configure it (acks all, idempotent), signed in as the service. */
    static KafkaTemplate<String, Object> producer(KafkaPrincipals.Principal service, String bootstrapServers) {
        Map<String, Object> properties = new HashMap<>(service.signIn());
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        properties.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 4_000);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(properties, new StringSerializer(), new CaseEventSerializer()));
    }

    static CaseStepRecorded step(String caseId, String eventId, String name) {
        return CaseStepRecorded.newBuilder().setEnvelope(Envelope.newBuilder().setEventId(eventId).setCaseId(caseId)
                        .setEventType("CaseStepRecorded").setOccurredAt(Instant.now()).setProducer("workflow-service")
                        .setCorrelationId("test").build())
                .setName(name).build();
    }
}
