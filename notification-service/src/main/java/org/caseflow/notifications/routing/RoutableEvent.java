package org.caseflow.notifications.routing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.CaseChanges;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.CaseReopened;
import org.caseflow.events.CaseReported;
import org.caseflow.events.CaseStepRecorded;
import org.caseflow.events.Concern;
import org.caseflow.events.DeadlineMissed;
import org.caseflow.events.Envelope;
import org.caseflow.events.NotificationRequested;
import org.caseflow.events.TaskCompleted;
import org.caseflow.events.TaskCreated;

/**
 * A case event as routing sees it: its name (a step's own name for CaseStepRecorded, the record's name
 * otherwise, such as TaskCreated or CaseScreened) and its facts, the values routes match on and texts show. Facts are ids, codes and
 * decisions; the events carry nothing else.
 *
 * @param source     the event as received, for the processed-event mark
 * @param facts      each fact's values (most have one; candidateGroups, agencies, concerns may have more)
 * @param parameters the free values a process gave (a step's attributes, a request's parameters)
 * @param dueAt      when the agency must have acted, if the event says
 */
public record RoutableEvent(
        SpecificRecord source,
        String eventId,
        String caseId,
        String eventType,
        String name,
        Map<String, List<String>> facts,
        Map<String, String> parameters,
        Instant dueAt) {

    public RoutableEvent {
        facts = Map.copyOf(facts);
        parameters = Map.copyOf(parameters);
    }

    public static RoutableEvent of(TaskCreated event) {
        return new Facts(event.getEnvelope())
                .put("taskId", event.getTaskId()).put("taskKey", event.getTaskKey()).put("taskName", event.getTaskName())
                .put("candidateGroups", event.getCandidateGroups()).put("assignee", event.getAssignee())
                .build(event, "TaskCreated", Map.of(), event.getDueAt());
    }

    public static RoutableEvent of(TaskCompleted event) {
        return new Facts(event.getEnvelope())
                .put("taskId", event.getTaskId()).put("taskKey", event.getTaskKey()).put("taskName", event.getTaskName())
                .put("candidateGroups", event.getCandidateGroups()).put("completedBy", event.getCompletedBy())
                .build(event, "TaskCompleted", Map.of(), null);
    }

    public static RoutableEvent of(CaseStepRecorded event) {
        return new Facts(event.getEnvelope())
                .put("riskLevel", event.getRiskLevel()).put("outcome", event.getOutcome())
                .putAbsent(event.getAttributes())
                .build(event, event.getName(), event.getAttributes(), null);
    }

    /**
     * A typed change of the case (CaseScreened, PlacementStarted, CaseClosed...), routed by its own name:
     * its fields are the facts, and {@code outcome} the decision it records, as routes and texts of the
     * earlier step events had it.
     */
    public static RoutableEvent ofChange(SpecificRecord change) {
        Map<String, String> fields = CaseChanges.facts(change);
        return new Facts(CaseEvents.envelopeOf(change))
                .put("outcome", CaseChanges.outcome(change))
                .putAbsent(fields)
                .build(change, change.getSchema().getName(), fields, null);
    }

    public static RoutableEvent of(NotificationRequested event) {
        return new Facts(event.getEnvelope())
                .put("agencies", event.getAgencies()).put("template", event.getTemplate())
                .put("urgent", String.valueOf(event.getUrgent()))
                .putAbsent(event.getParameters())
                .build(event, "NotificationRequested", event.getParameters(), event.getDueAt());
    }

    public static RoutableEvent of(DeadlineMissed event) {
        return new Facts(event.getEnvelope())
                .put("deadline", event.getDeadline()).put("taskKey", event.getTaskKey()).put("taskName", event.getTaskName())
                .put("riskLevel", event.getRiskLevel()).put("escalatedTo", event.getEscalatedTo())
                .build(event, "DeadlineMissed", Map.of(), event.getDueAt());
    }

    public static RoutableEvent of(CaseReported event) {
        return new Facts(event.getEnvelope())
                .put("source", event.getSource().name())
                .put("concerns", event.getConcerns().stream().map(Concern::name).toList())
                .put("immediateDanger", String.valueOf(event.getImmediateDanger()))
                .put("municipality", event.getMunicipality())
                .build(event, "CaseReported", Map.of(), null);
    }

    public static RoutableEvent of(AgencyEventReceived event) {
        return new Facts(event.getEnvelope())
                .put("kind", event.getKind()).put("agency", event.getAgency()).put("outcome", event.getOutcome())
                .putAbsent(event.getAttributes())
                .build(event, "AgencyEventReceived", event.getAttributes(), null);
    }

    public static RoutableEvent of(CaseReopened event) {
        return new Facts(event.getEnvelope())
                .put("reopenedBy", event.getReopenedBy()).put("riskLevel", event.getRiskLevel())
                .build(event, "CaseReopened", Map.of(), null);
    }

    /** The fact's first value. */
    public Optional<String> fact(String key) {
        return facts.getOrDefault(key, List.of()).stream().findFirst();
    }

    /** All the fact's values (none when the event does not have it). */
    public List<String> values(String key) {
        return facts.getOrDefault(key, List.of());
    }

    /** Whether one of the fact's values is the value (case aside: HIGH, high). */
    public boolean has(String key, String value) {
        return values(key).stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    /** The event asks to be urgent itself (a NotificationRequested with urgent true). */
    public boolean urgent() {
        return source instanceof NotificationRequested requested && requested.getUrgent();
    }

    private static final class Facts {
        private final Envelope envelope;
        private final Map<String, List<String>> facts = new LinkedHashMap<>();

        Facts(Envelope envelope) {
            this.envelope = envelope;
        }

        Facts put(String key, String value) {
            if (value != null) {
                facts.put(key, List.of(value));
            }
            return this;
        }

        Facts put(String key, List<String> values) {
            if (values != null) {
                facts.put(key, List.copyOf(values));
            }
            return this;
        }

        /** The free values of the process, without overriding the event's own fields. */
        Facts putAbsent(Map<String, String> values) {
            values.forEach((key, value) -> {
                if (value != null) {
                    facts.putIfAbsent(key, List.of(value));
                }
            });
            return this;
        }

        RoutableEvent build(SpecificRecord source, String name, Map<String, String> parameters, Instant dueAt) {
            return new RoutableEvent(source, envelope.getEventId(), envelope.getCaseId(), envelope.getEventType(), name,
                    facts, parameters, dueAt);
        }
    }
}
