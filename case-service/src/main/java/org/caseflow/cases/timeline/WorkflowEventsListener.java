package org.caseflow.cases.timeline;

import java.util.List;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;

import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseTask;
import org.caseflow.cases.casefile.Decision;
import org.caseflow.cases.casefile.MissedDeadline;
import org.caseflow.events.CaseChanges;
import org.caseflow.events.CaseClosed;
import org.caseflow.events.CaseScreened;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.DeadlineMissed;
import org.caseflow.events.RiskReassessed;
import org.caseflow.events.TaskCancelled;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.caseflow.identity.IdentityProperties;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One handler per workflow event type that needs its own words, one for every case change; any other goes in under its type name. */
@Component
@KafkaListener(id = "case-service.workflow-events", topics = {Topics.WORKFLOW_EVENTS, Topics.WORKFLOW_EVENTS + Topics.REPLAY_INFIX + "case-service"},
        groupId = "case-service")
class WorkflowEventsListener {

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

    /** A step that does not change the case goes on its timeline; one of an earlier procedure that does is read as that change. */
    @KafkaHandler
    void on(CaseStepRecorded event) {
        Optional<SpecificRecord> change = CaseChanges.fromStep(event);
        if (change.isPresent()) {
            onChange(change.get());
            return;
        }
        String summary = event.getName()
                + (event.getOutcome() == null ? "" : ": " + event.getOutcome())
                + (event.getRiskLevel() == null ? "" : " (risk " + event.getRiskLevel() + ")");
        timeline.record(event, event.getName(), summary, Case::procedureStarted, List.of(), (cases, caseId, envelope) -> {
            if (event.getOutcome() != null) {
                cases.addDecision(caseId, envelope.getEventId(), new Decision(event.getName(), event.getOutcome(),
                        event.getRiskLevel(), envelope.getProducer(), envelope.getOccurredAt()));
            }
        });
    }

    /**
     * A typed change of the case (CaseScreened, RiskReassessed, PlacementStarted, CaseClosed...): a
     * decision of the case file, and for some the case's own state: the risk level from the screening and
     * each reassessment (not from other changes, whose level may be older), closed on CaseClosed.
     */
    private void onChange(SpecificRecord change) {
        String name = change.getSchema().getName();
        String outcome = CaseChanges.outcome(change);
        String riskLevel = CaseChanges.riskLevel(change);
        String summary = name + (outcome == null ? "" : ": " + outcome) + (riskLevel == null ? "" : " (risk " + riskLevel + ")");
        timeline.record(change, name, summary, caze -> {
            if (change instanceof CaseScreened screened && screened.getRiskLevel() != null) {
                caze.screened(screened.getRiskLevel().name());
            } else if (change instanceof RiskReassessed reassessed) {
                caze.screened(reassessed.getRiskLevel().name());
            } else if (change instanceof CaseClosed) {
                caze.closed();
            } else {
                caze.procedureStarted();
            }
        }, List.of(), (cases, caseId, envelope) -> {
            cases.addDecision(caseId, envelope.getEventId(), new Decision(name, outcome, riskLevel, envelope.getProducer(),
                    envelope.getOccurredAt()));
            if (change instanceof CaseClosed) {
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
        if (CaseChanges.isChange(event)) {
            onChange(event);
            return;
        }
        timeline.record(event, event.getSchema().getName(), event.getSchema().getName(), caze -> { });
    }
}
