package org.caseflow.localrun;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
 * Every deadline of {@code deadlines.dmn} at its boundaries, at each risk level it has, through the real
 * services: workflow-service's engine clock is moved (the test-only engine-clock jar on its class path,
 * nothing in the service's own jar) to a minute before the deadline (nothing: no missed deadline in the
 * case file, no escalation task, no notification to supervisors) and to a minute after (all three,
 * once). The first test takes the deadlines every case meets first, screening, first contact and the
 * assessment (and at high risk the emergency measure's 72 hours), from the child in danger now to low
 * risk; the second drives a case on, through a referral, the plan, the court and the placement, to
 * the follow-up and the full plan review, with the clock moved from deadline to deadline.
 */
class DeadlinesIT {

    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    /** Long enough for several rounds of the job executor, which looks for due jobs every second here. */
    private static final Duration NOTHING_HAPPENS_WITHIN = Duration.ofSeconds(3);
    private static LocalStack stack;
    private static Path clockFile;
    /** The engine's clock as last set (null: the real time). */
    private static Instant engineNow;

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
        assertEscalatedOnlyAfter(caseId, "screening", screeningDue);

        screen(caseId, level, name);
        Instant screenedAt = engineNow;
        Map<String, Object> contact = awaitTask(caseId, "MakeFirstContact");
        Instant firstContactDue = engineDate(contact.get("due"));
        assertAbout(Duration.between(screenedAt, firstContactDue), firstContact, name + ": first contact counted from the screening");
        assertEscalatedOnlyAfter(caseId, "firstContact", firstContactDue);

        complete(caseId, "MakeFirstContact", CPU, Map.of("childSeen", true, "firstContactOn", "2026-12-01"));
        Instant contactedAt = engineNow;
        if (level.equals("HIGH")) {
            // Medical care: an emergency measure that does not remove the child, so no court is asked.
            complete(caseId, "TakeEmergencyMeasure", CPU, Map.of("emergencyMeasure", "MEDICAL_CARE"));
        }
        Instant assessmentDue = engineDate(awaitTask(caseId, "VisitHomeAndAnalyseRisk").get("due"));
        assertAbout(Duration.between(screenedAt, assessmentDue), assessment, name + ": assessment counted from the screening");
        assertEscalatedOnlyAfter(caseId, "assessment", assessmentDue);

        if (level.equals("HIGH")) {
            Instant measureDue = engineDate(awaitTask(caseId, "LiftEmergencyMeasure").get("due"));
            assertAbout(Duration.between(contactedAt, measureDue), Duration.ofHours(72), name + ": the emergency measure's 72 hours");
            assertEscalatedOnlyAfter(caseId, "emergencyMeasure", measureDue);
        }
    }

    static List<Arguments> laterLevels() {
        return List.of(
                Arguments.of("high", "[\"SEXUAL_ABUSE\"]", "HIGH", Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(7)),
                Arguments.of("medium", "[\"VIOLENCE\"]", "MEDIUM", Duration.ofDays(3), Duration.ofDays(14), Duration.ofDays(14)),
                Arguments.of("low", "[\"NEGLECT\"]", "LOW", Duration.ofDays(5), Duration.ofDays(30), Duration.ofDays(30)));
    }

    /**
     * One case per level, driven on as its agencies would, the engine's clock moved from one deadline to
     * the next: the referral's acceptance (each level), the court on an emergency removal (high), the
     * plan's approval (each level), the court on a protection measure (high), the service referred to
     * given (low, where it falls before the follow-up), the follow-up review given and then late (each
     * level), the full plan review given at three months and then late (high). The deadlines that
     * apply at any level are taken once.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("laterLevels")
    void theLaterDeadlinesAreEscalatedAMinuteAfterThemAndNotAMinuteBefore(String name, String concerns, String level,
            Duration referralAcceptance, Duration planApproval, Duration followUp) throws Exception {
        boolean high = level.equals("HIGH");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        moveEngineClock(start);
        String caseId = report(concerns, false);
        screen(caseId, level, name);
        complete(caseId, "MakeFirstContact", CPU, Map.of("childSeen", true, "firstContactOn", "2026-12-01"));
        if (high) {
            // The emergency stay removes the child: the court is asked to confirm it within 48 hours.
            complete(caseId, "TakeEmergencyMeasure", CPU, Map.of("emergencyMeasure", "EMERGENCY_STAY_72H"));
        }

        // The CPU refers the family to legal aid; the social service has referralAcceptance to answer.
        sendAgencyEvent(caseId, CPU, "{\"kind\": \"ReferralRequested\", \"outcome\": \"LEGAL_AID\", \"attributes\": {\"agency\": \"social-service\"}}");
        Instant acceptanceDue = engineDate(awaitTask(caseId, "AcceptReferral").get("due"));
        assertAbout(Duration.between(start, acceptanceDue), referralAcceptance, name + ": referralAcceptance counted from the referral");
        assertEscalatedOnlyAfter(caseId, "referralAcceptance", acceptanceDue);
        complete(caseId, "AcceptReferral", "social-service.worker", Map.of("referralAccepted", true));
        Instant acceptedAt = engineNow;
        Instant serviceDue = engineDate(awaitTask(caseId, "ReportReferralDone").get("due"));
        assertAbout(Duration.between(acceptedAt, serviceDue), Duration.ofDays(30), name + ": referralDone counted from the acceptance");
        if (!level.equals("LOW")) {
            complete(caseId, "ReportReferralDone", "social-service.worker", Map.of("serviceGiven", true, "serviceGivenOn", "2026-12-10"));
        }

        if (high) {
            Instant courtDue = processDate(caseId, "emergencyCourtDecisionDue");
            assertAbout(Duration.between(start, courtDue), Duration.ofHours(48), name + ": the court's 48 hours on the emergency removal");
            assertEscalatedOnlyAfter(caseId, "emergencyCourtDecision", courtDue);
            sendAgencyEvent(caseId, COURT, "{\"kind\": \"EmergencyMeasureDecisionRecorded\", \"outcome\": \"CONFIRMED\", \"reference\": \"EM-%s\"}"
                    .formatted(caseId));
        }

        complete(caseId, "VisitHomeAndAnalyseRisk", CPU, Map.of("homeVisitDone", true, "homeVisitOn", "2026-12-01", "riskLevel", level,
                "traffickingIndicatorsAtVisit", false, "technicalGroupAgencies", "health"));
        complete(caseId, "GiveTechnicalGroupInput", "health.worker", Map.of("inputGiven", true));
        complete(caseId, "HoldTechnicalGroupMeeting", CPU, Map.of("meetingOn", "2026-12-03", "meetingAgencies", "cpu,health",
                "justiceAttended", false, "ngoAttended", false, "parentsAttended", true, "childAttended", false, "minutesReference", "GTN-1"));
        // At high risk the child cannot go home (the court decides the measure); otherwise services at home, agreed.
        complete(caseId, "DecideAssessmentOutcome", CPU, high
                ? Map.of("assessmentOutcome", "REMOVAL", "assessmentOutcomeReason", "not safe at home")
                : Map.of("assessmentOutcome", "SERVICES_AT_HOME", "parentsAgree", true, "assessmentOutcomeReason", "support at home"));
        Instant planDue = engineDate(awaitTask(caseId, "DraftProtectionPlan").get("due"));
        assertAbout(Duration.between(start, planDue), planApproval, name + ": planApproval counted from the screening");
        assertEscalatedOnlyAfter(caseId, "planApproval", planDue);
        complete(caseId, "DraftProtectionPlan", CPU, Map.of("planReference", "PIM-1"));
        complete(caseId, "ApproveProtectionPlan", "cpu.supervisor", Map.of("planApproved", true));

        if (high) {
            complete(caseId, "DecideProtectionMeasure", CPU, Map.of("protectionMeasure", "FOSTER_CARE"));
            Instant askedAt = engineNow;
            Instant courtDue = processDate(caseId, "courtDecisionDue");
            assertAbout(Duration.between(askedAt, courtDue), Duration.ofDays(14), name + ": courtDecision counted from the request");
            assertEscalatedOnlyAfter(caseId, "courtDecision", courtDue);
            sendAgencyEvent(caseId, COURT, "{\"kind\": \"CourtDecisionRecorded\", \"outcome\": \"CONFIRMED\", \"reference\": \"V-%s\"}"
                    .formatted(caseId));
        }
        complete(caseId, "StartPlacement", high ? "shelter.worker" : CPU, Map.of("placementStarted", true, "placementStartedOn", "2026-12-02"));
        Instant placedAt = engineNow;

        if (level.equals("LOW")) {
            assertEscalatedOnlyAfter(caseId, "referralDone", serviceDue);
        }

        // The follow-up: the first review is given one followUp period after the placement, and is late one more.
        assertGivenOnlyAfter(caseId, "ReviewFollowUp", placedAt.plus(followUp));
        Instant reviewDue = engineDate(awaitTask(caseId, "ReviewFollowUp").get("due"));
        assertAbout(Duration.between(placedAt.plus(followUp).plus(Duration.ofMinutes(1)), reviewDue), followUp,
                name + ": the follow-up review due one period after it was given");
        assertEscalatedOnlyAfter(caseId, "followUp", reviewDue);

        if (high) {
            // The full plan review every planReview (three months of the calendar) from the placement, then planReviewDone.
            Instant planReviewGiven = placedAt.atZone(ZoneId.systemDefault()).plusMonths(3).toInstant();
            assertGivenOnlyAfter(caseId, "ReviewProtectionPlan", planReviewGiven);
            Instant planReviewDue = engineDate(awaitTask(caseId, "ReviewProtectionPlan").get("due"));
            assertAbout(Duration.between(planReviewGiven.plus(Duration.ofMinutes(1)), planReviewDue), Duration.ofDays(14),
                    name + ": planReviewDone counted from when the review was given");
            assertEscalatedOnlyAfter(caseId, "planReviewDone", planReviewDue);
        }
    }

    /**
     * A minute before the deadline nothing shows anywhere; a minute after, the case file (case-service)
     * has the missed deadline and the supervisors' escalation task, and supervisors were notified
     * (notification-service), each once, and still once a while later.
     */
    private static void assertEscalatedOnlyAfter(String caseId, String deadline, Instant due) throws Exception {
        moveEngineClock(due.minus(Duration.ofMinutes(1)));
        nothingHappensForAWhile();
        assertThat(missed(caseId, deadline)).as(deadline + " a minute before: missed in the case file").isEmpty();
        assertThat(escalations(caseId, deadline)).as(deadline + " a minute before: escalation tasks").isZero();
        assertThat(supervisorsNotified(caseId, due)).as(deadline + " a minute before: supervisors notified").isZero();

        moveEngineClock(due.plus(Duration.ofMinutes(1)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> missed = missed(caseId, deadline);
            assertThat(missed).as(deadline + " a minute after: missed in the case file").hasSize(1);
            assertThat(Instant.parse((String) missed.get(0).get("dueAt"))).isEqualTo(due);
            assertThat(escalations(caseId, deadline)).as(deadline + " a minute after: escalation tasks").isEqualTo(1);
            assertThat(supervisorsNotified(caseId, due)).as(deadline + " a minute after: supervisors notified").isEqualTo(1);
        });
        // And still once a while later: the timer fired once, nothing came twice.
        nothingHappensForAWhile();
        assertThat(missed(caseId, deadline)).as(deadline + " later: missed in the case file").hasSize(1);
        assertThat(escalations(caseId, deadline)).as(deadline + " later: escalation tasks").isEqualTo(1);
        assertThat(supervisorsNotified(caseId, due)).as(deadline + " later: supervisors notified").isEqualTo(1);
    }

    /** A task a timer gives (a review that is due, not an escalation): none a minute before, one a minute after, and still one. */
    private static void assertGivenOnlyAfter(String caseId, String taskKey, Instant due) throws Exception {
        moveEngineClock(due.minus(Duration.ofMinutes(1)));
        nothingHappensForAWhile();
        assertThat(tasks(caseId, taskKey)).as(taskKey + " a minute before").isEmpty();
        moveEngineClock(due.plus(Duration.ofMinutes(1)));
        awaitTask(caseId, taskKey);
        nothingHappensForAWhile();
        assertThat(tasks(caseId, taskKey)).as(taskKey + " later").hasSize(1);
    }

    private static void nothingHappensForAWhile() {
        await().pollDelay(NOTHING_HAPPENS_WITHIN).atMost(NOTHING_HAPPENS_WITHIN.plusSeconds(5)).until(() -> true);
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

    /** The supervisors' notifications of the deadline due then missed on the case. */
    private static long supervisorsNotified(String caseId, Instant due) throws Exception {
        return getList(stack.url(ServiceName.NOTIFICATION) + "/api/notifications?agency=supervisors&limit=1000").stream()
                .filter(n -> caseId.equals(n.get("caseId")) && "DeadlineMissed".equals(n.get("eventType"))
                        && n.get("dueAt") != null && Instant.parse((String) n.get("dueAt")).equals(due))
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

    /** Screens the report as a protection case at that level, the one the decision table suggests for it. */
    private static void screen(String caseId, String level, String name) throws Exception {
        complete(caseId, "ScreenReport", CPU, Map.of("isProtectionCase", true, "riskLevel", level, "policeEscortNeeded", false,
                "traffickingIndicators", false, "screeningReason", "Deadline test at " + name + "."));
    }

    private static List<Map<String, Object>> tasks(String caseId, String taskKey) throws Exception {
        return getList(workflow("/engine-rest/task?processInstanceBusinessKey=" + caseId + "&taskDefinitionKey=" + taskKey));
    }

    private static Map<String, Object> awaitTask(String caseId, String taskKey) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> tasks(caseId, taskKey), list -> list.size() == 1).get(0);
    }

    /** Completes the task as that user, a caseworker (or supervisor) of the agency it belongs to. */
    private static void complete(String caseId, String taskKey, String user, Map<String, Object> variables) throws Exception {
        Map<String, Object> task = awaitTask(caseId, taskKey);
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        HttpResponse<String> response = HTTP.send(request(workflow("/engine-rest/task/" + task.get("id") + "/complete"), user)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("variables", typed)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(user + " completing " + taskKey + ": " + response.body()).isEqualTo(204);
    }

    /** An agency event (a referral, the court's decision) sent to case-service as that agency's user or service. */
    private static void sendAgencyEvent(String caseId, String sender, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(request(stack.url(ServiceName.CASE) + "/api/cases/" + caseId + "/agency-events", sender)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(sender + " sending " + json + ": " + response.body()).isEqualTo(202);
    }

    /** A date the procedure keeps in a variable of the case's emergency-response process, once it is there. */
    private static Instant processDate(String caseId, String variable) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            List<Map<String, Object>> instances = getList(workflow("/engine-rest/process-instance?businessKey=" + caseId
                    + "&processDefinitionKey=emergency-response"));
            return engineDate(getMap(workflow("/engine-rest/process-instance/" + instances.get(0).get("id") + "/variables/" + variable))
                    .get("value"));
        }, java.util.Objects::nonNull);
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
        engineNow = to;
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

    private static final String CPU = "cpu.worker";
    private static final String COURT = "court.service";

    private static String workflow(String path) {
        return stack.url(ServiceName.WORKFLOW) + path;
    }
}
