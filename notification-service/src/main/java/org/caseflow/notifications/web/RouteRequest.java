package org.caseflow.notifications.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caseflow.notifications.routing.Route;
import org.caseflow.notifications.routing.Urgency;

/** A route as a supervisor enters it; see Route for the meaning of each field. */
record RouteRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Za-z0-9]{1,99}", message = "must be an event name such as TaskCreated or CaseScreened")
        String event,
        Map<@Pattern(regexp = "[A-Za-z][A-Za-z0-9_.-]{0,99}", message = "must be a fact name such as riskLevel") String,
            @NotBlank @Size(max = 200) String> when,
        @NotEmpty List<@NotBlank @Pattern(regexp = "@?[a-zA-Z][a-zA-Z-]{1,49}", message = "must be an agency id or @fact") String> agencies,
        @NotNull Urgency urgency,
        @NotBlank @Pattern(regexp = "@?[a-z][a-z0-9-]{1,99}", message = "must be a template name such as task-created") String template,
        @Size(max = 500) String description) {

    Route route(Long id) {
        return new Route(id, event, when, agencies, urgency, template, description);
    }
}
