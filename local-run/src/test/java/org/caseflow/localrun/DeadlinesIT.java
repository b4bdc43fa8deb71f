package org.caseflow.localrun;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.caseflow.localrun.Rest.HTTP;
import static org.caseflow.localrun.Rest.JSON;
import static org.caseflow.localrun.Rest.getList;
import static org.caseflow.localrun.Rest.getMap;
import static org.caseflow.localrun.Rest.request;

/**
 * The deadlines every case meets first, screening, first contact and the assessment (and at high risk
 * the emergency measure's 72 hours), at each risk level and with the child in danger now, at their
 * boundaries through the real services: workflow-service's engine clock
 * is moved (the test-only engine-clock jar on its class path, nothing in the service's own jar) to a
 * minute before the deadline (nothing: no missed deadline in the case file, no escalation task, no
 * notification to supervisors) and to a minute after (all three, once). The other deadlines are tested
 * at their boundaries in workflow-service's ProcedureTest.
 */
class DeadlinesIT {

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** Long enough for several rounds of the job executor, which looks for due jobs every second here. */
    private static final Duration NOTHING_HAPPENS_WITHIN = Duration.ofSeconds(5);
    private static LocalStack stack;
    private static Path clockFile;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path data = Files.createTempDirectory("caseflow-deadlines");
        Path services = Path.of(System.getProperty("caseflow.services.directory", "target/services"));
        clockFile = data.resolve("engine-clock");
        LocalStack.Settings settings = LocalStack.Settings.forTests(data, services)
                .withEnvironment(ServiceName.WORKFLOW, Map.of(
                        ServiceProcess.LOADER_PATH, services.resolve("test/engine-clock.jar").toAbsolutePath().toString(),
                        "CASEFLOW_TEST_ENGINECLOCK_FILE", clockFile.toString(),
                        "CAMUNDA_BPM_JOBEXECUTION_WAITTIMEINMILLIS", "500",
                        "CAMUNDA_BPM_JOBEXECUTION_MAXWAIT", "1000"));
        stack = new LocalStack(settings).start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.close();
        }
    }

    static List<Arguments> levels() {
        return List.of(
                Arguments.of("in danger now", "[\"NEGLECT\"]", true, "HIGH", Duration.ofHours(1), Duration.ofHours(2), Duration.ofDays(3)),
                Arguments.of("high", "[\"SEXUAL_ABUSE\"]", false, "HIGH", Duration.ofHours(12), Duration.ofHours(24), Duration.ofDays(3)),
                Arguments.of("medium", "[\"VIOLENCE\"]", false, "MEDIUM", Duration.ofHours(24), Duration.ofDays(3), Duration.ofDays(7)),
                Arguments.of("low", "[\"NEGLECT\"]", false, "LOW", Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levels")
    void eachDeadlineIsEscalatedAMinuteAfterItAndNotAMinuteBefore(String name, String concerns, boolean immediateDanger,
            String level, Duration screening, Duration firstContact, Duration assessment) throws Exception {
        moveEngineClock(null);
        String caseId = report(concerns, immediateDanger);

        Map<String, Object> screen = awaitTask(caseId, "ScreenReport");
        Instant screeningDue = engineDate(screen.get("due"));
        assertAbout(Duration.between(reportedAt(caseId), screeningDue), screening, name + ": screening counted from the report");
        assertEscalatedOnlyAfter(caseId, "screening", screeningDue, 0);

        complete(caseId, "ScreenReport", Map.of("isProtectionCase", true, "riskLevel", level, "policeEscortNeeded", false,
                "traffickingIndicators", false, "screeningReason", "Deadline test at " + name + "."));
        Instant screenedAt = screeningDue.plus(Duration.ofMinutes(1));   // the engine's clock when the screening was done
        Map<String, Object> contact = awaitTask(caseId, "MakeFirstContact");
        Instant firstContactDue = engineDate(contact.get("due"));
        assertAbout(Duration.between(screenedAt, firstContactDue), firstContact, name + ": first contact counted from the screening");
        assertEscalatedOnlyAfter(caseId, "firstContact", firstContactDue, 1);

        complete(caseId, "MakeFirstContact", Map.of("childSeen", true, "firstContactOn", "2026-12-01"));
        Instant contactedAt = firstContactDue.plus(Duration.ofMinutes(1));
        if (level.equals("HIGH")) {
            // Medical care: an emergency measure that does not remove the child, so no court is asked.
            complete(caseId, "TakeEmergencyMeasure", Map.of("emergencyMeasure", "MEDICAL_CARE"));
        }
        Instant assessmentDue = engineDate(awaitTask(caseId, "VisitHomeAndAnalyseRisk").get("due"));
        assertAbout(Duration.between(screenedAt, assessmentDue), assessment, name + ": assessment counted from the screening");
        assertEscalatedOnlyAfter(caseId, "assessment", assessmentDue, 2);

        if (level.equals("HIGH")) {
            Instant measureDue = engineDate(awaitTask(caseId, "LiftEmergencyMeasure").get("due"));
            assertAbout(Duration.between(contactedAt, measureDue), Duration.ofHours(72), name + ": the emergency measure's 72 hours");
            assertEscalatedOnlyAfter(caseId, "emergencyMeasure", measureDue, 3);
        }
    }

    /**
     * A minute before the deadline nothing shows anywhere; a minute after, the case file (case-service)
     * has the missed deadline and the supervisors' escalation task, and supervisors were notified
     * (notification-service), each once. {@code missedBefore}: the case's deadlines missed earlier.
     */
    private static void assertEscalatedOnlyAfter(String caseId, String deadline, Instant due, int missedBefore) throws Exception {
        moveEngineClock(due.minus(Duration.ofMinutes(1)));
        await().pollDelay(NOTHING_HAPPENS_WITHIN).atMost(NOTHING_HAPPENS_WITHIN.plusSeconds(5)).until(() -> true);
        assertThat(missed(caseId, deadline)).as(deadline + " a minute before: missed in the case file").isEmpty();
        assertThat(escalations(caseId, deadline)).as(deadline + " a minute before: escalation tasks").isZero();
        assertThat(supervisorsNotified(caseId)).as(deadline + " a minute before: supervisors notified").isEqualTo(missedBefore);

        moveEngineClock(due.plus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> missed = missed(caseId, deadline);
            assertThat(missed).as(deadline + " a minute after: missed in the case file").hasSize(1);
            assertThat(Instant.parse((String) missed.get(0).get("dueAt"))).isEqualTo(due);
            assertThat(escalations(caseId, deadline)).as(deadline + " a minute after: escalation tasks").isEqualTo(1);
            assertThat(supervisorsNotified(caseId)).as(deadline + " a minute after: supervisors notified").isEqualTo(missedBefore + 1);
        });
        // And still once a while later: the timer fired once, nothing came twice.
        await().pollDelay(NOTHING_HAPPENS_WITHIN).atMost(NOTHING_HAPPENS_WITHIN.plusSeconds(5)).until(() -> true);
        assertThat(missed(caseId, deadline)).as(deadline + " later: missed in the case file").hasSize(1);
        assertThat(escalations(caseId, deadline)).as(deadline + " later: escalation tasks").isEqualTo(1);
        assertThat(supervisorsNotified(caseId)).as(deadline + " later: supervisors notified").isEqualTo(missedBefore + 1);
    }

    // --- what the people see ------------------------------------------------------------------------------

    private static List<Map<String, Object>> missed(String caseId, String deadline) throws Exception {
        List<Map<String, Object>> missed = JSON.convertValue(caseFile(caseId).get("missedDeadlines"), new TypeReference<>() { });
        return missed.stream().filter(m -> deadline.equals(m.get("deadline"))).toList();
    }

    /** The supervisors' tasks "Handle the missed deadline" for this deadline, in the engine. */
    private static long escalations(String caseId, String deadline) throws Exception {
        return getList(workflow("/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=HandleMissedDeadline"))
                .stream().filter(task -> {
                    try {
                        Map<String, Object> variable = getMap(workflow("/engine-rest/task/" + task.get("id") + "/variables/deadline"));
                        return deadline.equals(variable.get("value"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).count();
    }

    /** The supervisors' notifications of deadlines missed on the case. */
    private static long supervisorsNotified(String caseId) throws Exception {
        return getList(stack.url(ServiceName.NOTIFICATION) + "/api/notifications?agency=supervisors&limit=1000").stream()
                .filter(n -> caseId.equals(n.get("caseId")) && "DeadlineMissed".equals(n.get("eventType")))
                .count();
    }

    private static Map<String, Object> caseFile(String caseId) throws Exception {
        return getMap(stack.url(ServiceName.CASE) + "/api/cases/" + caseId);
    }

    // --- driving the procedure -----------------------------------------------------------------------------

    private static String report(String concerns, boolean immediateDanger) throws Exception {
        String body = """
                {"source": "HOTLINE", "concerns": %s, "immediateDanger": %s,
                 "children": [{"description": "a child", "ageYears": 8}],
                 "location": {"municipality": "Durrës"}, "narrative": "A report for the deadline tests."}"""
                .formatted(concerns, immediateDanger);
        HttpResponse<String> response = HTTP.send(request(stack.url(ServiceName.CASE) + "/api/cases", "supervisor")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return (String) JSON.readValue(response.body(), Map.class).get("id");
    }

    private static Map<String, Object> awaitTask(String caseId, String taskKey) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> getList(workflow("/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + taskKey)),
                list -> list.size() == 1).get(0);
    }

    /** Completes the task as a caseworker of cpu, a candidate of each of these tasks. */
    private static void complete(String caseId, String taskKey, Map<String, Object> variables) throws Exception {
        Map<String, Object> task = awaitTask(caseId, taskKey);
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        HttpResponse<String> response = HTTP.send(request(workflow("/engine-rest/task/" + task.get("id") + "/complete"), "cpu.worker")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", typed)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("completing " + taskKey + ": " + response.body()).isEqualTo(204);
    }

    /** When case-service took the report, as the case file says. */
    private static Instant reportedAt(String caseId) throws Exception {
        return Instant.parse((String) caseFile(caseId).get("reportedAt"));
    }

    /** The period, to within a second (the engine keeps milliseconds, the case file microseconds). */
    private static void assertAbout(Duration actual, Duration expected, String what) {
        assertThat(actual).as(what).isBetween(expected.minusSeconds(1), expected.plusSeconds(1));
    }

    /** Sets workflow-service's engine clock (null: the real time) and waits until it has taken it. */
    private static void moveEngineClock(Instant to) throws Exception {
        String wanted = to == null ? "" : to.toString();
        // Written whole, then moved into place: the service never reads half a file.
        Path next = clockFile.resolveSibling(clockFile.getFileName() + ".next");
        Files.writeString(next, wanted, StandardCharsets.UTF_8);
        Files.move(next, clockFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Path applied = clockFile.resolveSibling(clockFile.getFileName() + ".applied");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(applied)
                && Files.readString(applied, StandardCharsets.UTF_8).trim().equals(wanted));
    }

    private static Instant engineDate(Object value) {
        return OffsetDateTime.parse((String) value, ENGINE_DATE).toInstant();
    }

    // --- HTTP ------------------------------------------------------------------------------------------------

    private static String workflow(String path) {
        return stack.url(ServiceName.WORKFLOW) + path;
    }
}
