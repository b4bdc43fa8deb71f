package org.caseflow.messaging;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.Envelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where a service puts the events it publishes. The row is written in the caller's transaction, so
 * the event exists if and only if the change that caused it was committed; the {@link OutboxRelay}
 * sends it to Kafka after the commit.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final Runnable wakeRelay;

    Outbox(JdbcClient jdbc, Runnable wakeRelay) {
        this.jdbc = jdbc;
        this.wakeRelay = wakeRelay;
    }

    /**
     * Adds an event for the topic, keyed by its case id.
     *
     * @throws IllegalTransactionStateException when called outside a transaction: an event written on
     *         its own could be published for a change that never happened
     */
    public void append(String topic, SpecificRecord event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("An outbox event must be written in the transaction of its change");
        }
        Envelope envelope = CaseEvents.envelopeOf(event);
        jdbc.sql("""
                insert into outbox_event (topic, record_key, event_id, event_type, correlation_id, producer, payload)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(topic, envelope.getCaseId(), envelope.getEventId(), envelope.getEventType(),
                        envelope.getCorrelationId(), envelope.getProducer(), CaseEvents.encode(event))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeRelay.run();
            }
        });
    }
}
