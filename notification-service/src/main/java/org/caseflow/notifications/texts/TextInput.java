package org.caseflow.notifications.texts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a text may be made of. The renderer takes from it only the case id, the link, the deadline,
 * the agency's name and a fixed list of codes (task, step, risk level, deadline, kind, outcome); of the
 * parameters only those a template names.
 *
 * @param eventName  the event's routing name, such as CaseScreened
 * @param agencyName the receiving agency's name
 * @param facts      the event's facts (see RoutableEvent)
 * @param parameters the process's values for the template
 */
public record TextInput(
        String caseId,
        String eventName,
        String link,
        Instant dueAt,
        boolean urgent,
        String agencyName,
        Map<String, List<String>> facts,
        Map<String, String> parameters) {

    public TextInput {
        facts = facts == null ? Map.of() : Map.copyOf(facts);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }

    String fact(String key) {
        List<String> values = facts.getOrDefault(key, List.of());
        return values.isEmpty() ? null : values.get(0);
    }
}
