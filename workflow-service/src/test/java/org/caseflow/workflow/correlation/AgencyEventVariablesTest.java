package org.caseflow.workflow.correlation;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.Envelope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an agency event gives the procedure: its own variables (when it happened among them), and the attributes kept apart. */
class AgencyEventVariablesTest {

    @Test
    void anAttributeCannotSetOrReplaceAVariableOfTheProcedure() {
        Instant sent = Instant.parse("2026-12-01T10:15:00Z");
        AgencyEventReceived event = AgencyEventReceived.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId("e-1").setCaseId("c-1").setEventType("AgencyEventReceived")
                        .setOccurredAt(sent).setProducer("case-service").setCorrelationId("c").build())
                .setKind("CourtDecisionRecorded").setAgency("court").setOutcome("CONFIRMED").setReference("V-1")
                .setAttributes(Map.of("decidedOn", "2026-12-01", "courtDecision", "REJECTED", "followUpPeriod", "P99Y"))
                .build();

        assertThat(AgencyEventCorrelator.variables(event)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "courtDecision", "CONFIRMED",
                "courtDecisionReference", "V-1",
                "courtDecisionBy", "court",
                "courtDecisionRecordedAt", Date.from(sent),
                "courtDecision_decidedOn", "2026-12-01",
                "courtDecision_courtDecision", "REJECTED",
                "courtDecision_followUpPeriod", "P99Y"));
    }
}
