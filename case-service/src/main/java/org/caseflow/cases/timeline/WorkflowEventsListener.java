package org.caseflow.cases.timeline;

import org.apache.avro.specific.SpecificRecord;
import java.util.List;

import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Decision;
import org.caseflow.cases.casefile.MissedDeadline;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.DeadlineMissed;
import org.caseflow.events.TaskCancelled;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.caseflow.identity.IdentityProperties;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One handler per workflow event type that needs its own words; any other goes in under its type name. */
@Component
@KafkaListener(id = "case-service.workflow-events", topics = {Topics.WORKFLOW_EVENTS, Topics.WORKFLOW_EVENTS + Topics.REPLAY_INFIX + "case-service"},
        groupId = "case-service")
class WorkflowEventsListener {

    /** The step names that change the case itself; every other step only adds to the timeline. */
    static final String CASE_SCREENED = "CaseScreened";
    /** The steps that set the case's risk level: the screening and each reassessment (home visit, reviews). */
    static final java.util.Set<String> RISK_STEPS = java.util.Set.of(CASE_SCREENED, "RiskReassessed", "FollowUpDone");
    static final String CASE_CLOSED = "CaseClosed";

    private final CaseTimeline timeline;
    private final IdentityProperties identities;

    WorkflowEventsListener(CaseTimeline timeline, IdentityProperties identities) {
        this.timeline = timeline;
        this.identities = identities;
    }

    /** The task's agencies take part in the case from now on; supervisors see every case anyway. */
    @KafkaHandler
    void on(TaskCreated event) {
        timeline.record(event, "TaskCreated", "Task '" + event.getTaskName() + "' for " + String.join(", ", event.getCandidateGroups()),
                Case::procedureStarted, event.getCandidateGroups().stream()
                        .filter(group -> !identities.roleGroups().contains(group)).toList(),
                (cases, caseId, envelope) -> cases.addTask(caseId, new CaseTask(event.getTaskId(), event.getTaskKey(),
                        event.getTaskName(), event.getCandidateGroups(), event.getDueAt(), envelope.getOccurredAt(), null, null,
                        false)));
    }

    @KafkaHandler
    void on(TaskCompleted event) {
        timeline.record(event, "TaskCompleted", "Task '" + event.getTaskName() + "' completed", Case::procedureStarted, List.of(),
                (cases, caseId, envelope) -> cases.completeTask(event.getTaskId(), envelope.getOccurredAt(), event.getCompletedBy()));
    }

    @KafkaHandler
    void on(TaskCancelled event) {
        timeline.record(event, "TaskCancelled", "Task '" + event.getTaskName() + "' ended without being completed",
                caze -> { }, List.of(), (cases, caseId, envelope) -> cases.cancelTask(event.getTaskId(), envelope.getOccurredAt()));
    }

    @KafkaHandler
    void on(CaseStepRecorded event) {
        String summary = event.getName()
                + (event.getOutcome() == null ? "" : ": " + event.getOutcome())
                + (event.getRiskLevel() == null ? "" : " (risk " + event.getRiskLevel() + ")");
        timeline.record(event, event.getName(), summary, caze -> {
            if (RISK_STEPS.contains(event.getName()) && event.getRiskLevel() != null) {
                caze.screened(event.getRiskLevel());
            } else if (CASE_CLOSED.equals(event.getName())) {
                caze.closed();
            } else {
                caze.procedureStarted();
            }
        }, List.of(), (cases, caseId, envelope) -> {
            if (event.getOutcome() != null) {
                cases.addDecision(caseId, envelope.getEventId(), new Decision(event.getName(), event.getOutcome(),
                        event.getRiskLevel(), envelope.getProducer(), envelope.getOccurredAt()));
            }
            if (CASE_CLOSED.equals(event.getName())) {
                // A closed case has nothing left to do, whatever became of events about its last tasks.
                cases.cancelOpenTasks(caseId, envelope.getOccurredAt());
            }
        });
    }

    @KafkaHandler
    void on(DeadlineMissed event) {
        timeline.record(event, "DeadlineMissed", "Deadline " + event.getDeadline() + " missed"
                + (event.getTaskName() == null ? "" : " on '" + event.getTaskName() + "'")
                + ", escalated to " + String.join(", ", event.getEscalatedTo()), caze -> { }, List.of(),
                (cases, caseId, envelope) -> cases.addMissedDeadline(caseId, envelope.getEventId(), new MissedDeadline(
                        event.getDeadline(), event.getTaskKey(), event.getTaskName(), event.getDueAt(), envelope.getOccurredAt(),
                        event.getEscalatedTo())));
    }

    @KafkaHandler(isDefault = true)
    void onOther(SpecificRecord event) {
        timeline.record(event, event.getSchema().getName(), event.getSchema().getName(), caze -> { });
    }
}
