package org.caseflow.messaging;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The record of which events a consumer has already handled. Call {@link #firstDelivery} in the
 * transaction of the event's effect: the mark and the effect commit together or not at all, so an
 * event delivered again has no second effect.
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Marks the event as processed by the consumer.
     *
     * @return true the first time; false when the event was processed before (skip it)
     */
    public boolean firstDelivery(String consumer, SpecificRecord event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("Mark an event processed in the transaction of its effect");
        }
        String eventId = CaseEvents.envelopeOf(event).getEventId();
        return jdbc.sql("insert into processed_event (consumer, event_id) values (?, ?) on conflict do nothing")
                .params(consumer, eventId)
                .update() == 1;
    }
}
