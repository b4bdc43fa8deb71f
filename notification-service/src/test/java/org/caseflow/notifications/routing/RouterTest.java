package org.caseflow.notifications.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseScreened;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.RiskLevel;
import org.caseflow.events.Envelope;
import org.caseflow.events.NotificationRequested;
import org.caseflow.events.TaskCreated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RouterTest {

    private static final Route TASKS = new Route(1L, "TaskCreated", Map.of(), List.of("@candidateGroups"), Urgency.NORMAL,
            "task-created", null);
    private static final Route SCREENED_HIGH = new Route(2L, "CaseScreened", Map.of("riskLevel", "HIGH"),
            List.of("cpu", "emergency-centre"), Urgency.URGENT, "case-screened-high-risk", null);
    private static final Route SCREENED_ANY = new Route(3L, "CaseScreened", Map.of(), List.of("cpu"), Urgency.NORMAL,
            "case-step", null);
    private static final Route REQUESTS = new Route(4L, "NotificationRequested", Map.of(), List.of("@agencies"),
            Urgency.NORMAL, "@template", null);

    @Test
    void aTaskGoesToItsCandidateGroups() {
        List<Recipient> recipients = Router.route(List.of(TASKS, SCREENED_HIGH), RoutableEvent.of(task(List.of("police", "social-service"))));
        assertThat(recipients).containsExactly(new Recipient("police", false, "task-created"),
                new Recipient("social-service", false, "task-created"));
    }

    @Test
    void candidateGroupsGivenAsOneListStringCountAsTheirParts() {
        List<Recipient> recipients = Router.route(List.of(TASKS), RoutableEvent.of(task(List.of("cpu,emergency-centre", "<b>"))));
        assertThat(recipients).extracting(Recipient::agency).containsExactly("cpu", "emergency-centre");
    }

    @Test
    void conditionsMustAllHoldAndTheMostSpecificRouteGivesTheText() {
        List<Route> routes = List.of(SCREENED_ANY, SCREENED_HIGH);
        assertThat(Router.route(routes, RoutableEvent.ofChange(screened(RiskLevel.HIGH))))
                .containsExactly(new Recipient("cpu", true, "case-screened-high-risk"),
                        new Recipient("emergency-centre", true, "case-screened-high-risk"));
        assertThat(Router.route(routes, RoutableEvent.ofChange(screened(RiskLevel.MEDIUM))))
                .containsExactly(new Recipient("cpu", false, "case-step"));
        assertThat(Router.route(routes, RoutableEvent.of(step("PlacementStarted", "HIGH")))).isEmpty();
    }

    @Test
    void aChangeIsRoutedByItsNameWithItsFieldsAndItsDecisionAsFacts() {
        RoutableEvent closed = RoutableEvent.ofChange(CaseClosed.newBuilder().setEnvelope(envelope("CaseClosed")).setReason("TRANSFERRED")
                .setRiskLevel(RiskLevel.LOW).build());
        assertThat(closed.name()).isEqualTo("CaseClosed");
        assertThat(closed.fact("reason")).contains("TRANSFERRED");
        assertThat(closed.fact("outcome")).as("as routes and texts of the named step had it").contains("TRANSFERRED");
        assertThat(closed.fact("riskLevel")).contains("LOW");
        assertThat(closed.parameters()).containsEntry("reason", "TRANSFERRED");
    }

    @Test
    void aRequestNamesItsAgenciesTemplateAndUrgency() {
        NotificationRequested request = NotificationRequested.newBuilder().setEnvelope(envelope("NotificationRequested"))
                .setAgencies(List.of("krat", "police")).setTemplate("trafficking-case-opened").setUrgent(true)
                .setParameters(Map.of()).build();
        assertThat(Router.route(List.of(REQUESTS), RoutableEvent.of(request)))
                .containsExactly(new Recipient("krat", true, "trafficking-case-opened"),
                        new Recipient("police", true, "trafficking-case-opened"));
    }

    @Test
    void aStepsAttributesAreFactsButDoNotOverrideItsFields() {
        CaseStepRecorded step = CaseStepRecorded.newBuilder().setEnvelope(envelope("CaseStepRecorded")).setName("CaseScreened")
                .setRiskLevel("LOW").setAttributes(Map.of("riskLevel", "HIGH", "suggestedRiskLevel", "HIGH")).build();
        RoutableEvent event = RoutableEvent.of(step);
        assertThat(event.fact("riskLevel")).contains("LOW");
        assertThat(event.has("suggestedRiskLevel", "high")).isTrue();
        assertThat(Router.route(List.of(SCREENED_HIGH), event)).isEmpty();
    }

    private static TaskCreated task(List<String> groups) {
        return TaskCreated.newBuilder().setEnvelope(envelope("TaskCreated")).setTaskId("t1").setTaskKey("ScreenReport")
                .setTaskName("Screen the report").setCandidateGroups(groups).setProcessDefinitionId("p").build();
    }

    private static CaseScreened screened(RiskLevel level) {
        return CaseScreened.newBuilder().setEnvelope(envelope("CaseScreened")).setProtectionCase(true).setRiskLevel(level).build();
    }

    private static CaseStepRecorded step(String name, String risk) {
        return CaseStepRecorded.newBuilder().setEnvelope(envelope("CaseStepRecorded")).setName(name).setRiskLevel(risk).build();
    }

    private static Envelope envelope(String type) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(UUID.randomUUID().toString())
                .setEventType(type).setOccurredAt(Instant.now()).setProducer("test").setCorrelationId("c").build();
    }
}
