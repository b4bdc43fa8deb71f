package org.caseflow.messaging;

import java.time.Clock;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.CaseEventDeserializer;
import org.caseflow.events.CaseEventSerializer;
import org.caseflow.events.Topics;
import org.caseflow.events.UnknownEventException;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the event plumbing into every service that has this module: the wire format on Kafka's
 * producer and consumer, the outbox with its relay, idempotent consumption, the topics, a
 * dead-letter topic for every record a listener cannot handle, and the clean-up of what it no longer
 * needs ({@link MessagingRetention}).
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
        "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration"})
@EnableConfigurationProperties(MessagingProperties.class)
@EnableScheduling
public class MessagingAutoConfiguration {

    @Bean
    MessagingRetention messagingRetention(MessagingSchema schema, DataSource dataSource, MessagingProperties properties,
                                          ObjectProvider<java.time.Clock> clock) {
        return new MessagingRetention(JdbcClient.create(dataSource), properties.retention(), clock.getIfAvailable(java.time.Clock::systemUTC));
    }

    /** The outbox and processed-event tables, with their own migration history beside the service's. */
    @Bean
    MessagingSchema messagingSchema(DataSource dataSource) {
        return new MessagingSchema(dataSource);
    }

    @Bean
    Envelopes envelopes(MessagingProperties properties, @Value("${spring.application.name}") String applicationName) {
        String producer = properties.producer() == null ? applicationName : properties.producer();
        return new Envelopes(producer, Clock.systemUTC());
    }

    @Bean
    OutboxRelay outboxRelay(MessagingSchema schema, DataSource dataSource, PlatformTransactionManager transactionManager,
                            KafkaTemplate<String, Object> kafka, MessagingProperties properties) {
        return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), kafka,
                properties.outbox());
    }

    @Bean
    Outbox outbox(MessagingSchema schema, DataSource dataSource, OutboxRelay relay) {
        return new Outbox(JdbcClient.create(dataSource), relay::wakeUp);
    }

    @Bean
    ProcessedEvents processedEvents(MessagingSchema schema, DataSource dataSource) {
        return new ProcessedEvents(JdbcClient.create(dataSource));
    }

    @Bean
    MeterBinder outboxBacklogMetric(OutboxRelay relay) {
        return registry -> Gauge.builder("caseflow.outbox.backlog", relay, OutboxRelay::backlog)
                .description("Events written to the outbox and not yet published to Kafka")
                .register(registry);
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer caseEventProducer() {
        return factory -> {
            // Fail a send within seconds when the broker is away: the relay keeps the row and retries.
            Map<String, Object> defaults = Map.of(
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            Map<String, Object> configured = factory.getConfigurationProperties();
            defaults.forEach((key, value) -> {
                if (!configured.containsKey(key)) {
                    factory.updateConfigs(Map.of(key, value));
                }
            });
            @SuppressWarnings({"unchecked", "rawtypes"})
            org.springframework.kafka.core.DefaultKafkaProducerFactory<String, Object> typed =
                    (org.springframework.kafka.core.DefaultKafkaProducerFactory) factory;
            typed.setKeySerializer(new StringSerializer());
            typed.setValueSerializer(new CaseEventSerializer());
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer caseEventConsumer() {
        return factory -> {
            Map<String, Object> configured = factory.getConfigurationProperties();
            if (!configured.containsKey(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
                factory.updateConfigs(Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
            }
            @SuppressWarnings({"unchecked", "rawtypes"})
            org.springframework.kafka.core.DefaultKafkaConsumerFactory<String, org.apache.avro.specific.SpecificRecord> typed =
                    (org.springframework.kafka.core.DefaultKafkaConsumerFactory) factory;
            typed.setKeyDeserializer(new StringDeserializer());
            typed.setValueDeserializer(new ErrorHandlingDeserializer<>(new CaseEventDeserializer()));
        };
    }

    /**
     * A record a listener cannot handle is retried with growing pauses (an event may arrive before
     * what it refers to exists); after the last try, or at once when it can never succeed, it goes to
     * the topic's dead-letter topic with headers giving the reason and the original topic, partition
     * and offset, and the listener goes on with the next record.
     */
    @Bean
    DeadLetters deadLetters(MessagingSchema schema, DataSource dataSource, KafkaTemplate<String, Object> kafka,
                            ObjectProvider<DeadLetterObserver> observers) {
        return new DeadLetters(JdbcClient.create(dataSource), kafka, observers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnWebApplication
    DeadLettersController deadLettersController(DeadLetters deadLetters) {
        return new DeadLettersController(deadLetters);
    }

    @Bean
    CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<String, Object> kafka, MessagingProperties properties,
                                                 DeadLetters deadLetters) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.deadLetterTopicOf(record.topic()), -1));
        ConsumerAwareRecordRecoverer recoverer = (record, consumer, exception) -> {
            deadLetters.record(record, consumer == null ? "unknown" : consumer.groupMetadata().groupId(), exception);
            publisher.accept(record, consumer, exception);
        };
        MessagingProperties.Consumer retry = properties.consumer();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, retry.maxAttempts() - 1));
        backOff.setInitialInterval(retry.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(retry.maxBackoff().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnknownEventException.class, InvalidEventException.class);
        return handler;
    }

    @Bean
    KafkaAdmin.NewTopics caseEventTopics(MessagingProperties properties, KafkaProperties kafka) {
        String group = kafka.getConsumer().getGroupId();
        return new KafkaAdmin.NewTopics(Stream.of(Topics.CASE_EVENTS, Topics.WORKFLOW_EVENTS, Topics.NOTIFICATION_EVENTS)
                .flatMap(topic -> group == null ? Stream.of(topic, Topics.deadLetterTopicOf(topic))
                        : Stream.of(topic, Topics.deadLetterTopicOf(topic), Topics.replayTopicOf(topic, group)))
                .map(topic -> TopicBuilder.name(topic).partitions(properties.partitions()).replicas(properties.replicas()).build())
                .toArray(NewTopic[]::new));
    }

    /** Runs the messaging migrations; the beans that use those tables depend on it. */
    static final class MessagingSchema {
        MessagingSchema(DataSource dataSource) {
            Flyway.configure()
                    .dataSource(dataSource)
                    .table("messaging_schema_history")
                    .locations("classpath:db/messaging")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        }
    }
}
