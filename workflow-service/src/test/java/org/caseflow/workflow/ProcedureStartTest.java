package org.caseflow.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.CaseReported;
import org.caseflow.events.Concern;
import org.caseflow.events.Envelope;
import org.caseflow.events.ReportSource;
import org.caseflow.events.ReportedChild;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaProbe;
import org.caseflow.infra.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcedureStartTest extends WorkflowIntegrationTest {

    private static final KafkaProbe kafka = new KafkaProbe(TestInfrastructure.shared().kafka());

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void startsOneProcedurePerCaseHoweverOftenTheReportIsDelivered() throws Exception {
        String caseId = UUID.randomUUID().toString();
        CaseReported reported = caseReported(caseId);

        kafkaAs(org.caseflow.infra.KafkaPrincipals.CASE_SERVICE).send(Topics.CASE_EVENTS, caseId, reported).get();
        kafkaAs(org.caseflow.infra.KafkaPrincipals.CASE_SERVICE).send(Topics.CASE_EVENTS, caseId, reported).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> kafka.hasConsumedAll("workflow-service", Topics.CASE_EVENTS));
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list();
        assertThat(instances).hasSize(1);
        assertThat(runtime.getVariable(instances.get(0).getId(), "traffickingSuspected")).isEqualTo(true);
        assertThat(runtime.getVariable(instances.get(0).getId(), "youngestChildAge")).isEqualTo(14);
        Task screening = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        assertThat(screening.getTaskDefinitionKey()).isEqualTo("ScreenReport");
        assertThat(tasks.getIdentityLinksForTask(screening.getId())).extracting(IdentityLink::getGroupId)
                .containsExactlyInAnyOrder("cpu", "emergency-centre");
    }

    @Test
    void publishesEachTaskCreatedAndCompleted() throws Exception {
        String caseId = UUID.randomUUID().toString();
        kafkaAs(org.caseflow.infra.KafkaPrincipals.CASE_SERVICE).send(Topics.CASE_EVENTS, caseId, caseReported(caseId)).get();
        Task screening = await().atMost(Duration.ofSeconds(30))
                .until(() -> tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult(), t -> t != null);

        tasks.complete(screening.getId(), Map.of("isProtectionCase", false, "riskLevel", "LOW",
                "riskOverrideReason", "nothing found on the visit", "screeningReason", "no risk"));

        List<Object> events = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream()
                        .map(r -> (Object) CaseEvents.decode(r.value())).toList(), e -> e.size() >= 2);
        assertThat(events.get(0)).isInstanceOfSatisfying(TaskCreated.class, created -> {
            assertThat(created.getTaskId()).isEqualTo(screening.getId());
            assertThat(created.getCandidateGroups()).containsExactly("cpu", "emergency-centre");
            assertThat(created.getEnvelope().getCorrelationId()).isEqualTo("report-" + caseId);
        });
        assertThat(events.get(1)).isInstanceOfSatisfying(TaskCompleted.class,
                completed -> assertThat(completed.getTaskKey()).isEqualTo("ScreenReport"));
    }

    static CaseReported caseReported(String caseId) {
        return CaseReported.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId)
                        .setEventType("CaseReported").setOccurredAt(Instant.now()).setProducer("case-service")
                        .setCorrelationId("report-" + caseId).build())
                .setSource(ReportSource.POLICE)
                .setConcerns(List.of(Concern.TRAFFICKING_SUSPECTED))
                .setImmediateDanger(true)
                .setChildren(List.of(ReportedChild.newBuilder().setAgeYears(14).build(), ReportedChild.newBuilder().build()))
                .setMunicipality("Durrës")
                .build();
    }
}
