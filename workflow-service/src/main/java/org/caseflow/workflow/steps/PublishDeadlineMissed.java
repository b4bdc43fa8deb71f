package org.caseflow.workflow.steps;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.caseflow.events.DeadlineMissed;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes that a deadline passed, after a deadline timer fired on a task still open. Input
 * parameters: {@code deadline} (its name in deadlines.dmn), optionally {@code lateTask} (the task's
 * name), {@code lateTaskKey} (the id of the late task or box; by default the host of the boundary
 * timer just before this step) and {@code escalateTo} (agency ids; supervisors by default). The step
 * runs in the procedure or in the process {@code missed-deadline} that every deadline timer calls;
 * the late task is looked up among all the case's processes.
 */
@Component("publishDeadlineMissed")
class PublishDeadlineMissed implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(PublishDeadlineMissed.class);

    private final Outbox outbox;
    private final Envelopes envelopes;

    PublishDeadlineMissed(Outbox outbox, Envelopes envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepParameters parameters = StepParameters.of(execution);
        CaseContext caze = CaseContext.of(execution);
        String deadline = parameters.required("deadline");
        List<String> escalateTo = parameters.list("escalateTo");
        String lateTaskKey = parameters.optional("lateTaskKey");
        String lateActivity = lateTaskKey != null ? lateTaskKey : lateActivity(execution);
        Date due = execution.getVariable(deadline + "Due") instanceof Date date ? date : lateTaskDue(execution, caze.caseId(), lateActivity);
        outbox.append(Topics.WORKFLOW_EVENTS, DeadlineMissed.newBuilder()
                .setEnvelope(envelopes.next(DeadlineMissed.class, caze.caseId(), caze.correlationId()))
                .setDeadline(deadline)
                .setTaskKey(lateActivity)
                .setCandidateGroups(candidateGroups(execution, caze.caseId(), lateActivity))
                .setTaskName(parameters.optional("lateTask"))
                .setDueAt((due != null ? due : ClockUtil.getCurrentTime()).toInstant())
                .setRiskLevel(caze.riskLevel())
                .setEscalatedTo(escalateTo.isEmpty() ? List.of("supervisors") : escalateTo)
                .build());
        log.warn("Case {}: deadline {} missed ({}), escalated", caze.caseId(), deadline, parameters.optional("lateTask"));
    }

    /**
     * A deadline that repeats (a follow-up review, a full plan review) has no {@code <deadline>Due} of its
     * own: the late task's due date is the deadline. Not the time the timer fired, which is later when
     * the service was down or a node died holding the timer's lock.
     */
    private static Date lateTaskDue(DelegateExecution execution, String caseId, String lateActivity) {
        if (lateActivity == null) {
            return null;
        }
        return execution.getProcessEngineServices().getTaskService().createTaskQuery().processInstanceBusinessKey(caseId)
                .taskDefinitionKey(lateActivity).orderByTaskCreateTime().desc().list().stream()
                .map(org.camunda.bpm.engine.task.Task::getDueDate).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    /** The agencies of the late task (none when the late activity is a subprocess). */
    private static List<String> candidateGroups(DelegateExecution execution, String caseId, String activity) {
        if (activity == null) {
            return List.of();
        }
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        return tasks.createTaskQuery().processInstanceBusinessKey(caseId).taskDefinitionKey(activity).list().stream()
                .flatMap(task -> tasks.getIdentityLinksForTask(task.getId()).stream())
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId).distinct().sorted().toList();
    }

    /** The activity whose deadline timer led here: the host of the boundary event before this step. */
    private static String lateActivity(DelegateExecution execution) {
        if (!(execution.getBpmnModelElementInstance() instanceof FlowNode step)) {
            return null;
        }
        return step.getIncoming().stream()
                .map(SequenceFlow::getSource)
                .filter(BoundaryEvent.class::isInstance)
                .map(source -> ((BoundaryEvent) source).getAttachedTo().getId())
                .findFirst().orElse(null);
    }
}
