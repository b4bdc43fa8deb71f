package org.caseflow.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseEventsTest {

    private static Envelope envelope(Class<?> type) {
        return Envelope.newBuilder()
                .setEventId("e-1").setCaseId("c-1").setEventType(type.getSimpleName())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setProducer("test").setCorrelationId("corr-1").build();
    }

    static CaseReported caseReported() {
        return CaseReported.newBuilder()
                .setEnvelope(envelope(CaseReported.class))
                .setSource(ReportSource.SCHOOL)
                .setConcerns(List.of(Concern.NEGLECT, Concern.BEGGING))
                .setImmediateDanger(false)
                .setChildren(List.of(ReportedChild.newBuilder().setAgeYears(9).build(),
                        ReportedChild.newBuilder().setAgeYears(null).build()))
                .setMunicipality("Durrës")
                .build();
    }

    @Test
    void everyEventTypeSurvivesTheRoundTrip() {
        CaseReported withReference = CaseReported.newBuilder(caseReported()).setReference("2026-00001").build();
        List<SpecificRecord> events = List.of(
                withReference,
                TaskCreated.newBuilder().setEnvelope(envelope(TaskCreated.class)).setTaskId("t-1").setTaskKey("ScreenReport")
                        .setTaskName("Screen the report").setCandidateGroups(List.of("cpu")).setAssignee(null)
                        .setDueAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).setProcessDefinitionId("emergency-response:1:x").build(),
                TaskCompleted.newBuilder().setEnvelope(envelope(TaskCompleted.class)).setTaskId("t-1").setTaskKey("ScreenReport")
                        .setTaskName("Screen the report").setCandidateGroups(List.of("cpu")).setCompletedBy("cpu.worker").build(),
                TaskCancelled.newBuilder().setEnvelope(envelope(TaskCancelled.class)).setTaskId("t-2").setTaskKey("ReviewProtectionPlan")
                        .setTaskName("Review").setCandidateGroups(List.of("cpu")).setReason("deleted").build(),
                CaseStepRecorded.newBuilder().setEnvelope(envelope(CaseStepRecorded.class)).setName("CaseScreened")
                        .setRiskLevel("HIGH").setOutcome("PROTECTION_CASE").setAttributes(java.util.Map.of("suggestedRiskLevel", "MEDIUM")).build(),
                NotificationRequested.newBuilder().setEnvelope(envelope(NotificationRequested.class)).setAgencies(List.of("krat"))
                        .setTemplate("trafficking-case-opened").setUrgent(true).build(),
                DeadlineMissed.newBuilder().setEnvelope(envelope(DeadlineMissed.class)).setDeadline("firstContact")
                        .setTaskName("Make first contact").setDueAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                        .setEscalatedTo(List.of("supervisors")).build(),
                AgencyEventReceived.newBuilder().setEnvelope(envelope(AgencyEventReceived.class)).setKind("CourtDecisionRecorded")
                        .setAgency("court").setOutcome("CONFIRMED").build(),
                CaseReopened.newBuilder().setEnvelope(envelope(CaseReopened.class)).setReopenedBy("supervisor").build(),
                NotificationDeliveryChanged.newBuilder().setEnvelope(envelope(NotificationDeliveryChanged.class))
                        .setDeliveryId("d-1").setNotificationId("n-1").setAgency("cpu").setChannel("EMAIL")
                        .setStatus("SENT").setAttempts(1).setAbout("TaskCreated").setUrgent(false).build(),
                CaseScreened.newBuilder().setEnvelope(envelope(CaseScreened.class)).setProtectionCase(true).setRiskLevel(RiskLevel.HIGH)
                        .setSuggestedRiskLevel(RiskLevel.MEDIUM).build(),
                RiskReassessed.newBuilder().setEnvelope(envelope(RiskReassessed.class)).setRiskLevel(RiskLevel.LOW).setReassessedAt("REVIEW").build(),
                EmergencyMeasureTaken.newBuilder().setEnvelope(envelope(EmergencyMeasureTaken.class)).setMeasure("EMERGENCY_STAY_72H").build(),
                EmergencyMeasureEnded.newBuilder().setEnvelope(envelope(EmergencyMeasureEnded.class)).setChildNow("BACK_HOME").build(),
                ProtectionPlanApproved.newBuilder().setEnvelope(envelope(ProtectionPlanApproved.class)).setRevised(true).build(),
                ProtectionMeasureDecided.newBuilder().setEnvelope(envelope(ProtectionMeasureDecided.class)).setMeasure("FOSTER_CARE")
                        .setCourtConfirmed(true).build(),
                PlacementStarted.newBuilder().setEnvelope(envelope(PlacementStarted.class)).setMeasure("FOSTER_CARE")
                        .setStartedOn(java.time.LocalDate.of(2026, 12, 1)).build(),
                PlacementEnded.newBuilder().setEnvelope(envelope(PlacementEnded.class)).setMeasure("FOSTER_CARE").setReason("REINTEGRATED").build(),
                CaseClosed.newBuilder().setEnvelope(envelope(CaseClosed.class)).setReason("TRANSFERRED").setRiskLevel(RiskLevel.MEDIUM).build());
        for (SpecificRecord event : events) {
            assertThat(CaseEvents.decode(CaseEvents.encode(event))).isEqualTo(event);
        }
        assertThat(events.stream().map(e -> (Object) e.getClass()).toList()).containsExactlyInAnyOrderElementsOf(List.copyOf(CaseEvents.TYPES));
    }

    @Test
    void theEnvelopeOfAnyEventIsAtHand() {
        assertThat(CaseEvents.envelopeOf(caseReported()).getCaseId()).isEqualTo("c-1");
    }

    @Test
    void rejectsBytesThatAreNotACaseEvent() {
        assertThatThrownBy(() -> CaseEvents.decode("{\"json\":true}".getBytes()))
                .isInstanceOf(UnknownEventException.class).hasMessageContaining("single-object");
    }

    @Test
    void rejectsAnEventOfAnUnknownSchema() {
        byte[] bytes = CaseEvents.encode(caseReported());
        bytes[5] ^= 0x7f; // a fingerprint no known schema has
        assertThatThrownBy(() -> CaseEvents.decode(bytes))
                .isInstanceOf(UnknownEventException.class).hasMessageContaining("fingerprint");
    }

    @Test
    void rejectsATruncatedEvent() {
        byte[] bytes = CaseEvents.encode(caseReported());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length - 6);
        assertThatThrownBy(() -> CaseEvents.decode(truncated)).isInstanceOf(UnknownEventException.class);
    }

    @Test
    void theKafkaSerializerPassesBytesThrough() {
        byte[] bytes = {1, 2, 3};
        assertThat(new CaseEventSerializer().serialize("t", bytes)).isSameAs(bytes);
        CaseReported event = caseReported();
        assertThat(new CaseEventDeserializer().deserialize("t", new CaseEventSerializer().serialize("t", event)))
                .isEqualTo(event);
    }
}
