package org.caseflow.notifications.routing;

/** No route has the id. */
public class RouteNotFound extends RuntimeException {

    private final long routeId;

    public RouteNotFound(long routeId) {
        super("No route " + routeId);
        this.routeId = routeId;
    }

    public long routeId() {
        return routeId;
    }
}
