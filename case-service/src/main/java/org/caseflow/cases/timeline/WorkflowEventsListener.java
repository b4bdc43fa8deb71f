package org.caseflow.cases.timeline;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;
import org.caseflow.events.Topics;
import org.springframework.kafka.annotation.KafkaHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One handler per workflow event type that needs its own words; any other goes in under its type name. */
@Component
@KafkaListener(id = "case-service.workflow-events", topics = Topics.WORKFLOW_EVENTS, groupId = "case-service")
class WorkflowEventsListener {

    private final CaseTimeline timeline;

    WorkflowEventsListener(CaseTimeline timeline) {
        this.timeline = timeline;
    }

    @KafkaHandler
    void on(TaskCreated event) {
        timeline.procedureEvent(event, "Task '" + event.getTaskName() + "' for " + String.join(", ", event.getCandidateGroups()));
    }

    @KafkaHandler
    void on(TaskCompleted event) {
        timeline.procedureEvent(event, "Task '" + event.getTaskName() + "' completed");
    }

    @KafkaHandler(isDefault = true)
    void onOther(SpecificRecord event) {
        timeline.procedureEvent(event, event.getSchema().getName());
    }
}
