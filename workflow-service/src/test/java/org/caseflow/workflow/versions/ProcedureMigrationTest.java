package org.caseflow.workflow.versions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.CaseScreened;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.Topics;
import org.caseflow.infra.KafkaProbe;
import org.caseflow.infra.TestInfrastructure;
import org.caseflow.workflow.WorkflowIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running cases of the previous version of emergency-response (kept in test resources under another
 * key), one waiting at each of its user tasks, migrated to the current version: each goes on at the same
 * task with the current forms, or, where the current version has no such task, stays and is named.
 */
class ProcedureMigrationTest extends WorkflowIntegrationTest {

    private static final String PREVIOUS = "emergency-response-previous";
    /** The previous version's escalation tasks: the current one has them in the process missed-deadline. */
    private static final List<String> GONE = List.of("HandleFirstContactMissed", "HandleAssessmentMissed", "HandlePlanApprovalMissed",
            "HandleFollowUpReviewMissed");

    private static final KafkaProbe kafka = new KafkaProbe(TestInfrastructure.shared().kafka());

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ProcedureMigration migration;
    @Autowired org.camunda.bpm.engine.HistoryService history;

    @Test
    void everyCaseWaitingAtATaskOfThePreviousVersionGoesOnInTheCurrentOneOrIsNamed() throws Exception {
        deployPrevious();
        ProcessDefinition previous = repository.createProcessDefinitionQuery().processDefinitionKey(PREVIOUS).latestVersion().singleResult();
        ProcessDefinition current = repository.createProcessDefinitionQuery().processDefinitionKey("emergency-response").latestVersion()
                .singleResult();
        List<UserTask> model = List.copyOf(repository.getBpmnModelInstance(previous.getId()).getModelElementsByType(UserTask.class));
        List<String> userTasks = model.stream().map(UserTask::getId).toList();
        assertThat(userTasks).hasSize(17);

        Map<String, String> caseAt = new HashMap<>();
        for (UserTask task : model) {
            String caseId = UUID.randomUUID().toString();
            // A task for each agency (the technical group's input) starts with its multi-instance body.
            String start = task.getLoopCharacteristics() == null ? task.getId() : task.getId() + "#multiInstanceBody";
            runtime.createProcessInstanceById(previous.getId()).businessKey(caseId).setVariables(facts(caseId))
                    .startBeforeActivity(start).execute();
            caseAt.put(task.getId(), caseId);
        }

        ProcedureMigration.Result result = migration.migrate(previous, current);

        // Other tests may leave cases of the previous version running: only this test's cases are counted.
        assertThat(result.heldBack().keySet().stream().filter(caseAt::containsValue).toList())
                .as("the cases at a task the current version lacks stay, named with it").hasSize(GONE.size());
        for (String task : GONE) {
            assertThat(result.heldBack()).containsEntry(caseAt.get(task), List.of(task));
        }
        assertThat(result.migrated()).isGreaterThanOrEqualTo(userTasks.size() - GONE.size());
        for (String task : userTasks) {
            if (GONE.contains(task)) {
                continue;
            }
            String caseId = caseAt.get(task);
            ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                    .processDefinitionId(current.getId()).singleResult();
            assertThat(instance).as(task + " migrated").isNotNull();
            Task open = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(task).singleResult();
            assertThat(open).as(task + " still open after the migration").isNotNull();

            tasks.complete(open.getId(), ANSWERS.get(task));
            assertThat(tasks.createTaskQuery().taskId(open.getId()).count()).as(task + " done on the current version").isZero();
        }
        // The screening's deadline, which the previous version did not have: from the report, at the suggested level.
        String screened = caseAt.get("ScreenReport");
        Date started = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(screened).singleResult().getStartTime();
        assertThat(history.createHistoricVariableInstanceQuery().variableName("screeningDue")
                .processInstanceIdIn(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(screened).singleResult().getId())
                .singleResult().getValue()).isEqualTo(Date.from(started.toInstant().plus(java.time.Duration.ofHours(24))));
        // A case still at an old escalation task is where it was, and can finish there.
        String escalated = caseAt.get("HandleFirstContactMissed");
        Task handle = tasks.createTaskQuery().processInstanceBusinessKey(escalated).taskDefinitionKey("HandleFirstContactMissed").singleResult();
        assertThat(repository.getProcessDefinition(runtime.createProcessInstanceQuery().processInstanceBusinessKey(escalated)
                .singleResult().getProcessDefinitionId()).getKey()).isEqualTo(PREVIOUS);
        tasks.complete(handle.getId(), Map.of("escalationAction", "called the CPU"));
    }

    /**
     * A case held back on the previous version still names its changes as steps (publishCaseEvent with
     * CaseScreened, CaseClosed); they go out as the typed changes, which case-service and
     * notification-service read, and never as named steps.
     */
    @Test
    void aCaseOnThePreviousVersionPublishesItsChangesTyped() throws Exception {
        deployPrevious();
        ProcessDefinition previous = repository.createProcessDefinitionQuery().processDefinitionKey(PREVIOUS).latestVersion().singleResult();
        String caseId = UUID.randomUUID().toString();
        Map<String, Object> variables = facts(caseId);
        variables.put("isProtectionCase", false);
        runtime.createProcessInstanceById(previous.getId()).businessKey(caseId).setVariables(variables)
                .startBeforeActivity("PublishCaseScreened").execute();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<SpecificRecord> events = kafka.readAll(Topics.WORKFLOW_EVENTS, caseId).stream().map(r -> CaseEvents.decode(r.value())).toList();
            assertThat(events).filteredOn(CaseScreened.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((CaseScreened) e).getProtectionCase()).isFalse());
            assertThat(events).filteredOn(CaseClosed.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((CaseClosed) e).getReason()).isEqualTo("NOT_A_PROTECTION_CASE"));
            assertThat(events).filteredOn(CaseStepRecorded.class::isInstance).as("named steps").isEmpty();
        });
    }

    private void deployPrevious() throws java.io.IOException {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PREVIOUS).count() == 0) {
            repository.createDeployment().name(PREVIOUS).addString(PREVIOUS + ".bpmn",
                    Files.readString(Path.of("src/test/resources/migration/" + PREVIOUS + ".bpmn"))).deploy();
        }
    }

    /** What each task's current form asks, answered. */
    private static final Map<String, Map<String, Object>> ANSWERS = Map.ofEntries(
            Map.entry("ScreenReport", Map.of("isProtectionCase", true, "riskLevel", "MEDIUM", "policeEscortNeeded", false, "traffickingIndicators", false,
                    "screeningReason", "screened after the migration")),
            Map.entry("MakeFirstContact", Map.of("childSeen", true, "firstContactOn", "2026-12-02")),
            Map.entry("EscortByPolice", Map.of("escortDone", true)),
            Map.entry("TakeEmergencyMeasure", Map.of("emergencyMeasure", "MEDICAL_CARE")),
            Map.entry("VisitHomeAndAnalyseRisk", Map.of("homeVisitDone", true, "homeVisitOn", "2026-12-02", "riskLevel", "MEDIUM",
                    "traffickingIndicatorsAtVisit", false, "technicalGroupAgencies", "health")),
            Map.entry("GiveTechnicalGroupInput", Map.of("inputGiven", true)),
            Map.entry("DraftProtectionPlan", Map.of("planReference", "PIM-9")),
            Map.entry("ApproveProtectionPlan", Map.of("planApproved", true)),
            Map.entry("DecideProtectionMeasure", Map.of("protectionMeasure", "HOME_SUPERVISION")),
            Map.entry("StartPlacement", Map.of("placementStarted", true, "placementStartedOn", "2026-12-02")),
            Map.entry("ReviewFollowUp", Map.of("riskLevel", "MEDIUM", "requestClosure", false)),
            Map.entry("ApproveClosure", Map.of("closureApproved", false, "closureComment", "one more visit")),
            Map.entry("ReviewProtectionPlan", Map.of("planStillAdequate", true)));

    /** What a case of the previous version holds by the time it waits at any of its tasks. */
    private static Map<String, Object> facts(String caseId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", caseId);
        variables.put("correlationId", "migration-" + caseId);
        variables.put("reportSource", "SCHOOL");
        variables.put("immediateDanger", false);
        variables.put("concerns", "NEGLECT");
        variables.put("traffickingSuspected", false);
        variables.put("unaccompanied", false);
        variables.put("childCount", 1);
        variables.put("youngestChildAge", 9);
        variables.put("suggestedRiskLevel", "MEDIUM");
        variables.put("riskLevel", "MEDIUM");
        variables.put("isProtectionCase", true);
        variables.put("childSeen", true);
        variables.put("policeEscortNeeded", true);
        Date inAWeek = new Date(System.currentTimeMillis() + 7L * 24 * 3600 * 1000);
        for (String deadline : List.of("firstContact", "assessment", "planApproval", "followUp", "planReview")) {
            variables.put(deadline + "Due", inAWeek);
        }
        variables.put("followUpPeriod", "P14D");
        variables.put("planReviewPeriod", "P3M");
        variables.put("technicalGroupAgencies", "health");
        variables.put("protectionMeasure", "FOSTER_CARE");
        variables.put("deadline", "firstContact");
        return variables;
    }
}
