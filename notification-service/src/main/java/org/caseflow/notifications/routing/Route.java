package org.caseflow.notifications.routing;

import java.util.List;
import java.util.Map;

/**
 * A rule of routing: events of this name, carrying all these facts, notify these agencies, with this
 * urgency and text.
 *
 * @param id          assigned when stored
 * @param event       the event name, such as TaskCreated or CaseScreened
 * @param when        facts the event must carry, such as riskLevel HIGH (all of them; none means always)
 * @param agencies    agency ids, or {@code @fact} for the agencies the event names in that fact
 * @param urgency     NORMAL or URGENT
 * @param template    the text to render, or {@code @template} for the one the event names
 * @param description why the route exists, for the people who maintain it
 */
public record Route(Long id, String event, Map<String, String> when, List<String> agencies, Urgency urgency,
                    String template, String description) {

    /** Marks a target or template read from the event: {@code @candidateGroups}, {@code @template}. */
    public static final String FROM_EVENT = "@";

    public Route {
        when = when == null ? Map.of() : Map.copyOf(when);
        agencies = List.copyOf(agencies);
    }

    public Route withId(long newId) {
        return new Route(newId, event, when, agencies, urgency, template, description);
    }

    boolean matches(RoutableEvent candidate) {
        return event.equals(candidate.name())
                && when.entrySet().stream().allMatch(condition -> candidate.has(condition.getKey(), condition.getValue()));
    }
}
