package org.caseflow.notifications.inbox;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A task created tells the agencies that may take it. */
@Component
@KafkaListener(id = "notification-service.workflow-events", topics = Topics.WORKFLOW_EVENTS, groupId = "notification-service")
class WorkflowEventsListener {

    private static final Logger log = LoggerFactory.getLogger(WorkflowEventsListener.class);

    private final AgencyNotifier notifier;

    WorkflowEventsListener(AgencyNotifier notifier) {
        this.notifier = notifier;
    }

    @KafkaHandler
    void on(TaskCreated event) {
        notifier.notify(event, event.getCandidateGroups(),
                "New task \"" + event.getTaskName() + "\" on case " + event.getEnvelope().getCaseId());
    }

    @KafkaHandler(isDefault = true)
    void onOther(SpecificRecord event) {
        log.debug("No notification for {}", event.getSchema().getName());
    }
}
