package org.caseflow.notifications.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.caseflow.notifications.InvalidField;
import org.caseflow.notifications.directory.Agencies;
import org.caseflow.notifications.texts.NotificationTexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the routes. A route may only name agencies of the directory, facts that hold
 * agency ids, and templates that exist, so a change cannot send notifications nowhere.
 */
@Service
public class RoutingTable {

    /** The facts of an event that hold agency ids, usable as {@code @fact} targets. */
    public static final Set<String> AGENCY_FACTS = Set.of("candidateGroups", "agencies", "escalatedTo");

    /** The fact holding the template a NotificationRequested names. */
    public static final String TEMPLATE_FACT = "template";

    private static final Logger log = LoggerFactory.getLogger(RoutingTable.class);

    private final Routes routes;
    private final Agencies agencies;
    private final NotificationTexts texts;

    RoutingTable(Routes routes, Agencies agencies, NotificationTexts texts) {
        this.routes = routes;
        this.agencies = agencies;
        this.texts = texts;
    }

    public List<Route> all() {
        return routes.all();
    }

    public List<Route> forEvent(String eventName) {
        return routes.forEvent(eventName);
    }

    public Route get(long id) {
        return routes.find(id).orElseThrow(() -> new RouteNotFound(id));
    }

    @Transactional
    public Route create(Route route) {
        Route created = routes.insert(checked(route));
        log.info("Route {} added: {} -> {} ({})", created.id(), created.event(), created.agencies(), created.urgency());
        return created;
    }

    @Transactional
    public Route update(Route route) {
        if (!routes.update(checked(route))) {
            throw new RouteNotFound(route.id());
        }
        log.info("Route {} changed: {} -> {} ({})", route.id(), route.event(), route.agencies(), route.urgency());
        return route;
    }

    @Transactional
    public void delete(long id) {
        if (!routes.delete(id)) {
            throw new RouteNotFound(id);
        }
        log.info("Route {} deleted", id);
    }

    private Route checked(Route route) {
        for (int i = 0; i < route.agencies().size(); i++) {
            String target = route.agencies().get(i);
            if (target.startsWith(Route.FROM_EVENT)) {
                if (!AGENCY_FACTS.contains(target.substring(1))) {
                    throw new InvalidField("agencies[" + i + "]", "unknown event fact " + target + "; known: "
                            + AGENCY_FACTS.stream().sorted().map(f -> Route.FROM_EVENT + f).toList());
                }
            } else if (agencies.find(target).isEmpty()) {
                throw new InvalidField("agencies[" + i + "]", "no agency " + target + " in the directory");
            }
        }
        String template = route.template();
        if (!template.equals(Route.FROM_EVENT + TEMPLATE_FACT) && !texts.has(template)) {
            throw new InvalidField("template", "no template " + template + "; known: " + texts.templates()
                    + " or " + Route.FROM_EVENT + TEMPLATE_FACT);
        }
        for (Map.Entry<String, String> condition : route.when().entrySet()) {
            if (condition.getValue() == null || condition.getValue().isBlank()) {
                throw new InvalidField("when." + condition.getKey(), "must have a value");
            }
        }
        return route;
    }
}
