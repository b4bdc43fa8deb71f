package org.caseflow.notifications.dispatch;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseChanges;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.DeadlineMissed;
import org.caseflow.events.NotificationRequested;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.caseflow.notifications.routing.RoutableEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The procedure's events: tasks, steps, changes of the case, deadlines and explicit requests to notify agencies. */
@Component
@KafkaListener(id = "notification-service.workflow-events", topics = {Topics.WORKFLOW_EVENTS, Topics.WORKFLOW_EVENTS + Topics.REPLAY_INFIX + "notification-service"},
        groupId = "notification-service")
class WorkflowEventsListener {

    private static final Logger log = LoggerFactory.getLogger(WorkflowEventsListener.class);

    private final AgencyNotifier notifier;

    WorkflowEventsListener(AgencyNotifier notifier) {
        this.notifier = notifier;
    }

    @KafkaHandler
    void on(TaskCreated event) {
        notifier.dispatch(RoutableEvent.of(event));
    }

    @KafkaHandler
    void on(TaskCompleted event) {
        notifier.dispatch(RoutableEvent.of(event));
    }

    /** A step; one of an earlier procedure named like a case change is routed as that change. */
    @KafkaHandler
    void on(CaseStepRecorded event) {
        notifier.dispatch(CaseChanges.fromStep(event).map(RoutableEvent::ofChange).orElseGet(() -> RoutableEvent.of(event)));
    }

    @KafkaHandler
    void on(NotificationRequested event) {
        notifier.dispatch(RoutableEvent.of(event));
    }

    @KafkaHandler
    void on(DeadlineMissed event) {
        notifier.dispatch(RoutableEvent.of(event));
    }

    @KafkaHandler(isDefault = true)
    void onOther(SpecificRecord event) {
        if (CaseChanges.isChange(event)) {
            notifier.dispatch(RoutableEvent.ofChange(event));
            return;
        }
        log.debug("No notification for {}", event.getSchema().getName());
    }
}
