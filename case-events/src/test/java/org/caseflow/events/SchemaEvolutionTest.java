package org.caseflow.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event schema is versioned in schemas/, every earlier version stays readable, and a change that
 * would break a reader of either side fails here before it reaches another agency's service.
 */
class SchemaEvolutionTest {

    @Test
    void theNewestVersionInTheHistoryIsTheCurrentSchema() {
        for (Class<? extends SpecificRecord> type : CaseEvents.TYPES) {
            List<Schema> history = CaseEvents.history(type);
            assertThat(history).as("schema history of " + type.getSimpleName()).isNotEmpty();
            assertThat(SchemaNormalization.toParsingForm(history.get(history.size() - 1)))
                    .as(type.getSimpleName() + " changed: add its new schema to schemas/" + type.getSimpleName() + "/ as the next version")
                    .isEqualTo(SchemaNormalization.toParsingForm(SpecificData.get().getSchema(type)));
        }
    }

    @Test
    void everyEarlierVersionIsBackwardAndForwardCompatibleWithTheCurrentOne() {
        for (Class<? extends SpecificRecord> type : CaseEvents.TYPES) {
            Schema current = SpecificData.get().getSchema(type);
            for (Schema earlier : CaseEvents.history(type)) {
                assertThat(compatible(current, earlier)).as(type.getSimpleName() + ": current reads earlier").isTrue();
                assertThat(compatible(earlier, current)).as(type.getSimpleName() + ": earlier reads current").isTrue();
            }
        }
    }

    @Test
    void theCheckCatchesABreakingChange() throws IOException {
        Schema current = CaseReported.getClassSchema();
        Schema breaking = fixture("CaseReported-incompatible.avsc");
        assertThat(compatible(breaking, current)).as("a new field without default cannot read old events").isFalse();
        assertThat(compatible(current, fixture("CaseReported-compatible.avsc"))).isTrue();
        assertThat(compatible(fixture("CaseReported-compatible.avsc"), current)).isTrue();
    }

    @Test
    void aConsumerOnTheCurrentSchemaReadsEventsOfANewerOneAndTheOtherWayRound() throws IOException {
        Schema newer = fixture("CaseReported-compatible.avsc");
        CaseReported event = CaseEventsTest.caseReported();

        // An old consumer (the current classes) reads what a newer producer writes...
        GenericRecord asNewer = as(newer, event);
        asNewer.put("reportChannel", "WEB_FORM");
        ByteBuffer newerBytes = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), newer).encode(asNewer);
        BinaryMessageDecoder<CaseReported> oldReader = new BinaryMessageDecoder<>(SpecificData.get(), CaseReported.getClassSchema());
        oldReader.addSchema(newer);
        assertThat(oldReader.decode(newerBytes)).isEqualTo(event);

        // ...and a newer consumer reads what the current producer writes, the new field at its default.
        BinaryMessageDecoder<GenericRecord> newReader = new BinaryMessageDecoder<>(GenericData.get(), newer);
        newReader.addSchema(CaseReported.getClassSchema());
        GenericRecord read = newReader.decode(ByteBuffer.wrap(CaseEvents.encode(event)));
        assertThat(read.get("reportChannel")).isNull();
        assertThat(read.get("municipality").toString()).isEqualTo("Durrës");
    }

    @Test
    void eventsWrittenWithEveryVersionInTheHistoryDecode() {
        CaseReported event = CaseEventsTest.caseReported();
        for (Schema version : CaseEvents.history(CaseReported.class)) {
            GenericRecord record = as(version, event);
            byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), version), record);
            assertThat(CaseEvents.decode(bytes)).isEqualTo(event);
        }
    }

    /** The event as a generic record of another schema version, as Avro's schema resolution gives it. */
    private static GenericRecord as(Schema version, CaseReported event) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            org.apache.avro.io.BinaryEncoder encoder = org.apache.avro.io.EncoderFactory.get().binaryEncoder(out, null);
            new org.apache.avro.specific.SpecificDatumWriter<CaseReported>(CaseReported.getClassSchema()).write(event, encoder);
            encoder.flush();
            return new org.apache.avro.generic.GenericDatumReader<GenericRecord>(CaseReported.getClassSchema(), version, GenericData.get())
                    .read(null, org.apache.avro.io.DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean compatible(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType() == SchemaCompatibilityType.COMPATIBLE;
    }

    private static Schema fixture(String name) throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("/evolution/" + name)) {
            return new Schema.Parser().parse(in);
        }
    }

    private static byte[] toBytes(BinaryMessageEncoder<GenericRecord> encoder, GenericRecord record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
