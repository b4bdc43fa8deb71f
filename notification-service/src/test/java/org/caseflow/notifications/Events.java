package org.caseflow.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.caseflow.events.CaseReported;
import org.caseflow.events.CaseScreened;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.Concern;
import org.caseflow.events.DeadlineMissed;
import org.caseflow.events.Envelope;
import org.caseflow.events.NotificationRequested;
import org.caseflow.events.ReportSource;
import org.caseflow.events.ReportedChild;
import org.caseflow.events.RiskLevel;
import org.caseflow.events.TaskCreated;

/** Case events as the other services publish them. */
final class Events {

    private Events() {
    }

    static Envelope envelope(String type, String caseId) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setCaseId(caseId).setEventType(type)
                .setOccurredAt(Instant.now()).setProducer("workflow-service").setCorrelationId("test").build();
    }

    static TaskCreated taskCreated(String caseId, String taskKey, String taskName, List<String> groups, Instant dueAt) {
        return TaskCreated.newBuilder().setEnvelope(envelope("TaskCreated", caseId))
                .setTaskId("t-" + UUID.randomUUID()).setTaskKey(taskKey).setTaskName(taskName)
                .setCandidateGroups(groups).setDueAt(dueAt).setProcessDefinitionId("emergency-response:1:x")
                .build();
    }

    static CaseStepRecorded step(String caseId, String name, String riskLevel, String outcome) {
        return CaseStepRecorded.newBuilder().setEnvelope(envelope("CaseStepRecorded", caseId))
                .setName(name).setRiskLevel(riskLevel).setOutcome(outcome).build();
    }

    static CaseScreened screened(String caseId, RiskLevel riskLevel) {
        return CaseScreened.newBuilder().setEnvelope(envelope("CaseScreened", caseId)).setProtectionCase(true).setRiskLevel(riskLevel).build();
    }

    static DeadlineMissed deadlineMissed(String caseId, String deadline, Instant dueAt) {
        return DeadlineMissed.newBuilder().setEnvelope(envelope("DeadlineMissed", caseId))
                .setDeadline(deadline).setTaskKey("MakeFirstContact").setTaskName("Make first contact with the child")
                .setDueAt(dueAt).setRiskLevel("HIGH").setEscalatedTo(List.of("supervisors"))
                .build();
    }

    static NotificationRequested request(String caseId, List<String> agencies, String template, boolean urgent,
                                         Instant dueAt, Map<String, String> parameters) {
        return NotificationRequested.newBuilder().setEnvelope(envelope("NotificationRequested", caseId))
                .setAgencies(agencies).setTemplate(template).setUrgent(urgent).setDueAt(dueAt).setParameters(parameters)
                .build();
    }

    static NotificationRequested request(String caseId, String agency) {
        return request(caseId, List.of(agency), "trafficking-case-opened", false, null, Map.of());
    }

    static CaseReported caseReported(String caseId, List<Concern> concerns, boolean immediateDanger) {
        return CaseReported.newBuilder().setEnvelope(envelope("CaseReported", caseId))
                .setSource(ReportSource.SCHOOL).setConcerns(concerns).setImmediateDanger(immediateDanger)
                .setChildren(List.of(ReportedChild.newBuilder().setAgeYears(9).build())).setMunicipality("Durrës")
                .build();
    }
}
