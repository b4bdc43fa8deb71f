package org.caseflow.workflow.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.Envelope;
import org.caseflow.events.Topics;
import org.caseflow.messaging.DeadLetter;
import org.caseflow.workflow.WorkflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An event that can never be delivered goes to the dead letters and in front of a supervisor. */
class UndeliverableEventTest extends WorkflowIntegrationTest {

    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DeadLetterIncidents incidents;

    @Test
    void aCourtDecisionForACaseWithoutProcedureBecomesASupervisorsReviewTask() throws Exception {
        String caseId = UUID.randomUUID().toString();

        kafkaAs(org.caseflow.infra.KafkaPrincipals.CASE_SERVICE).send(Topics.CASE_EVENTS, caseId, AgencyEventReceived.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
                        .setEventType("AgencyEventReceived").setOccurredAt(Instant.now()).setProducer("case-service")
                        .setCorrelationId("test").build())
                .setKind("CourtDecisionRecorded").setAgency("court").setOutcome("CONFIRMED").build()).get();

        Task review = await().atMost(Duration.ofSeconds(60))
                .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey("ReviewDeadLetter").singleResult(),
                        task -> task != null);
        assertThat(tasks.getIdentityLinksForTask(review.getId())).extracting(l -> l.getGroupId()).containsExactly("supervisors");
        assertThat((String) tasks.getVariable(review.getId(), "reason")).contains("No running procedure for case " + caseId);
        assertThat(tasks.getVariable(review.getId(), "eventType")).isEqualTo("AgencyEventReceived");
    }

    @Test
    void anEventGivenUpForARunningCaseIsAnIncidentOnItsProcedure() {
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId);
        variables.put("immediateDanger", false);
        variables.put("traffickingSuspected", false);
        variables.put("unaccompanied", false);
        variables.put("concerns", "NEGLECT");
        variables.put("youngestChildAge", 9);
        ProcessInstance procedure = runtime.startProcessInstanceByKey("emergency-response", caseId, variables);

        incidents.deadLettered(new DeadLetter(42, "workflow-service", Topics.CASE_EVENTS, 0, 7, caseId, "e-1",
                "AgencyEventReceived", "ClassCastException: bad variables", Instant.now(), null));

        Incident incident = runtime.createIncidentQuery().processInstanceId(procedure.getId()).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(DeadLetterIncidents.INCIDENT_TYPE);
        assertThat(incident.getIncidentMessage()).contains("dead letter 42", "bad variables");
    }
}
