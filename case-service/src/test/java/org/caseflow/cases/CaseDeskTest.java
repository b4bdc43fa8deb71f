package org.caseflow.cases;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseScreened;
import org.caseflow.events.RiskLevel;
import org.caseflow.events.Envelope;
import org.caseflow.events.NotificationDeliveryChanged;
import org.caseflow.events.TaskCancelled;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The caseworker's desk in case-service: the list of cases with its filters over REST, and the case
 * file page behind a login, with the same access rules and audit as the API.
 */
class CaseDeskTest extends CaseServiceIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");


    @LocalServerPort
    int port;

    @Test
    void aCaseworkerSearchesOnlyTheirAgencysCasesAndASupervisorAll() {
        String schoolCase = reportAs("education.worker");
        String policeCase = reportAs("police.worker");

        assertThat(idsFound(as("education.worker"), "")).contains(schoolCase).doesNotContain(policeCase);
        assertThat(idsFound(as("education.worker"), "agency=police")).as("a filter never widens the scope")
                .doesNotContain(policeCase, schoolCase);
        assertThat(idsFound(http, "")).contains(schoolCase, policeCase);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'education.worker' and action = 'CASES_SEARCHED'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void searchFiltersByRiskOverdueConcernAndDate() throws Exception {
        String urgent = reportAs("education.worker");
        String calm = reportAs("education.worker");
        send(screened(urgent, "HIGH"));
        send(task(urgent, "t-" + UUID.randomUUID(), "MakeFirstContact", Instant.now().minusSeconds(60), "cpu"));
        send(task(calm, "t-" + UUID.randomUUID(), "MakeFirstContact", Instant.now().plusSeconds(3600), "cpu"));

        await().atMost(Duration.ofSeconds(30)).until(() -> idsFound(http, "riskLevel=HIGH&overdue=true"), ids -> ids.contains(urgent));
        assertThat(idsFound(http, "riskLevel=HIGH")).contains(urgent).doesNotContain(calm);
        assertThat(idsFound(http, "overdue=false")).contains(calm).doesNotContain(urgent);
        assertThat(idsFound(http, "concern=BEGGING&status=IN_PROGRESS")).contains(urgent, calm);
        assertThat(idsFound(http, "concern=SEXUAL_ABUSE")).doesNotContain(urgent, calm);
        assertThat(idsFound(http, "reportedTo=2020-01-01")).doesNotContain(urgent, calm);

        Map<?, ?> first = http.getForEntity("/api/cases?sort=NEXT_DUE&overdue=true&size=100", Map.class).getBody();
        Map<?, ?> summary = ((List<Map<?, ?>>) first.get("cases")).stream().filter(c -> urgent.equals(c.get("id"))).findFirst().orElseThrow();
        assertThat(summary.get("reference")).asString().matches("\\d{4}-\\d{5}");
        assertThat(summary.get("riskLevel")).isEqualTo("HIGH");
        assertThat(summary.get("youngestChildAge")).isEqualTo(9);
        assertThat(summary.get("overdue")).isEqualTo(true);
        assertThat(summary.toString()).doesNotContain("Ana").doesNotContain("near the port");
    }

    @Test
    void aTaskTheProcedureEndsIsNoLongerOpenNorOverdueAndClosingEndsTheRest() throws Exception {
        String caseId = reportAs("education.worker");
        String ended = "t-" + UUID.randomUUID();
        send(task(caseId, ended, "HandleFirstContactMissed", Instant.now().minusSeconds(60), "supervisors"));
        send(task(caseId, "t-" + UUID.randomUUID(), "ReviewProtectionPlan", Instant.now().minusSeconds(60), "cpu"));
        await().atMost(Duration.ofSeconds(30)).until(() -> idsFound(http, "overdue=true"), ids -> ids.contains(caseId));

        send(TaskCancelled.newBuilder().setEnvelope(envelope(caseId, "TaskCancelled", "workflow-service")).setTaskId(ended)
                .setTaskKey("HandleFirstContactMissed").setTaskName("x").setCandidateGroups(List.of("supervisors")).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> openTasks(caseId), n -> n == 1);
        assertThat(idsFound(http, "overdue=true")).as("the other task is still late").contains(caseId);

        send(CaseClosed.newBuilder().setEnvelope(envelope(caseId, "CaseClosed", "workflow-service")).setReason("REINTEGRATED").build());
        await().atMost(Duration.ofSeconds(30)).until(() -> openTasks(caseId), n -> n == 0);
        assertThat(idsFound(http, "overdue=false&status=CLOSED")).contains(caseId);
    }

    @Test
    void aNotificationsLaterStateIsNeverReplacedByAnEarlierOne() throws Exception {
        String caseId = reportAs("education.worker");
        NotificationDeliveryChanged sent = NotificationDeliveryChanged.newBuilder(delivery(caseId, "police", "SMS", "SENT"))
                .setAttempts(2).build();
        NotificationDeliveryChanged retrying = NotificationDeliveryChanged.newBuilder(sent)
                .setEnvelope(envelope(caseId, "NotificationDeliveryChanged", "notification-service")).setStatus("RETRYING")
                .setAttempts(1).build();
        send(sent);
        send(retrying);
        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.hasConsumedAll("case-service", Topics.NOTIFICATION_EVENTS));

        assertThat(jdbc.sql("select status || ' ' || attempts from case_notification where delivery_id = ?")
                .param(sent.getDeliveryId()).query(String.class).single()).isEqualTo("SENT 2");
    }

    @Test
    void everyCaseAListShowsIsInItsAuditLogAndTodaysReportsAreFoundByDate() {
        String caseId = reportAs("education.worker");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Tirane")).toString();

        assertThat(idsFound(as("education.worker"), "reportedFrom=" + today + "&reportedTo=" + today)).contains(caseId);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'education.worker' and case_id = ?::uuid"
                + " and action = 'CASE_LISTED'").param(caseId).query(Long.class).single()).isPositive();
    }

    @Test
    void aSearchThatCannotRunIsA400NamingTheField() {
        ResponseEntity<Map> unknownAgency = http.getForEntity("/api/cases?agency=nobody", Map.class);
        assertThat(unknownAgency.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownAgency.getBody().toString()).contains("agency");
        assertThat(http.getForEntity("/api/cases?size=101", Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/cases?reportedFrom=2026-02-02&reportedTo=2026-02-01", Map.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(http.getForEntity("/api/cases?riskLevel=EXTREME", Map.class).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void thePagesAskForALoginNotABrowserDialog() throws Exception {
        HttpResponse<String> page = browser().send(get("/cases/" + UUID.randomUUID()), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
        assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
        HttpResponse<String> login = browser().send(get("/login"), HttpResponse.BodyHandlers.ofString());
        assertThat(login.body()).contains("Hyrja").contains("Fjalëkalimi");
        HttpResponse<String> english = browser().send(HttpRequest.newBuilder(uri("/login")).header("Accept-Language", "en-GB,en;q=0.9")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(english.body()).contains("Sign in").contains("Password");
    }

    @Test
    void theCaseFilePageShowsTheCaseToWhoMayReadItAndAuditsTheView() throws Exception {
        String caseId = reportAs("education.worker");
        String taskId = "t-" + UUID.randomUUID();
        send(screened(caseId, "MEDIUM"));
        send(task(caseId, taskId, "MakeFirstContact", Instant.now().minusSeconds(120), "cpu"));
        send(task(caseId, "t-" + UUID.randomUUID(), "ScreenReport", null, "cpu"));
        send(completed(caseId, "t-none"));
        send(delivery(caseId, "cpu", "EMAIL", "SENT"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from case_notification where case_id = ?::uuid")
                .param(caseId).query(Long.class).single() + jdbc.sql("select count(*) from case_task where case_id = ?::uuid")
                .param(caseId).query(Long.class).single(), n -> n == 3);

        HttpClient cpu = signedIn("cpu.worker");
        String page = cpu.send(get("/cases/" + caseId), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(page).contains("Ana").contains("9 vjeç").contains("near the port")
                .contains("Seen begging near the port every morning instead of school.")
                .contains("lypje").contains("i mesëm")
                .as("the reporter, to the Child Protection Unit").contains("Teacher").contains("+355 69 000 0000")
                .as("the open task links to Tasklist").contains("#/?task=" + taskId)
                .contains("Vendosni kontaktin e parë me fëmijën").contains("afat i kaluar")
                .contains("Raportimi u shqyrtua").contains("email").contains("dorëzuar");
        assertThat(jdbc.sql("select count(*) from audit_log where actor = 'cpu.worker' and case_id = ?::uuid and action = 'CASE_READ'"
                + " and detail = 'case file page'").param(caseId).query(Long.class).single()).isEqualTo(1);

        String toTheReporter = signedIn("education.worker").send(get("/cases/" + caseId), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(toTheReporter).as("the reporting school sees the case's status, not its story").contains("i mesëm")
                .contains("Institucioni juaj e raportoi").doesNotContain("Ana").doesNotContain("near the port")
                .doesNotContain("Teacher").doesNotContain("+355 69");

        HttpResponse<String> refused = signedIn("police.worker").send(get("/cases/" + caseId), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("Rasti nuk u gjet").doesNotContain("Ana").doesNotContain("near the port");

        String english = cpu.send(get("/cases/" + caseId + "?lang=en"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(english).contains("9 years").contains("begging").contains("Open tasks").contains("delivered");

        HttpResponse<String> badFilter = cpu.send(get("/cases?agency=nobody"), HttpResponse.BodyHandlers.ofString());
        assertThat(badFilter.statusCode()).as("the page and the API refuse the same search").isEqualTo(400);
    }

    @Test
    void aCaseworkerSignsOutAndThePagesAskForTheLoginAgain() throws Exception {
        HttpClient cpu = signedIn("cpu.worker");
        assertThat(cpu.send(get("/cases"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        String cases = cpu.send(get("/cases"), HttpResponse.BodyHandlers.ofString()).body();
        cpu.send(form("/logout", Map.of("_csrf", csrf(cases))), HttpResponse.BodyHandlers.ofString());

        assertThat(cpu.send(get("/cases"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordShowsTheLoginAgainWithAMessage() throws Exception {
        HttpClient client = browser();
        String login = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        client.send(form("/login", Map.of("username", "cpu.worker", "password", "wrong", "_csrf", csrf(login))),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> again = client.send(get("/login?error"), HttpResponse.BodyHandlers.ofString());
        assertThat(again.body()).contains("i gabuar");
        assertThat(client.send(get("/cases"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    }

    @Test
    void theCourtsServiceIdentityCannotReadThePages() throws Exception {
        String caseId = reportAs("education.worker");
        HttpClient court = signedIn("court.service");

        assertThat(court.send(get("/cases"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        HttpResponse<String> file = court.send(get("/cases/" + caseId), HttpResponse.BodyHandlers.ofString());
        assertThat(file.statusCode()).isEqualTo(403);
        assertThat(file.body()).doesNotContain("Ana").doesNotContain("port");
    }

    private long openTasks(String caseId) {
        return jdbc.sql("select count(*) from case_task where case_id = ?::uuid and completed_at is null").param(caseId)
                .query(Long.class).single();
    }

    private List<String> idsFound(org.springframework.boot.test.web.client.TestRestTemplate client, String query) {
        ResponseEntity<Map> response = client.getForEntity("/api/cases?size=100&" + query, Map.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return ((List<Map<?, ?>>) response.getBody().get("cases")).stream().map(c -> (String) c.get("id")).toList();
    }

    private String reportAs(String user) {
        return (String) post(as(user), "/api/cases", VALID_REPORT).getBody().get("id");
    }

    private HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A browser session signed in on the login page, as a person does. */
    private HttpClient signedIn(String user) throws IOException, InterruptedException {
        HttpClient client = browser();
        String login = client.send(get("/login"), HttpResponse.BodyHandlers.ofString()).body();
        HttpResponse<String> signedIn = client.send(form("/login", Map.of("username", user, "password", "demo", "_csrf", csrf(login))),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        return client;
    }

    private static String csrf(String html) {
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("the page has a CSRF token").isTrue();
        return matcher.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).build();
    }

    private HttpRequest form(String path, Map<String, String> fields) {
        String body = String.join("&", fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).toList());
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private void send(SpecificRecord event) throws Exception {
        (event instanceof NotificationDeliveryChanged ? kafkaAs(org.caseflow.infra.KafkaPrincipals.NOTIFICATION_SERVICE) : kafkaAs(org.caseflow.infra.KafkaPrincipals.WORKFLOW_SERVICE)).send(topicOf(event), org.caseflow.events.CaseEvents.envelopeOf(event).getCaseId(), event).get();
    }

    private static String topicOf(SpecificRecord event) {
        return event instanceof NotificationDeliveryChanged ? Topics.NOTIFICATION_EVENTS : Topics.WORKFLOW_EVENTS;
    }

    private static Envelope envelope(String caseId, String type, String producer) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setEventType(type)
                .setOccurredAt(Instant.now()).setProducer(producer).setCorrelationId("test").build();
    }

    private static CaseScreened screened(String caseId, String riskLevel) {
        return CaseScreened.newBuilder().setEnvelope(envelope(caseId, "CaseScreened", "workflow-service"))
                .setProtectionCase(true).setRiskLevel(RiskLevel.valueOf(riskLevel)).build();
    }

    private static TaskCreated task(String caseId, String taskId, String key, Instant dueAt, String... groups) {
        return TaskCreated.newBuilder().setEnvelope(envelope(caseId, "TaskCreated", "workflow-service"))
                .setTaskId(taskId).setTaskKey(key).setTaskName(key).setCandidateGroups(List.of(groups)).setDueAt(dueAt)
                .setProcessDefinitionId("emergency-response:1:x").build();
    }

    private static TaskCompleted completed(String caseId, String taskId) {
        return TaskCompleted.newBuilder().setEnvelope(envelope(caseId, "TaskCompleted", "workflow-service"))
                .setTaskId(taskId).setTaskKey("X").setTaskName("X").setCandidateGroups(List.of("cpu")).build();
    }

    private static NotificationDeliveryChanged delivery(String caseId, String agency, String channel, String status) {
        return NotificationDeliveryChanged.newBuilder().setEnvelope(envelope(caseId, "NotificationDeliveryChanged", "notification-service"))
                .setDeliveryId(UUID.randomUUID().toString()).setNotificationId(UUID.randomUUID().toString()).setAgency(agency)
                .setChannel(channel).setStatus(status).setAttempts(1).setAbout("TaskCreated").setUrgent(false).build();
    }
}
