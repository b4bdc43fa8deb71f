package org.caseflow.notifications.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.caseflow.notifications.directory.Agency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies the routes to an event: which agencies hear of it, how urgently, with which text.
 *
 * <p>Every route of the event's name whose conditions hold applies. An agency reached by several
 * routes gets one notification: urgent if any of them is, with the text of the most specific route
 * (the one with most conditions; the oldest among equals). An event that asks to be urgent itself
 * (NotificationRequested) is urgent whatever its route says.
 */
@Service
public class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);
    private static final Pattern AGENCY_ID = Pattern.compile(Agency.ID_PATTERN);

    private final Routes routes;

    Router(Routes routes) {
        this.routes = routes;
    }

    public List<Recipient> recipientsOf(RoutableEvent event) {
        return route(routes.forEvent(event.name()), event);
    }

    static List<Recipient> route(List<Route> routes, RoutableEvent event) {
        List<Route> matching = new ArrayList<>(routes.stream().filter(r -> r.matches(event)).toList());
        matching.sort(Comparator.comparingInt((Route r) -> r.when().size()).reversed()
                .thenComparing(r -> r.id() == null ? Long.MAX_VALUE : r.id()));
        Map<String, Recipient> byAgency = new LinkedHashMap<>();
        for (Route route : matching) {
            boolean urgent = route.urgency() == Urgency.URGENT || event.urgent();
            String template = route.template().startsWith(Route.FROM_EVENT)
                    ? event.fact(route.template().substring(1)).orElse(route.template())
                    : route.template();
            for (String agency : agenciesOf(route, event)) {
                byAgency.merge(agency, new Recipient(agency, urgent, template),
                        (first, next) -> new Recipient(agency, first.urgent() || next.urgent(), first.template()));
            }
        }
        return List.copyOf(byAgency.values());
    }

    private static List<String> agenciesOf(Route route, RoutableEvent event) {
        List<String> agencies = new ArrayList<>();
        for (String target : route.agencies()) {
            List<String> ids = target.startsWith(Route.FROM_EVENT) ? event.values(target.substring(1)) : List.of(target);
            // A list given as one "cpu,police" string counts as its parts.
            for (String id : ids.stream().flatMap(i -> Arrays.stream(i.split(","))).map(String::trim).toList()) {
                if (AGENCY_ID.matcher(id).matches()) {
                    agencies.add(id);
                } else {
                    log.warn("Event {} names an agency id that is no id in {}; skipped", event.eventId(), target);
                }
            }
        }
        return agencies;
    }
}
