package org.caseflow.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseflow.events.Envelope;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may read and change a case: the agencies taking part in it and supervisors; everyone else finds
 * nothing. Every read, change and refusal is in the audit log, which supervisors alone read.
 */
class AccessTest extends CaseServiceIntegrationTest {


    @Test
    void withoutCredentialsEverythingAnswers401ButHealth() {
        String caseId = reportAs("police.worker");

        for (ResponseEntity<String> response : List.of(
                anonymous().getForEntity("/api/cases/" + caseId, String.class),
                anonymous().postForEntity("/api/cases", VALID_REPORT, String.class),
                anonymous().postForEntity("/api/cases/" + caseId + "/reopen", "{}", String.class),
                anonymous().getForEntity("/api/audit", String.class),
                anonymous().getForEntity("/api/dead-letters", String.class),
                anonymous().withBasicAuth("nobody", "demo").getForEntity("/api/cases/" + caseId, String.class),
                anonymous().withBasicAuth("police.worker", "wrong").getForEntity("/api/cases/" + caseId, String.class))) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
            assertThat(response.getBody()).doesNotContain(caseId).doesNotContain("Ana").doesNotContain("port");
        }
        assertThat(anonymous().getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aCaseworkerReadsOnlyCasesTheirAgencyTakesPartIn() throws Exception {
        String caseId = reportAs("police.worker");

        assertThat(as("police.worker").getForEntity("/api/cases/" + caseId, Map.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> refused = as("health.worker").getForEntity("/api/cases/" + caseId, String.class);
        assertThat(refused.getStatusCode()).as("as if there were no such case").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody()).doesNotContain("Ana").doesNotContain("port").doesNotContain("SCHOOL");
        assertThat(post(as("health.worker"), "/api/cases/" + caseId + "/reopen", "{}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        // The procedure gives health a task on the case: health takes part from then on.
        kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE).send(Topics.WORKFLOW_EVENTS, caseId, taskFor(caseId, "health", "supervisors")).get();

        Map<?, ?> caseFile = await().atMost(Duration.ofSeconds(30))
                .until(() -> as("health.worker").getForEntity("/api/cases/" + caseId, Map.class),
                        response -> response.getStatusCode() == HttpStatus.OK).getBody();
        assertThat((List<Map<String, Object>>) caseFile.get("agencies")).extracting(a -> a.get("agency") + ":" + a.get("reason"))
                .containsExactly("police:REPORTED", "health:TASK");
        assertThat(as("education.worker").getForEntity("/api/cases/" + caseId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void everyReadChangeAndRefusalIsAuditedWithWhoWhenWhatAndFromWhere() {
        Instant before = Instant.now().minusSeconds(1);
        String caseId = reportAs("police.worker");
        as("police.worker").getForEntity("/api/cases/" + caseId, String.class);
        as("health.worker").getForEntity("/api/cases/" + caseId, String.class);
        post(as("police.worker"), "/api/cases/" + caseId + "/agency-events", "{\"kind\": \"CourtDecisionRecorded\", \"agency\": \"court\"}");
        post(as("court.service"), "/api/cases/" + caseId + "/agency-events",
                "{\"kind\": \"CourtDecisionRecorded\", \"agency\": \"court\", \"outcome\": \"CONFIRMED\"}");

        List<Map<String, Object>> entries = audit("caseId=" + caseId);

        assertThat(entries).extracting(e -> e.get("actor") + " " + e.get("action") + " " + e.get("outcome")).containsExactly(
                "court.service AGENCY_EVENT_RECEIVED DONE",
                "police.worker AGENCY_EVENT_RECEIVED REFUSED",
                "health.worker CASE_READ REFUSED",
                "police.worker CASE_READ DONE",
                "police.worker CASE_REPORTED DONE");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("caseId")).isEqualTo(caseId);
            assertThat(entry.get("address")).isEqualTo("127.0.0.1");
            assertThat(Instant.parse((String) entry.get("at"))).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        });
        assertThat(entries.get(2).get("actorGroups")).isEqualTo("health");
        assertThat(entries.get(0).get("actorGroups")).as("a service sends for its body").isEqualTo("court");
        assertThat(entries.get(0).get("detail")).isEqualTo("CourtDecisionRecorded from court");
        assertThat(audit("user=health.worker")).extracting(e -> e.get("caseId")).contains(caseId);
        assertThat(entries.toString()).doesNotContain("Ana").doesNotContain("port every morning");

        assertThat(as("police.worker").getForEntity("/api/audit?caseId=" + caseId, String.class).getStatusCode())
                .as("the audit log is for supervisors").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void sharingWithAnotherAgencyNeedsConsentOrASupervisorsOverride() {
        String caseId = reportAs("cpu.worker");
        String shares = "/api/cases/" + caseId + "/shares";

        assertThat(post(as("cpu.worker"), shares, "{\"agency\": \"health\"}").getStatusCode())
                .as("neither consent nor override").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(http, shares, "{\"agency\": \"health\", \"overrideReason\": \"            \"}").getStatusCode())
                .as("an override reason of blanks only").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(as("cpu.worker"), shares, "{\"agency\": \"court\", \"consent\": {\"givenBy\": \"PARENT\"}}")
                .getStatusCode()).as("not an agency").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(post(as("cpu.worker"), shares, "{\"agency\": \"health\", \"overrideReason\": \"the child is in danger tonight\"}")
                .getStatusCode()).as("only a supervisor overrides").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(as("education.worker"), shares, "{\"agency\": \"education\", \"consent\": {\"givenBy\": \"PARENT\"}}")
                .getStatusCode()).as("an agency taking no part cannot share itself in").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("health.worker").getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<Map> shared = post(as("cpu.worker"), shares,
                "{\"agency\": \"health\", \"consent\": {\"givenBy\": \"PARENT\", \"reference\": \"form 2026/114\"}}");
        ResponseEntity<Map> overridden = post(http, shares,
                "{\"agency\": \"shelter\", \"overrideReason\": \"the child is in danger tonight; the parent cannot be reached\"}");

        assertThat(shared.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(overridden.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("health.worker").getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("shelter.worker").getForEntity("/api/cases/" + caseId, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat((List<Map<String, Object>>) overridden.getBody().get("shares"))
                .extracting(s -> s.get("agency") + " " + s.get("sharedBy") + " " + s.get("overridden"))
                .containsExactly("health cpu.worker false", "shelter supervisor true");
        assertThat(overridden.getBody().toString()).as("the reason is for the audit log").doesNotContain("cannot be reached");
        assertThat(audit("caseId=" + caseId)).extracting(e -> e.get("actor") + " " + e.get("outcome") + " " + e.get("detail"))
                .contains("cpu.worker DONE shared with health; consent of PARENT, recorded in form 2026/114",
                        "supervisor DONE shared with shelter; supervisor's override without consent: "
                                + "the child is in danger tonight; the parent cannot be reached",
                        "cpu.worker REFUSED override to share with health by a user who is not a supervisor",
                        "education.worker REFUSED the caller's agencies take no part in the case (or no longer), or there is no such case");
    }

    @Test
    void aCaseworkerOfAnotherAgencyCannotReopenACase() {
        String caseId = reportAs("cpu.worker");

        assertThat(post(as("krat.worker"), "/api/cases/" + caseId + "/reopen", "{}").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post(as("cpu.worker"), "/api/cases/" + caseId + "/reopen", "{}").getStatusCode())
                .as("allowed, but the case is not closed").isEqualTo(HttpStatus.CONFLICT);
        assertThat(audit("caseId=" + caseId)).extracting(e -> e.get("actor") + " " + e.get("action") + " " + e.get("outcome"))
                .as("the refused and the failed attempt are both recorded")
                .contains("krat.worker CASE_REOPENED REFUSED", "cpu.worker CASE_REOPENED FAILED");
    }

    private String reportAs(String user) {
        ResponseEntity<Map> response = post(as(user), "/api/cases", VALID_REPORT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("id");
    }

    private List<Map<String, Object>> audit(String query) {
        ResponseEntity<List> response = http.getForEntity("/api/audit?" + query, List.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static TaskCreated taskFor(String caseId, String... groups) {
        return TaskCreated.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
                        .setEventType("TaskCreated").setOccurredAt(Instant.now()).setProducer("workflow-service")
                        .setCorrelationId("test").build())
                .setTaskId(UUID.randomUUID().toString()).setTaskKey("MedicalExamination").setTaskName("Medical examination")
                .setCandidateGroups(List.of(groups)).setProcessDefinitionId("emergency-response:1:x").build();
    }
}
