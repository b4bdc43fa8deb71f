package org.caseflow.messaging;

import java.time.Clock;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.Envelope;

/** Makes the envelope of a new event: a fresh event id, the time, and this service as producer. */
public class Envelopes {

    private final String producer;
    private final Clock clock;

    public Envelopes(String producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
    }

    public Envelope next(Class<? extends SpecificRecord> eventType, String caseId, String correlationId) {
        return Envelope.newBuilder()
                .setEventId(UUID.randomUUID().toString())
                .setCaseId(caseId)
                .setEventType(eventType.getSimpleName())
                .setOccurredAt(clock.instant())
                .setProducer(producer)
                .setCorrelationId(correlationId)
                .build();
    }
}
