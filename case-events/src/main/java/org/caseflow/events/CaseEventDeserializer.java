package org.caseflow.events;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for case events. It throws {@link UnknownEventException} for bytes it cannot
 * read; wrap it in an error-handling deserializer so that such a record goes to a dead-letter topic.
 */
public class CaseEventDeserializer implements Deserializer<SpecificRecord> {

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        return data == null ? null : CaseEvents.decode(data);
    }
}
