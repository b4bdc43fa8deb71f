package org.caseflow.workflow.steps;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.caseflow.events.NotificationRequested;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.springframework.stereotype.Component;

/**
 * Asks notification-service to tell named agencies something. Input parameters: {@code agencies}
 * (agency ids, comma-separated or a list; nothing happens when empty), {@code template}, optionally
 * {@code urgent} and {@code dueAt}; any others are passed to the template.
 */
@Component("notifyAgencies")
class NotifyAgencies implements JavaDelegate {

    private final Outbox outbox;
    private final Envelopes envelopes;

    NotifyAgencies(Outbox outbox, Envelopes envelopes) {
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        StepParameters parameters = StepParameters.of(execution);
        List<String> agencies = parameters.list("agencies");
        if (agencies.isEmpty()) {
            return;
        }
        CaseContext caze = CaseContext.of(execution);
        outbox.append(Topics.WORKFLOW_EVENTS, NotificationRequested.newBuilder()
                .setEnvelope(envelopes.next(NotificationRequested.class, caze.caseId(), caze.correlationId()))
                .setAgencies(agencies)
                .setTemplate(parameters.required("template"))
                .setUrgent(parameters.flag("urgent"))
                .setDueAt(parameters.date("dueAt") == null ? null : parameters.date("dueAt").toInstant())
                .setParameters(parameters.others("agencies", "template", "urgent", "dueAt"))
                .build());
    }
}
