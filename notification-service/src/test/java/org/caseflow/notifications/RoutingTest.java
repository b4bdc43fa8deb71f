package org.caseflow.notifications;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.Concern;
import org.caseflow.events.RiskLevel;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** Which event notifies which agency is data: the seeded Durrës routes, and routes changed over REST. */
class RoutingTest extends NotificationServiceTest {

    @Test
    void aMissedDeadlineIsEscalatedToTheSupervisorsAsUrgent() throws Exception {
        String caseId = caseId();
        publish(Events.deadlineMissed(caseId, "firstContact", Instant.parse("2030-01-15T08:30:00Z")));

        Map<String, Object> notification = notificationOf("supervisors", caseId);
        assertThat(notification).containsEntry("urgent", true).containsEntry("event", "DeadlineMissed");
        assertThat((String) notification.get("title")).startsWith("URGJENT: Afat i kaluar për kontaktin e parë");
        assertThat((String) notification.get("message")).contains("Afati ishte: 15.01.2030 ora 09:30");
    }

    @Test
    void aHighRiskScreeningIsUrgentForTheCpuAndTheEmergencyCentreAndALowOneTellsNoOne() throws Exception {
        String earlier = caseId();
        publish(Events.step(earlier, "CaseScreened", "HIGH", "PROTECTION_CASE"));
        assertThat(notificationOf("cpu", earlier)).as("a step an earlier procedure named like the change routes as the change")
                .containsEntry("urgent", true);
        String high = caseId();
        String low = caseId();
        // the low one as an earlier workflow-service published it, a step named like the change
        publish(Events.screened(high, RiskLevel.HIGH), Events.step(low, "CaseScreened", "LOW", "PROTECTION_CASE"));

        for (String agency : List.of("cpu", "emergency-centre")) {
            Map<String, Object> notification = notificationOf(agency, high);
            assertThat(notification).containsEntry("urgent", true);
            assertThat((String) notification.get("title")).isEqualTo("URGJENT: Rast me nivel rreziku të lartë (rasti " + high + ")");
            assertThat(notificationsOf(agency, low)).isEmpty();
        }
    }

    @Test
    void suspectedTraffickingTellsKratAndThePoliceAndImmediateDangerTheEmergencyCentre() throws Exception {
        String trafficking = caseId();
        String danger = caseId();
        publish(Events.caseReported(trafficking, List.of(Concern.TRAFFICKING_SUSPECTED, Concern.BEGGING), false),
                Events.caseReported(danger, List.of(Concern.UNACCOMPANIED), true));

        assertThat((String) notificationOf("krat", trafficking).get("message")).contains("Mekanizmit Kombëtar të Referimit");
        assertThat(notificationOf("police", trafficking)).containsEntry("urgent", false);
        assertThat(notificationsOf("emergency-centre", trafficking)).isEmpty();
        assertThat(notificationOf("emergency-centre", danger)).containsEntry("urgent", true);
        assertThat(notificationsOf("krat", danger)).isEmpty();
        assertThat(notificationsOf("cpu", danger)).as("the CPU hears of the report by its screening task").isEmpty();
    }

    @Test
    void aRequestOfTheProcedureNamesItsAgenciesTextUrgencyAndDeadline() throws Exception {
        String caseId = caseId();
        publish(Events.request(caseId, List.of("krat", "social-service"), "trafficking-case-opened", true,
                Instant.parse("2030-02-01T12:00:00Z"), Map.of("source", "JointInterview")));

        for (String agency : List.of("krat", "social-service")) {
            Map<String, Object> notification = notificationOf(agency, caseId);
            assertThat(notification).containsEntry("urgent", true).containsEntry("dueAt", "2030-02-01T12:00:00Z")
                    .containsEntry("event", "NotificationRequested");
            assertThat((String) notification.get("title")).isEqualTo("URGJENT: Rast me tregues trafikimi (rasti " + caseId + ")");
            assertThat((String) notification.get("message")).contains("Afati: 01.02.2030 ora 13:00");
        }
    }

    @Test
    void aRequestForATemplateThatDoesNotExistStillArrivesWithTheGenericText() throws Exception {
        String caseId = caseId();
        publish(Events.request(caseId, List.of("health"), "no-such-template", false, null, Map.of()));

        assertThat((String) notificationOf("health", caseId).get("title")).isEqualTo("Njoftim për rastin " + caseId);
    }

    @Test
    void aCourtDecisionTellsTheCpu() throws Exception {
        String caseId = caseId();
        publish(AgencyEventReceived.newBuilder().setEnvelope(Events.envelope("AgencyEventReceived", caseId))
                .setKind("CourtDecisionRecorded").setAgency("court-durres").setOutcome("CONFIRMED").build());

        assertThat((String) notificationOf("cpu", caseId).get("message"))
                .contains("Vendim i gjykatës", "(court-durres)", "Rezultati: konfirmuar");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSeededRoutesCanBeRead() {
        List<Map<String, Object>> tasks = http.getForObject("/api/routes?event=TaskCreated", List.class);
        assertThat(tasks).anySatisfy(route -> assertThat(route).containsEntry("agencies", List.of("@candidateGroups"))
                .containsEntry("urgency", "NORMAL").containsEntry("template", "task-created"));
        List<Map<String, Object>> all = http.getForObject("/api/routes", List.class);
        assertThat(all).extracting(r -> r.get("event")).contains("DeadlineMissed", "CaseScreened", "CaseReported",
                "NotificationRequested");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRouteChangedOverRestAppliesToTheNextEvent() throws Exception {
        String step = "PilotStep" + agencyId("x").substring(2).replace("-", "");
        String first = caseId();
        String second = caseId();
        String third = caseId();

        // given a new route: the step tells education
        Map<String, Object> route = new HashMap<>(Map.of("event", step, "agencies", List.of("education"),
                "urgency", "NORMAL", "template", "case-step", "description", "pilot"));
        ResponseEntity<Map> created = http.postForEntity("/api/routes", route, Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        Object id = created.getBody().get("id");
        assertThat(created.getHeaders().getLocation()).hasToString("/api/routes/" + id);
        publish(Events.step(first, step, "MEDIUM", null));
        assertThat(notificationOf("education", first)).containsEntry("urgent", false);

        // when it is changed to tell health, urgently, only at high risk
        route.putAll(Map.of("agencies", List.of("health"), "urgency", "URGENT", "when", Map.of("riskLevel", "HIGH")));
        assertThat(put("/api/routes/" + id, route).getStatusCode().value()).isEqualTo(200);
        assertThat(http.getForObject("/api/routes/" + id, Map.class)).containsEntry("agencies", List.of("health"))
                .containsEntry("when", Map.of("riskLevel", "HIGH"));
        publish(Events.step(second, step, "HIGH", null), Events.step(third, step, "LOW", null));

        // then
        assertThat(notificationOf("health", second)).containsEntry("urgent", true);
        assertThat(notificationsOf("education", second)).isEmpty();
        assertThat(notificationsOf("health", third)).isEmpty();

        // and once deleted, the step tells no one
        http.delete("/api/routes/" + id);
        assertThat(http.getForEntity("/api/routes/" + id, Map.class).getStatusCode().value()).isEqualTo(404);
        String fourth = caseId();
        publish(Events.step(fourth, step, "HIGH", null));
        assertThat(notificationsOf("health", fourth)).isEmpty();
    }

    @Test
    void refusesARouteToAnAgencyOrTemplateThatDoesNotExist() {
        ResponseEntity<Map> unknownAgency = http.postForEntity("/api/routes", Map.of("event", "CaseClosed",
                "agencies", List.of("cpu", "nowhere"), "urgency", "NORMAL", "template", "case-step"), Map.class);
        assertThat(unknownAgency.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownAgency.getBody().get("errors")).isEqualTo(List.of(Map.of("field", "agencies[1]",
                "message", "no agency nowhere in the directory")));

        ResponseEntity<Map> unknownTemplate = http.postForEntity("/api/routes", Map.of("event", "CaseClosed",
                "agencies", List.of("@candidateGroups"), "urgency", "NORMAL", "template", "no-such-text"), Map.class);
        assertThat(unknownTemplate.getStatusCode().value()).isEqualTo(400);
        assertThat(unknownTemplate.getBody().toString()).contains("field=template");

        ResponseEntity<Map> unknownFact = http.postForEntity("/api/routes", Map.of("event", "CaseClosed",
                "agencies", List.of("@children"), "urgency", "NORMAL", "template", "case-step"), Map.class);
        assertThat(unknownFact.getBody().toString()).contains("field=agencies[0]", "unknown event fact @children");

        ResponseEntity<Map> badShape = http.postForEntity("/api/routes", Map.of("event", "case closed",
                "agencies", List.of(), "urgency", "SOON", "template", "case-step"), Map.class);
        assertThat(badShape.getStatusCode().value()).isEqualTo(400);
        assertThat(badShape.getBody().toString()).contains("urgency");

        ResponseEntity<Map> badFields = http.postForEntity("/api/routes", Map.of("event", "case closed",
                "agencies", List.of(), "template", "case-step"), Map.class);
        assertThat(badFields.getBody().toString()).contains("field=event", "field=agencies", "field=urgency");

        assertThat(put("/api/routes/999999", Map.of("event", "CaseClosed", "agencies", List.of("cpu"), "urgency", "NORMAL",
                "template", "case-step")).getStatusCode().value()).isEqualTo(404);
    }
}
