package org.caseflow.workflow.tasks;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.caseflow.events.TaskCancelled;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.caseflow.workflow.WorkflowProperties;
import org.caseflow.workflow.procedure.ProcessVariables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriTemplate;

/**
 * Hears every user task of every procedure through Camunda's Spring eventing bridge (synchronously, in
 * the engine's transaction) and writes TaskCreated / TaskCompleted / TaskCancelled to the outbox, so the event is
 * published if and only if the task change commits. No model needs a listener of its own.
 */
@Component
class TaskEventsPublisher {

    /** The engine's delete reason of a completed task (which fires no delete event as of 7.24; kept as a guard). */
    private static final String COMPLETED = "completed";

    private final Outbox outbox;
    private final Envelopes envelopes;
    private final UriTemplate caseFileUrl;

    TaskEventsPublisher(Outbox outbox, Envelopes envelopes, WorkflowProperties properties) {
        this.outbox = outbox;
        this.envelopes = envelopes;
        this.caseFileUrl = new UriTemplate(properties.caseFileUrl());
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_CREATE + "'")
    public void created(DelegateTask task) {
        linkToCaseFile(task);
        TaskDisplay.show(task);
        TaskCreated event = TaskCreated.newBuilder()
                .setEnvelope(envelopes.next(TaskCreated.class, caseId(task), correlationId(task)))
                .setTaskId(task.getId())
                .setTaskKey(task.getTaskDefinitionKey())
                .setTaskName(nameOf(task))
                .setCandidateGroups(candidateGroups(task))
                .setAssignee(task.getAssignee())
                .setDueAt(task.getDueDate() == null ? null : task.getDueDate().toInstant())
                .setProcessDefinitionId(task.getProcessDefinitionId())
                .setRiskLevel(riskLevel(task))
                .build();
        outbox.append(Topics.WORKFLOW_EVENTS, event);
    }

    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
    public void completed(DelegateTask task) {
        TaskCompleted event = TaskCompleted.newBuilder()
                .setEnvelope(envelopes.next(TaskCompleted.class, caseId(task), correlationId(task)))
                .setTaskId(task.getId())
                .setTaskKey(task.getTaskDefinitionKey())
                .setTaskName(nameOf(task))
                .setCandidateGroups(candidateGroups(task))
                .setCompletedBy(task.getAssignee())
                .build();
        outbox.append(Topics.WORKFLOW_EVENTS, event);
    }

    /** Every form links to the case file page; the address follows the configuration, so it is set on each task. */
    private void linkToCaseFile(DelegateTask task) {
        String url = caseFileUrl.expand(Map.of("caseId", caseId(task))).toString();
        if (!url.equals(task.getVariable(ProcessVariables.CASE_FILE_URL))) {
            task.setVariable(ProcessVariables.CASE_FILE_URL, url);
        }
    }

    /**
     * A task the procedure ended without its being completed (an interrupting event, the case closed,
     * the process deleted). The engine fires no delete event for a completed task.
     */
    @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_DELETE + "'")
    public void cancelled(DelegateTask task) {
        if (COMPLETED.equals(task.getDeleteReason()) || task.getExecution() == null
                || task.getExecution().getProcessBusinessKey() == null) {
            return;
        }
        TaskCancelled event = TaskCancelled.newBuilder()
                .setEnvelope(envelopes.next(TaskCancelled.class, caseId(task), correlationId(task)))
                .setTaskId(task.getId())
                .setTaskKey(task.getTaskDefinitionKey())
                .setTaskName(nameOf(task))
                .setCandidateGroups(candidateGroups(task))
                .setReason(task.getDeleteReason())
                .build();
        outbox.append(Topics.WORKFLOW_EVENTS, event);
    }

    private static String caseId(DelegateTask task) {
        String businessKey = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (businessKey == null) {
            throw new IllegalStateException("Task " + task.getTaskDefinitionKey() + " runs in a process without a case id as business key");
        }
        return businessKey;
    }

    private static String correlationId(DelegateTask task) {
        Object correlationId = task.getVariable(ProcessVariables.CORRELATION_ID);
        return correlationId == null ? caseId(task) : correlationId.toString();
    }

    private static String riskLevel(DelegateTask task) {
        Object level = task.getVariable(ProcessVariables.RISK_LEVEL);
        return level == null ? null : level.toString();
    }

    private static String nameOf(DelegateTask task) {
        return task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
    }

    private static List<String> candidateGroups(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }
}
