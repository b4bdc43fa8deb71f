package org.caseflow.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * The wire format of case events: Avro single-object encoding (two marker bytes, the 8-byte
 * CRC-64-AVRO fingerprint of the writer's schema, then the binary datum). The fingerprint tells the
 * reader which event type and which schema version wrote the bytes, so no schema registry is needed:
 * every schema a consumer can read is compiled into this module.
 */
public final class CaseEvents {

    /** Every event type of the stream. A new type is added here and in {@code src/main/avro}. */
    public static final List<Class<? extends SpecificRecord>> TYPES =
            List.of(CaseReported.class, TaskCreated.class, TaskCompleted.class, TaskCancelled.class, CaseStepRecorded.class,
                    NotificationRequested.class, DeadlineMissed.class, AgencyEventReceived.class, CaseReopened.class,
                    NotificationDeliveryChanged.class, CaseScreened.class, RiskReassessed.class, EmergencyMeasureTaken.class,
                    EmergencyMeasureEnded.class, ProtectionPlanApproved.class, ProtectionMeasureDecided.class, PlacementStarted.class,
                    PlacementEnded.class, CaseClosed.class);

    private static final byte[] MARKER = {(byte) 0xC3, (byte) 0x01};
    private static final int HEADER_LENGTH = 10;

    private static final Map<Long, BinaryMessageDecoder<? extends SpecificRecord>> DECODERS = new HashMap<>();
    private static final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> ENCODERS = new HashMap<>();

    static {
        for (Class<? extends SpecificRecord> type : TYPES) {
            Schema schema = SpecificData.get().getSchema(type);
            ENCODERS.put(type, new BinaryMessageEncoder<>(SpecificData.getForClass(type), schema));
            BinaryMessageDecoder<? extends SpecificRecord> decoder = new BinaryMessageDecoder<>(SpecificData.getForClass(type), schema);
            DECODERS.put(fingerprint(schema), decoder);
            for (Schema earlier : history(type)) {
                // Events written with an earlier version resolve to the current classes.
                decoder.addSchema(earlier);
                DECODERS.put(fingerprint(earlier), decoder);
            }
        }
    }

    private CaseEvents() {
    }

    /** Encodes an event of one of {@link #TYPES}. */
    public static byte[] encode(SpecificRecord event) {
        BinaryMessageEncoder<SpecificRecord> encoder = ENCODERS.get(event.getClass());
        if (encoder == null) {
            throw new IllegalArgumentException("Not a case event type: " + event.getClass().getName());
        }
        try {
            ByteBuffer buffer = encoder.encode(event);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Could not encode " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Decodes bytes written by {@link #encode}, in any schema version this build knows.
     *
     * @throws UnknownEventException when the bytes are not a known case event or do not decode
     */
    public static SpecificRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER[0] || bytes[1] != MARKER[1]) {
            throw new UnknownEventException("Not an Avro single-object encoded message");
        }
        long fingerprint = ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        BinaryMessageDecoder<? extends SpecificRecord> decoder = DECODERS.get(fingerprint);
        if (decoder == null) {
            throw new UnknownEventException("No known event schema has fingerprint " + Long.toHexString(fingerprint));
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            throw new UnknownEventException("Event bytes do not decode: " + e.getMessage(), e);
        }
    }

    /** The envelope of any case event: every event record has one as its field {@code envelope}. */
    public static Envelope envelopeOf(SpecificRecord event) {
        Schema.Field field = event.getSchema().getField("envelope");
        if (field == null || !(event.get(field.pos()) instanceof Envelope envelope)) {
            throw new IllegalArgumentException(event.getSchema().getFullName() + " has no envelope");
        }
        return envelope;
    }

    /**
     * Every published version of the event type's schema, oldest first, from
     * {@code schemas/<Event>/v<N>.avsc} on the classpath.
     */
    public static List<Schema> history(Class<? extends SpecificRecord> type) {
        List<Schema> versions = new ArrayList<>();
        for (int version = 1; ; version++) {
            String path = "schemas/" + type.getSimpleName() + "/v" + version + ".avsc";
            try (InputStream in = CaseEvents.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    return versions;
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new IllegalStateException("Unreadable schema " + path, e);
            }
        }
    }

    static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
