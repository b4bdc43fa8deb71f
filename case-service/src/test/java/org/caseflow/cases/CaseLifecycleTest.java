package org.caseflow.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.CaseReopened;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseScreened;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.EmergencyMeasureTaken;
import org.caseflow.events.PlacementStarted;
import org.caseflow.events.RiskLevel;
import org.caseflow.events.RiskReassessed;
import org.caseflow.events.Envelope;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Changes of the case move it; a closed case reopens; other agencies' events pass through. */
class CaseLifecycleTest extends CaseServiceIntegrationTest {


    @Test
    void changesMoveTheCaseUntilItClosesAndAClosedCaseCanBeReopened() throws Exception {
        String caseId = (String) postReport(VALID_REPORT).getBody().get("id");
        assertThat(post("/api/cases/" + caseId + "/reopen", "{}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        var workflow = kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE);
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, CaseScreened.newBuilder().setEnvelope(envelope(caseId, CaseScreened.class))
                .setProtectionCase(true).setRiskLevel(RiskLevel.HIGH).setSuggestedRiskLevel(RiskLevel.MEDIUM).build()).get();
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, PlacementStarted.newBuilder().setEnvelope(envelope(caseId, PlacementStarted.class))
                .setMeasure("FOSTER_CARE").setRiskLevel(RiskLevel.HIGH).build()).get();
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, CaseClosed.newBuilder().setEnvelope(envelope(caseId, CaseClosed.class))
                .setReason("REINTEGRATED").setRiskLevel(RiskLevel.HIGH).build()).get();
        Map<?, ?> closed = await().atMost(Duration.ofSeconds(30)).until(() -> caseFile(caseId), c -> "CLOSED".equals(c.get("status")));
        assertThat(closed.get("riskLevel")).isEqualTo("HIGH");
        assertThat((List<Map<String, Object>>) closed.get("timeline")).extracting(e -> e.get("eventType"))
                .containsExactly("CaseReported", "CaseScreened", "PlacementStarted", "CaseClosed");
        assertThat((List<Map<String, Object>>) closed.get("decisions")).extracting(d -> d.get("name") + "=" + d.get("outcome"))
                .containsExactly("CaseScreened=PROTECTION_CASE", "PlacementStarted=FOSTER_CARE", "CaseClosed=REINTEGRATED");

        ResponseEntity<Map> reopened = post("/api/cases/" + caseId + "/reopen", "{}");

        assertThat(reopened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reopened.getBody().get("status")).isEqualTo("IN_PROGRESS");
        assertThat((List<Map<String, Object>>) reopened.getBody().get("timeline")).extracting(e -> e.get("eventType"))
                .endsWith("CaseReopened");
        CaseReopened event = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(Topics.CASE_EVENTS, caseId).stream()
                .map(r -> CaseEvents.decode(r.value())).filter(CaseReopened.class::isInstance).map(CaseReopened.class::cast)
                .findFirst().orElse(null), e -> e != null);
        assertThat(event.getRiskLevel()).isEqualTo("HIGH");
        assertThat(event.getReopenedBy()).as("the authenticated user, whatever a body might say").isEqualTo("supervisor");
    }

    @Test
    void theRiskLevelFollowsTheReassessmentsButNotOtherEvents() throws Exception {
        String caseId = (String) postReport(VALID_REPORT).getBody().get("id");
        var workflow = kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE);
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, CaseScreened.newBuilder().setEnvelope(envelope(caseId, CaseScreened.class))
                .setProtectionCase(true).setRiskLevel(RiskLevel.LOW).build()).get();
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, reassessed(caseId, RiskLevel.HIGH, "HOME_VISIT")).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> caseFile(caseId), c -> "HIGH".equals(c.get("riskLevel")));
        // The anti-trafficking track's events carry the level the track started with: they do not set it back, nor does
        // a change that carries an older level.
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, step(caseId, "ShelterAdmission", "EMERGENCY_SHELTER", "LOW")).get();
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, EmergencyMeasureTaken.newBuilder().setEnvelope(envelope(caseId, EmergencyMeasureTaken.class))
                .setMeasure("MEDICAL_CARE").setRiskLevel(RiskLevel.LOW).build()).get();
        Map<?, ?> unchanged = await().atMost(Duration.ofSeconds(30)).until(() -> caseFile(caseId),
                c -> ((List<?>) c.get("timeline")).size() >= 5);
        assertThat(unchanged.get("riskLevel")).isEqualTo("HIGH");
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, reassessed(caseId, RiskLevel.MEDIUM, "REVIEW")).get();
        Map<?, ?> reviewed = await().atMost(Duration.ofSeconds(30)).until(() -> caseFile(caseId),
                c -> ((List<?>) c.get("timeline")).size() >= 6);
        assertThat(reviewed.get("riskLevel")).as("the review's reassessment").isEqualTo("MEDIUM");
    }

    /** Events an earlier workflow-service wrote, still in the topic when case-service is upgraded, move the case as before. */
    @Test
    void stepsNamedLikeAChangeByAnEarlierProcedureMoveTheCaseAsTheChange() throws Exception {
        String caseId = (String) postReport(VALID_REPORT).getBody().get("id");
        var workflow = kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE);
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, step(caseId, "CaseScreened", "PROTECTION_CASE", "LOW")).get();
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, step(caseId, "RiskReassessed", "HIGH", "HIGH")).get();
        workflow.send(Topics.WORKFLOW_EVENTS, caseId, step(caseId, "CaseClosed", "TRANSFERRED", "HIGH")).get();
        Map<?, ?> closed = await().atMost(Duration.ofSeconds(30)).until(() -> caseFile(caseId), c -> "CLOSED".equals(c.get("status")));
        assertThat(closed.get("riskLevel")).isEqualTo("HIGH");
        assertThat((List<Map<String, Object>>) closed.get("timeline")).extracting(e -> e.get("eventType"))
                .containsExactly("CaseReported", "CaseScreened", "RiskReassessed", "CaseClosed");
        assertThat((List<Map<String, Object>>) closed.get("decisions")).extracting(d -> d.get("outcome"))
                .containsExactly("PROTECTION_CASE", "HIGH", "TRANSFERRED");
    }

    @Test
    void passesACourtDecisionOnToTheProcedure() {
        String caseId = (String) postReport(VALID_REPORT).getBody().get("id");

        ResponseEntity<Map> accepted = post(as("court.service"), "/api/cases/" + caseId + "/agency-events",
                "{\"kind\": \"CourtDecisionRecorded\", \"agency\": \"court\", \"outcome\": \"CONFIRMED\", \"reference\": \"V-123/2026\"}");

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        AgencyEventReceived event = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(Topics.CASE_EVENTS, caseId).stream()
                .map(r -> CaseEvents.decode(r.value())).filter(AgencyEventReceived.class::isInstance).map(AgencyEventReceived.class::cast)
                .findFirst().orElse(null), e -> e != null);
        assertThat(event.getKind()).isEqualTo("CourtDecisionRecorded");
        assertThat(event.getOutcome()).isEqualTo("CONFIRMED");
        assertThat(event.getEnvelope().getEventId()).isEqualTo(accepted.getBody().get("eventId"));
        assertThat((List<Map<String, Object>>) caseFile(caseId).get("timeline")).extracting(e -> e.get("eventType"))
                .containsExactly("CaseReported", "CourtDecisionRecorded");
    }

    @Test
    void rejectsAnAgencyEventThatIsNoEvent() {
        String caseId = (String) postReport(VALID_REPORT).getBody().get("id");
        ResponseEntity<Map> response = post("/api/cases/" + caseId + "/agency-events", "{\"kind\": \"drop table\", \"agency\": \"Court!\"}");
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((List<Map<String, String>>) response.getBody().get("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("kind", "agency");
        assertThat(post(as("court.service"), "/api/cases/" + UUID.randomUUID() + "/agency-events",
                "{\"kind\": \"CourtDecisionRecorded\", \"agency\": \"court\", \"outcome\": \"CONFIRMED\"}").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private Map<?, ?> caseFile(String caseId) {
        return http.getForObject("/api/cases/" + caseId, Map.class);
    }

    private ResponseEntity<Map> post(String path, String json) {
        return post(http, path, json);
    }

    private static RiskReassessed reassessed(String caseId, RiskLevel level, String at) {
        return RiskReassessed.newBuilder().setEnvelope(envelope(caseId, RiskReassessed.class)).setRiskLevel(level).setReassessedAt(at).build();
    }

    private static Envelope envelope(String caseId, Class<?> type) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setEventType(type.getSimpleName())
                .setOccurredAt(Instant.now()).setProducer("workflow-service").setCorrelationId("test").build();
    }

    private static CaseStepRecorded step(String caseId, String name, String outcome, String riskLevel) {
        return CaseStepRecorded.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
                        .setEventType("CaseStepRecorded").setOccurredAt(Instant.now()).setProducer("workflow-service")
                        .setCorrelationId("test").build())
                .setName(name).setOutcome(outcome).setRiskLevel(riskLevel).build();
    }
}
