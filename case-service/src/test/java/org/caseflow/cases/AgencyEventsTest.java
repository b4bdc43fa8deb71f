package org.caseflow.cases;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may send which agency event: an agency for itself, only the kinds configured for it; a body
 * outside caseflow (the court) through its service identity, which opens no other door.
 */
class AgencyEventsTest extends CaseServiceIntegrationTest {

    private static final String COURT_DECISION = """
            {"kind": "CourtDecisionRecorded", "agency": "court", "outcome": "CONFIRMED", "reference": "V-7/2026",
             "attributes": {"decidedOn": "2026-11-30"}}""";

    @Test
    void theSchoolThatReportedACaseCannotPostACourtDecisionForIt() {
        String caseId = reportAs("education.worker");

        ResponseEntity<Map> forged = post(as("education.worker"), "/api/cases/" + caseId + "/agency-events", COURT_DECISION);
        ResponseEntity<Map> asItself = post(as("education.worker"), "/api/cases/" + caseId + "/agency-events",
                COURT_DECISION.replace("\"agency\": \"court\"", "\"agency\": \"education\""));
        ResponseEntity<Map> bySupervisor = post(http, "/api/cases/" + caseId + "/agency-events", COURT_DECISION);

        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(asItself.getStatusCode()).as("education does not send court decisions").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bySupervisor.getStatusCode()).as("a supervisor is no agency").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(timeline(caseId)).containsExactly("CaseReported");
        assertThat(jdbc.sql("select count(*) from outbox_event where record_key = ? and event_type = 'AgencyEventReceived'")
                .param(caseId).query(Integer.class).single()).isZero();
        assertThat(http.getForObject("/api/audit?caseId=" + caseId, List.class)).extracting(e -> ((Map<?, ?>) e).get("actor")
                + " " + ((Map<?, ?>) e).get("outcome")).contains("education.worker REFUSED", "supervisor REFUSED");
    }

    @Test
    void theCourtsServiceSendsItsDecisionWithTheAttributesItsKindDeclares() {
        String caseId = reportAs("education.worker");

        ResponseEntity<Map> accepted = post(as("court.service"), "/api/cases/" + caseId + "/agency-events",
                COURT_DECISION.replace("\"agency\": \"court\", ", ""));

        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        AgencyEventReceived event = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(Topics.CASE_EVENTS, caseId).stream()
                .map(r -> CaseEvents.decode(r.value())).filter(AgencyEventReceived.class::isInstance).map(AgencyEventReceived.class::cast)
                .findFirst().orElse(null), e -> e != null);
        assertThat(event.getAgency()).as("the service's body, left out of the body").isEqualTo("court");
        assertThat(event.getAttributes()).containsEntry("decidedOn", "2026-11-30");
    }

    /** The court's system sending its decision again (a retry, twice at once) is one decision; another outcome under its number is refused. */
    @Test
    void theSameDecisionSentAgainUnderItsReferenceIsTakenOnce() throws Exception {
        String caseId = reportAs("education.worker");
        String path = "/api/cases/" + caseId + "/agency-events";

        java.util.concurrent.ExecutorService both = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<ResponseEntity<Map>> answers;
        try {
            var first = both.submit(() -> post(as("court.service"), path, COURT_DECISION));
            var second = both.submit(() -> post(as("court.service"), path, COURT_DECISION));
            answers = List.of(first.get(), second.get());
        } finally {
            both.shutdown();
        }
        assertThat(answers).extracting(ResponseEntity::getStatusCode).containsExactlyInAnyOrder(HttpStatus.ACCEPTED, HttpStatus.OK);
        assertThat(answers).extracting(a -> a.getBody().get("eventId")).as("both answers name the one event").containsOnly(
                answers.get(0).getBody().get("eventId"));
        ResponseEntity<Map> later = post(as("court.service"), path, COURT_DECISION);
        assertThat(later.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(later.getBody()).containsEntry("repeated", true).containsEntry("eventId", answers.get(0).getBody().get("eventId"));

        ResponseEntity<Map> changed = post(as("court.service"), path, COURT_DECISION.replace("CONFIRMED", "REJECTED"));
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat((String) changed.getBody().get("detail")).contains("V-7/2026").contains("CONFIRMED");
        assertThat(http.getForObject("/api/audit?caseId=" + caseId, List.class)).extracting(e -> ((Map<?, ?>) e).get("actor")
                + " " + ((Map<?, ?>) e).get("outcome")).contains("court.service REFUSED");
        assertThat(post(as("court.service"), path, COURT_DECISION.replace("V-7/2026", "V-8/2026").replace("CONFIRMED", "REJECTED"))
                .getStatusCode()).as("a new decision has a number of its own").isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("select count(*) from outbox_event where record_key = ?")
                .param(caseId).query(Integer.class).single() == 0);
        assertThat(kafkaCount(caseId)).as("events published: V-7 once, V-8 once").isEqualTo(2);
        assertThat(timeline(caseId)).filteredOn("CourtDecisionRecorded"::equals).hasSize(2);
    }

    /** The agency events of the case on the topic. */
    private int kafkaCount(String caseId) {
        return (int) kafka.readAll(Topics.CASE_EVENTS, caseId).stream().map(r -> CaseEvents.decode(r.value()))
                .filter(AgencyEventReceived.class::isInstance).count();
    }

    @Test
    void theCpuAsksToCloseACaseWithAReasonAndNoOtherAgencyMay() {
        String caseId = reportAs("cpu.worker"); // the CPU takes part in the case (in the procedure, through its tasks)
        String closure = """
                {"kind": "ClosureRequested", "outcome": "TRANSFERRED", "attributes": {"reason": "the family moved to Tirana"}}""";

        assertThat(post(as("police.worker"), "/api/cases/" + caseId + "/agency-events", closure).getStatusCode())
                .isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
        assertThat(post(as("cpu.worker"), "/api/cases/" + caseId + "/agency-events", closure.replace("TRANSFERRED", "BORED"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<Map> accepted = post(as("cpu.worker"), "/api/cases/" + caseId + "/agency-events", closure);

        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.ACCEPTED);
        AgencyEventReceived event = await().atMost(Duration.ofSeconds(20)).until(() -> kafka.readAll(Topics.CASE_EVENTS, caseId).stream()
                .map(r -> CaseEvents.decode(r.value())).filter(AgencyEventReceived.class::isInstance).map(AgencyEventReceived.class::cast)
                .findFirst().orElse(null), e -> e != null);
        assertThat(event.getAgency()).isEqualTo("cpu");
        assertThat(event.getOutcome()).isEqualTo("TRANSFERRED");
        assertThat(event.getAttributes()).containsEntry("reason", "the family moved to Tirana");
    }

    @Test
    void theCpuRefersTheChildToAServiceOfAKnownAgency() {
        String caseId = reportAs("cpu.worker");
        String referral = """
                {"kind": "ReferralRequested", "outcome": "PSYCHOLOGICAL_SUPPORT", "attributes": {"agency": "health"}}""";

        assertThat(post(as("cpu.worker"), "/api/cases/" + caseId + "/agency-events", referral.replace("health", "the neighbours"))
                .getStatusCode()).as("an agency the kind does not allow").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(as("cpu.worker"), "/api/cases/" + caseId + "/agency-events", referral).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
    }

    @Test
    void anOutcomeOrAttributeTheKindDoesNotDeclareIsRefusedByName() {
        String caseId = reportAs("education.worker");

        assertThat(fieldRefused(caseId, COURT_DECISION.replace("CONFIRMED", "MAYBE"))).isEqualTo("outcome");
        assertThat(fieldRefused(caseId, COURT_DECISION.replace("decidedOn", "followUpPeriod"))).isEqualTo("attributes.followUpPeriod");
        assertThat(fieldRefused(caseId, COURT_DECISION.replace("2026-11-30", "yesterday"))).isEqualTo("attributes.decidedOn");
        assertThat(fieldRefused(caseId, COURT_DECISION.replace("CourtDecisionRecorded", "CourtDecisionRevoked"))).isEqualTo("kind");
        assertThat(timeline(caseId)).containsExactly("CaseReported");
    }

    @Test
    void aServiceIdentityOpensNoOtherDoor() {
        String caseId = reportAs("education.worker");

        assertThat(as("court.service").getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("court.service").getForEntity("/api/cases", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as("court.service"), "/api/cases", VALID_REPORT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as("court.service"), "/api/cases/" + caseId + "/reopen", "{}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("court.service").getForEntity("/api/audit", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String fieldRefused(String caseId, String body) {
        ResponseEntity<Map> refused = post(as("court.service"), "/api/cases/" + caseId + "/agency-events", body);
        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        return ((List<Map<String, String>>) refused.getBody().get("errors")).get(0).get("field");
    }

    private String reportAs(String user) {
        ResponseEntity<Map> response = post(as(user), "/api/cases", VALID_REPORT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("id");
    }

    private List<Object> timeline(String caseId) {
        return ((List<Map<String, Object>>) http.getForObject("/api/cases/" + caseId, Map.class).get("timeline")).stream()
                .map(e -> e.get("eventType")).toList();
    }
}
