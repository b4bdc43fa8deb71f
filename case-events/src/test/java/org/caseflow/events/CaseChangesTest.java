package org.caseflow.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A model's values become a typed change by its schema, and the steps of earlier models are read as the change they meant. */
class CaseChangesTest {

    private static final Envelope ENVELOPE = Envelope.newBuilder().setEventId("e-1").setCaseId("c-1").setEventType("CaseStepRecorded")
            .setOccurredAt(Instant.parse("2026-12-01T10:00:00Z")).setProducer("workflow-service").setCorrelationId("corr-1").build();

    @Test
    void valuesAreConvertedToEachFieldsTypeAndFieldsLeftOutTakeTheirDefault() {
        CaseScreened screened = (CaseScreened) CaseChanges.build(CaseScreened.class, ENVELOPE,
                Map.of("protectionCase", "true", "riskLevel", "high", "change", "CaseScreened"));
        assertThat(screened.getProtectionCase()).isTrue();
        assertThat(screened.getRiskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(screened.getSuggestedRiskLevel()).as("left out").isNull();

        PlacementStarted started = (PlacementStarted) CaseChanges.build(PlacementStarted.class, ENVELOPE,
                Map.of("measure", "FOSTER_CARE", "startedOn", "2026-11-30"));
        assertThat(started.getStartedOn()).isEqualTo(LocalDate.of(2026, 11, 30));
        PlacementStarted onADate = (PlacementStarted) CaseChanges.build(PlacementStarted.class, ENVELOPE,
                Map.of("measure", "FOSTER_CARE", "startedOn", Date.from(Instant.parse("2026-11-29T12:00:00Z"))));
        assertThat(onADate.getStartedOn()).isEqualTo(LocalDate.of(2026, 11, 29));

        ProtectionPlanApproved approved = (ProtectionPlanApproved) CaseChanges.build(ProtectionPlanApproved.class, ENVELOPE, Map.of());
        assertThat(approved.getRevised()).isFalse();
        assertThat(CaseEvents.decode(CaseEvents.encode(approved))).isEqualTo(approved);
    }

    @Test
    void aChangeThatItsSchemaDoesNotAllowNamesTheChangeAndTheField() {
        assertThatThrownBy(() -> CaseChanges.build(CaseClosed.class, ENVELOPE, Map.of()))
                .isInstanceOf(InvalidCaseChangeException.class).hasMessage("CaseClosed needs a value for 'reason'");
        assertThatThrownBy(() -> CaseChanges.build(CaseScreened.class, ENVELOPE, Map.of("protectionCase", "perhaps")))
                .hasMessageContaining("CaseScreened.protectionCase is yes or no");
        assertThatThrownBy(() -> CaseChanges.build(RiskReassessed.class, ENVELOPE, Map.of("riskLevel", "VERY_HIGH", "reassessedAt", "REVIEW")))
                .hasMessageContaining("RiskReassessed.riskLevel is one of [HIGH, MEDIUM, LOW]");
        assertThatThrownBy(() -> CaseChanges.build(PlacementStarted.class, ENVELOPE, Map.of("measure", "FOSTER_CARE", "startedOn", "soon")))
                .hasMessageContaining("PlacementStarted.startedOn is a day");
    }

    @Test
    void theStepsOfEarlierModelsAreReadAsTheChangeTheyMeantWithTheirEventId() {
        assertThat(change("CaseScreened", "PROTECTION_CASE", Map.of("suggestedRiskLevel", "LOW"))).isInstanceOfSatisfying(CaseScreened.class, c -> {
            assertThat(c.getProtectionCase()).isTrue();
            assertThat(c.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
            assertThat(c.getSuggestedRiskLevel()).isEqualTo(RiskLevel.LOW);
            assertThat(c.getEnvelope().getEventId()).as("the same event, so nobody takes it twice").isEqualTo("e-1");
            assertThat(c.getEnvelope().getEventType()).isEqualTo("CaseScreened");
        });
        assertThat(change("CaseScreened", "NOT_A_PROTECTION_CASE", Map.of())).isInstanceOfSatisfying(CaseScreened.class,
                c -> assertThat(c.getProtectionCase()).isFalse());
        assertThat(change("RiskReassessed", "HIGH", Map.of("reassessedAt", "HOME_VISIT"))).isInstanceOfSatisfying(RiskReassessed.class, c -> {
            assertThat(c.getRiskLevel()).isEqualTo(RiskLevel.HIGH);
            assertThat(c.getReassessedAt()).isEqualTo("HOME_VISIT");
        });
        assertThat(change("EmergencyMeasureTaken", "EMERGENCY_STAY_72H", Map.of())).isInstanceOfSatisfying(EmergencyMeasureTaken.class,
                c -> assertThat(c.getMeasure()).isEqualTo("EMERGENCY_STAY_72H"));
        assertThat(change("EmergencyMeasureEnded", "BACK_HOME", Map.of())).isInstanceOfSatisfying(EmergencyMeasureEnded.class,
                c -> assertThat(c.getChildNow()).isEqualTo("BACK_HOME"));
        assertThat(change("ProtectionPlanApproved", "APPROVED", Map.of())).isInstanceOfSatisfying(ProtectionPlanApproved.class,
                c -> assertThat(c.getRevised()).isFalse());
        assertThat(change("ProtectionPlanRevised", "APPROVED", Map.of())).isInstanceOfSatisfying(ProtectionPlanApproved.class,
                c -> assertThat(c.getRevised()).isTrue());
        assertThat(change("PlacementStarted", "FOSTER_CARE", Map.of())).isInstanceOfSatisfying(PlacementStarted.class,
                c -> assertThat(c.getMeasure()).isEqualTo("FOSTER_CARE"));
        assertThat(change("CaseClosed", "REINTEGRATED", Map.of())).isInstanceOfSatisfying(CaseClosed.class, c -> {
            assertThat(c.getReason()).isEqualTo("REINTEGRATED");
            assertThat(c.getRiskLevel()).isEqualTo(RiskLevel.MEDIUM);
        });
        assertThat(CaseChanges.fromStep(step("TechnicalGroupMet", "MET", Map.of()))).as("not a change").isEmpty();
    }

    @Test
    void aChangeShowsItsDecisionAndFacts() {
        SpecificRecord closed = CaseChanges.build(CaseClosed.class, ENVELOPE, Map.of("reason", "TRANSFERRED", "riskLevel", "LOW"));
        assertThat(CaseChanges.outcome(closed)).isEqualTo("TRANSFERRED");
        assertThat(CaseChanges.riskLevel(closed)).isEqualTo("LOW");
        assertThat(CaseChanges.facts(closed)).containsExactly(Map.entry("reason", "TRANSFERRED"), Map.entry("riskLevel", "LOW"));
        assertThat(CaseChanges.outcome(change("ProtectionPlanRevised", "APPROVED", Map.of()))).isEqualTo("REVISED");
        assertThat(CaseChanges.outcome(change("CaseScreened", "NOT_A_PROTECTION_CASE", Map.of()))).isEqualTo("NOT_A_PROTECTION_CASE");
        assertThat(CaseChanges.requiredFields(PlacementEnded.class)).containsExactly("measure", "reason");
        assertThat(CaseChanges.TYPES).allMatch(CaseEvents.TYPES::contains);
        assertThat(CaseChanges.type("CaseClosed")).contains(CaseClosed.class);
        assertThat(CaseChanges.type("CaseStepRecorded")).isEmpty();
    }

    private static SpecificRecord change(String name, String outcome, Map<String, String> attributes) {
        return CaseChanges.fromStep(step(name, outcome, attributes)).orElseThrow();
    }

    private static CaseStepRecorded step(String name, String outcome, Map<String, String> attributes) {
        return CaseStepRecorded.newBuilder().setEnvelope(ENVELOPE).setName(name).setRiskLevel("MEDIUM").setOutcome(outcome)
                .setAttributes(new HashMap<>(attributes)).build();
    }
}
