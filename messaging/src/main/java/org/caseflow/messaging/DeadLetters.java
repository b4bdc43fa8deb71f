package org.caseflow.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.Envelope;
import org.caseflow.events.EventHeaders;
import org.caseflow.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * The records this service's consumers gave up on, kept in its database so that operators can list
 * them and replay one to its original topic once the cause is fixed (a new consumer version, a missing
 * case created).
 */
public class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    public static final String REPLAYED_FROM = "caseflow-replayed-from";

    private final JdbcClient jdbc;
    private final KafkaTemplate<String, Object> kafka;
    private final List<DeadLetterObserver> observers;

    DeadLetters(JdbcClient jdbc, KafkaTemplate<String, Object> kafka, List<DeadLetterObserver> observers) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.observers = observers;
    }

    /** Stores a record given up on; the same record stored twice stays one row. */
    void record(ConsumerRecord<?, ?> record, String consumerGroup, Exception failure) {
        byte[] payload = payloadOf(record);
        String eventId = header(record, EventHeaders.EVENT_ID);
        String eventType = header(record, EventHeaders.EVENT_TYPE);
        if (record.value() instanceof SpecificRecord event) {
            Envelope envelope = CaseEvents.envelopeOf(event);
            eventId = envelope.getEventId();
            eventType = envelope.getEventType();
        }
        String reason = reasonOf(failure);
        Long id = jdbc.sql("""
                insert into dead_letter (consumer_group, topic, partition_no, record_offset, record_key, event_id, event_type, reason, payload)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (consumer_group, topic, partition_no, record_offset) do nothing
                returning id""")
                .params(consumerGroup, record.topic(), record.partition(), record.offset(),
                        record.key() == null ? null : record.key().toString(), eventId, eventType, reason, payload)
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return;
        }
        log.error("Dead letter {}: {} at {}-{}@{} (case {}) given up by {}: {}", id, eventType == null ? "a record" : eventType,
                record.topic(), record.partition(), record.offset(), record.key(), consumerGroup, reason);
        find(id).ifPresent(deadLetter -> observers.forEach(observer -> {
            try {
                observer.deadLettered(deadLetter);
            } catch (RuntimeException e) {
                log.warn("Could not report dead letter {} to {}: {}", id, observer.getClass().getSimpleName(), e.getMessage());
            }
        }));
    }

    private static final String COLUMNS = """
            select id, consumer_group, topic, partition_no, record_offset, record_key, event_id, event_type, reason,
                   dead_lettered_at, replayed_at
            from dead_letter""";

    /** The dead letters, newest first. */
    public List<DeadLetter> list(boolean includeReplayed, int limit) {
        return jdbc.sql(COLUMNS + " where (? or replayed_at is null) order by id desc limit ?")
                .params(includeReplayed, limit)
                .query(DeadLetters::deadLetter)
                .list();
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.sql(COLUMNS + " where id = ?").param(id).query(DeadLetters::deadLetter).optional();
    }

    private static DeadLetter deadLetter(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant());
    }

    /**
     * Sends the dead letter's original bytes with its key to the replay topic of the consumer group that
     * gave it up ({@link Topics#replayTopicOf}), which that group's listener reads beside the original
     * topic, marked with a header naming the dead letter, and notes when. Only that group gets it again;
     * and it deduplicates by event id, so replaying a record whose effect did happen meanwhile does no harm.
     *
     * @throws DeadLetterNotFound when there is no dead letter with that id
     */
    public DeadLetter replay(long id) {
        DeadLetter deadLetter = find(id).orElseThrow(() -> new DeadLetterNotFound(id));
        byte[] payload = jdbc.sql("select payload from dead_letter where id = ?").param(id).query(byte[].class).single();
        String replayTopic = Topics.replayTopicOf(deadLetter.topic(), deadLetter.consumerGroup());
        ProducerRecord<String, Object> record = new ProducerRecord<>(replayTopic, deadLetter.caseId(), payload);
        record.headers().add(REPLAYED_FROM, Long.toString(id).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("Interrupted while replaying dead letter " + id, e);
        } catch (Exception e) {
            throw new OutboxRelayException("Could not replay dead letter " + id, e);
        }
        jdbc.sql("update dead_letter set replayed_at = now() where id = ?").param(id).update();
        log.info("Dead letter {} replayed to {}", id, replayTopic);
        return find(id).orElseThrow();
    }

    private static byte[] payloadOf(ConsumerRecord<?, ?> record) {
        DeserializationException failed = SerializationUtils.getExceptionFromHeader(record,
                SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, null);
        if (failed != null) {
            return failed.getData();
        }
        if (record.value() instanceof SpecificRecord event) {
            return CaseEvents.encode(event);
        }
        return record.value() instanceof byte[] bytes ? bytes : null;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static String reasonOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause
                && (cause.getMessage() == null || cause.getClass().getName().startsWith("org.springframework.kafka"))) {
            cause = cause.getCause();
        }
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
