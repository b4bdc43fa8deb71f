package org.caseflow.events;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for case events. Bytes pass through unchanged, so that an outbox relay can send
 * what it stored and a dead-letter publisher can forward what it could not decode.
 */
public class CaseEventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null || data instanceof byte[]) {
            return (byte[]) data;
        }
        if (data instanceof SpecificRecord event) {
            return CaseEvents.encode(event);
        }
        throw new IllegalArgumentException("Cannot serialize " + data.getClass().getName() + " as a case event");
    }
}
