package org.caseflow.notifications.web;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import org.caseflow.notifications.routing.Route;
import org.caseflow.notifications.routing.RoutingTable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Routing as data: read and change which event notifies which agencies. Changes apply to the next event. */
@RestController
@RequestMapping("/api/routes")
class RouteController {

    private final RoutingTable routing;

    RouteController(RoutingTable routing) {
        this.routing = routing;
    }

    @GetMapping
    List<Route> all(@RequestParam(required = false) String event) {
        return event == null ? routing.all() : routing.forEvent(event);
    }

    @GetMapping("/{id}")
    Route one(@PathVariable long id) {
        return routing.get(id);
    }

    @PostMapping
    ResponseEntity<Route> create(@Valid @RequestBody RouteRequest request) {
        Route created = routing.create(request.route(null));
        return ResponseEntity.created(URI.create("/api/routes/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    Route update(@PathVariable long id, @Valid @RequestBody RouteRequest request) {
        return routing.update(request.route(id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        routing.delete(id);
        return ResponseEntity.noContent().build();
    }
}
