package org.caseflow.localrun;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as ./run.sh starts it (real Kafka, real PostgreSQL, each service its own JVM from
 * its runnable jar), driven over HTTP as a caseworker and an agency would.
 */
class EndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path data = Files.createTempDirectory("caseflow-e2e");
        Path services = Path.of(System.getProperty("caseflow.services.directory", "target/services"));
        stack = new LocalStack(LocalStack.Settings.forTests(data, services)).start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aReportReachesTheProcedureTheAgencyAndTheTimeline() throws Exception {
        HttpResponse<String> reported = post(stack.url(ServiceName.CASE) + "/api/cases", """
                {"source": "HOTLINE", "concerns": ["UNACCOMPANIED", "BEGGING"], "immediateDanger": true,
                 "children": [{"description": "boy, about 10, at the bus station", "ageYears": 10}],
                 "location": {"municipality": "Durrës"}, "narrative": "Alone at the bus station since yesterday."}""");
        assertThat(reported.statusCode()).isEqualTo(201);
        String caseId = (String) JSON.readValue(reported.body(), Map.class).get("id");
        assertThat(reported.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/cases/" + caseId));

        List<Map<String, Object>> instances = await().atMost(Duration.ofSeconds(30)).until(
                () -> getList(stack.url(ServiceName.WORKFLOW) + "/engine-rest/process-instance?businessKey=" + caseId),
                list -> list.size() == 1);
        assertThat((String) instances.get(0).get("definitionId")).startsWith("emergency-response:");

        List<Map<String, Object>> tasks = await().atMost(Duration.ofSeconds(30)).until(
                () -> getList(stack.url(ServiceName.WORKFLOW) + "/engine-rest/task?processInstanceBusinessKey=" + caseId
                        + "&candidateGroup=cpu"),
                list -> list.size() == 1);
        assertThat(tasks.get(0).get("taskDefinitionKey")).isEqualTo("ScreenReport");

        List<Map<String, Object>> notifications = await().atMost(Duration.ofSeconds(30)).until(
                () -> getList(stack.url(ServiceName.NOTIFICATION) + "/api/notifications?agency=cpu").stream()
                        .filter(n -> caseId.equals(n.get("caseId"))).toList(),
                list -> list.size() == 1);
        assertThat((String) notifications.get(0).get("message")).doesNotContain("bus station", "boy");

        Map<String, Object> caseFile = await().atMost(Duration.ofSeconds(30)).until(
                () -> getMap(stack.url(ServiceName.CASE) + "/api/cases/" + caseId),
                c -> ((List<?>) c.get("timeline")).size() >= 2);
        assertThat(caseFile.get("status")).isEqualTo("IN_PROGRESS");
        assertThat((List<Map<String, Object>>) caseFile.get("timeline")).extracting(e -> e.get("eventType"))
                .containsExactly("CaseReported", "TaskCreated");

        // The caseworker screens the report, and the case goes through assessment to a placement the court confirms.
        String workflow = stack.url(ServiceName.WORKFLOW);
        complete(workflow, caseId, "ScreenReport", Map.of("isProtectionCase", true, "riskLevel", "MEDIUM",
                "policeEscortNeeded", false, "traffickingIndicators", false, "riskOverrideReason", "seen by the duty worker", "screeningReason", "child alone"));
        complete(workflow, caseId, "MakeFirstContact", Map.of("childSeen", true, "firstContactOn", "2026-12-01"));
        complete(workflow, caseId, "VisitHomeAndAnalyseRisk", Map.of("homeVisitDone", true, "homeVisitOn", "2026-12-01",
                "riskLevel", "MEDIUM", "traffickingIndicatorsAtVisit", false, "technicalGroupAgencies", "health"));
        complete(workflow, caseId, "GiveTechnicalGroupInput", Map.of("inputGiven", true));
        complete(workflow, caseId, "HoldTechnicalGroupMeeting", Map.of("meetingOn", "2026-12-03", "meetingAgencies", "cpu,health",
                "justiceAttended", false, "ngoAttended", false, "parentsAttended", true, "childAttended", false, "minutesReference", "GTN-7"));
        complete(workflow, caseId, "DecideAssessmentOutcome", Map.of("assessmentOutcome", "REMOVAL",
                "assessmentOutcomeReason", "not safe at home"));
        complete(workflow, caseId, "DraftProtectionPlan", Map.of("planReference", "PIM-7"));
        complete(workflow, caseId, "ApproveProtectionPlan", Map.of("planApproved", true));

        // The court's system sends its decision with the court's own service identity, before the procedure
        // waits for it, and then again (a retry after a lost answer): one decision, one placement.
        String courtDecision = "{\"kind\": \"CourtDecisionRecorded\", \"outcome\": \"CONFIRMED\", \"reference\": \"V-1/2026\"}";
        String agencyEvents = stack.url(ServiceName.CASE) + "/api/cases/" + caseId + "/agency-events";
        HttpResponse<String> court = postAs("court.service", agencyEvents, courtDecision);
        assertThat(court.statusCode()).isEqualTo(202);
        HttpResponse<String> again = postAs("court.service", agencyEvents, courtDecision);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readValue(again.body(), Map.class).get("eventId")).isEqualTo(JSON.readValue(court.body(), Map.class).get("eventId"));
        complete(workflow, caseId, "DecideProtectionMeasure", Map.of("protectionMeasure", "FOSTER_CARE"));
        Map<String, Object> placement = awaitTask(workflow, caseId, "StartPlacement");
        assertThat(getList(workflow + "/engine-rest/task/" + placement.get("id") + "/identity-links"))
                .extracting(link -> link.get("groupId")).contains("shelter");
        complete(workflow, caseId, "StartPlacement", Map.of("placementStarted", true, "placementStartedOn", "2026-12-02"));

        List<String> expected = List.of("CaseReported", "TaskCreated", "TaskCompleted", "CaseScreened", "TechnicalGroupMet",
                "ProtectionPlanApproved", "CourtDecisionRecorded", "ProtectionMeasureDecided", "PlacementStarted");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                ((List<Map<String, Object>>) getMap(stack.url(ServiceName.CASE) + "/api/cases/" + caseId).get("timeline"))
                        .stream().map(e -> e.get("eventType")).distinct().toList()).containsAll(expected));
        Map<String, Object> caseNow = getMap(stack.url(ServiceName.CASE) + "/api/cases/" + caseId);
        assertThat(caseNow.get("riskLevel")).isEqualTo("MEDIUM");
        assertThat(caseNow.get("status")).isEqualTo("IN_PROGRESS");
        List<String> seen = ((List<Map<String, Object>>) caseNow.get("timeline")).stream().map(e -> (String) e.get("eventType")).toList();
        assertThat(seen.indexOf("CaseScreened")).isLessThan(seen.indexOf("TechnicalGroupMet"));
        assertThat(seen.indexOf("ProtectionPlanApproved")).isLessThan(seen.indexOf("PlacementStarted"));
        assertThat(seen).as("one court decision, one placement").containsOnlyOnce("CourtDecisionRecorded", "ProtectionMeasureDecided",
                "PlacementStarted");
        assertThat((List<Map<String, Object>>) caseNow.get("tasks")).filteredOn(t -> "StartPlacement".equals(t.get("taskKey"))).hasSize(1);
        // Placed: the follow-up waits for its first review.
        await().atMost(Duration.ofSeconds(30)).until(() -> getList(workflow + "/engine-rest/execution?processInstanceId="
                + instances.get(0).get("id") + "&activityId=ReviewDue"), list -> list.size() == 1);
    }

    private static Map<String, Object> awaitTask(String workflow, String caseId, String taskKey) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> getList(workflow + "/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + taskKey),
                list -> list.size() == 1).get(0);
    }

    /**
     * Completes the task as the agencies would: first a caseworker of an agency that is no candidate of
     * it tries and is refused, then the owning agency's own caseworker (its supervisor for an approval)
     * completes it.
     */
    private static void complete(String workflow, String caseId, String taskKey, Map<String, Object> variables) throws Exception {
        Map<String, Object> task = awaitTask(workflow, caseId, taskKey);
        List<String> candidates = getList(workflow + "/engine-rest/task/" + task.get("id") + "/identity-links").stream()
                .map(link -> (String) link.get("groupId")).filter(java.util.Objects::nonNull).toList();
        // An agency's own supervisors (such as cpu-supervisors, who approve the CPU's plans) sign in as <agency>.supervisor.
        String owner = candidates.contains("supervisors") ? "supervisor" : candidates.get(0).endsWith("-supervisors")
                ? candidates.get(0).replace("-supervisors", ".supervisor") : candidates.get(0) + ".worker";
        String stranger = List.of("krat", "police", "shelter").stream().filter(agency -> !candidates.contains(agency))
                .findFirst().orElseThrow() + ".worker";
        Map<String, Object> typed = new java.util.HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        String body = JSON.writeValueAsString(Map.of("variables", typed));
        String url = workflow + "/engine-rest/task/" + task.get("id") + "/complete";

        assertThat(postAs(stranger, url, body).statusCode()).as(stranger + " completes " + taskKey).isEqualTo(403);
        HttpResponse<String> response = postAs(owner, url, body);
        assertThat(response.statusCode()).as(owner + " completes " + taskKey + ": " + response.body()).isEqualTo(204);
    }

    private static HttpResponse<String> postAs(String user, String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<Map<String, Object>> getList(String url) throws Exception {
        return JSON.readValue(get(url), new TypeReference<>() { });
    }

    private static Map<String, Object> getMap(String url) throws Exception {
        return JSON.readValue(get(url), new TypeReference<>() { });
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(request(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET " + url).isEqualTo(200);
        return response.body();
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo".getBytes()));
    }
}
