package org.caseflow.cases.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.validation.Valid;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.Cases;
import org.caseflow.cases.reporting.CaseActions;
import org.caseflow.cases.reporting.CaseReporting;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final CaseReporting reporting;
    private final CaseActions actions;
    private final Cases cases;

    CaseController(CaseReporting reporting, CaseActions actions, Cases cases) {
        this.reporting = reporting;
        this.actions = actions;
        this.cases = cases;
    }

    /** Takes a report; 201 with the new case's id and Location. */
    @PostMapping
    ResponseEntity<Map<String, Object>> report(@Valid @RequestBody ReportRequest request,
                                               @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        String correlation = correlation(correlationId);
        Case caze = reporting.report(request.toReport(), correlation);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(caze.id()).toUri();
        return ResponseEntity.created(location)
                .header(CORRELATION_HEADER, correlation)
                .body(Map.of("id", caze.id(), "status", caze.status()));
    }

    @GetMapping("/{id}")
    CaseView caseFile(@PathVariable UUID id) {
        Case caze = cases.get(id);
        return CaseView.of(caze, cases.timeline(id));
    }

    /** Reopens a closed case (409 when it is not closed); the procedure starts again. */
    @PostMapping("/{id}/reopen")
    CaseView reopen(@PathVariable UUID id, @Valid @RequestBody(required = false) ReopenRequest request,
                    @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        Case caze = actions.reopen(id, request == null ? null : request.reopenedBy(), correlation(correlationId));
        return CaseView.of(caze, cases.timeline(id));
    }

    /**
     * Takes an event from another agency's service, such as a court decision, and passes it to the
     * procedure over Kafka; 202 with the event id.
     */
    @PostMapping("/{id}/agency-events")
    ResponseEntity<Map<String, Object>> agencyEvent(@PathVariable UUID id, @Valid @RequestBody AgencyEventRequest request,
                                                    @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        String eventId = actions.agencyEvent(id, request.kind(), request.agency(), request.outcome(), request.reference(),
                request.attributes(), correlation(correlationId));
        return ResponseEntity.accepted().body(Map.of("eventId", eventId, "caseId", id));
    }

    private static String correlation(String requested) {
        return requested != null && SAFE_CORRELATION_ID.matcher(requested).matches() ? requested : UUID.randomUUID().toString();
    }
}
