package org.caseflow.cases.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import org.caseflow.cases.access.CaseAccess;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.CaseSummary;
import org.caseflow.cases.reporting.AgencyEventTaken;
import org.caseflow.identity.Caller;
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
    /** What a client's correlation id or idempotency key may be: short, plain, safe to log. */
    private static final Pattern SAFE_CORRELATION_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private static final int DEFAULT_PAGE_SIZE = 20;

    /** A client's key for one report: its retries with the same key and body are the same case. */
    static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final CaseAccess access;
    private final ObjectMapper json;

    CaseController(CaseAccess access, ObjectMapper json) {
        this.access = access;
        this.json = json;
    }

    /**
     * Takes a report; 201 with the new case's id and Location. The reporter's agency takes part in the
     * case. With an {@code Idempotency-Key}, the same report sent again by the same caller (a retry after
     * a lost answer) gets the same answer and no second case; the key with another report is a 422.
     */
    @PostMapping
    ResponseEntity<Map<String, Object>> report(@Valid @RequestBody ReportRequest request, Caller caller,
                                               @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId,
                                               @RequestHeader(name = IDEMPOTENCY_HEADER, required = false) String idempotencyKey) {
        if (idempotencyKey != null && !SAFE_CORRELATION_ID.matcher(idempotencyKey).matches()) {
            throw new InvalidHeader(IDEMPOTENCY_HEADER, "must be 1 to 100 letters, digits or . _ : -");
        }
        String correlation = correlation(correlationId);
        Case caze = access.report(request.toReport(), correlation, caller,
                idempotencyKey == null ? null : new CaseAccess.IdempotencyKey(idempotencyKey, digest(request)));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}").buildAndExpand(caze.id()).toUri();
        return ResponseEntity.created(location)
                .header(CORRELATION_HEADER, correlation)
                .body(Map.of("id", caze.id(), "status", caze.status()));
    }

    /**
     * The cases the caller may read that match every criterion given: a caseworker's agencies' cases,
     * all for a supervisor. Dates are days in Albania's time, both included. An agency not known is a 400.
     */
    @GetMapping
    CaseSummary.Page search(CaseSearchParameters parameters, Caller caller) {
        return access.search(parameters.toSearch(DEFAULT_PAGE_SIZE), caller);
    }

    /** The case, to a caseworker of an agency taking part in it or a supervisor; 404 to anyone else. */
    @GetMapping("/{id}")
    CaseView caseFile(@PathVariable UUID id, Caller caller) {
        return CaseView.of(access.read(id, caller));
    }

    /** Reopens a closed case (409 when it is not closed); the procedure starts again. */
    @PostMapping("/{id}/reopen")
    CaseView reopen(@PathVariable UUID id, Caller caller,
                    @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        return CaseView.of(access.reopen(id, caller, correlation(correlationId)));
    }

    /**
     * Shares the case with another agency: with the consent it rests on, or, for a supervisor, an
     * override with its reason. 200 with the case as it is now.
     */
    @PostMapping("/{id}/shares")
    CaseView share(@PathVariable UUID id, @Valid @RequestBody ShareRequest request, Caller caller) {
        return CaseView.of(access.share(id, request.agency(), request.consent() == null ? null : request.consent().toConsent(),
                request.overrideReason(), caller));
    }

    /**
     * Takes an event from another agency's service, such as a court decision, and passes it to the
     * procedure over Kafka; 202 with the event id. The same event again under its reference is taken
     * once: 200 with the first one's id and {@code repeated}; another outcome under that reference is 409.
     */
    @PostMapping("/{id}/agency-events")
    ResponseEntity<Map<String, Object>> agencyEvent(@PathVariable UUID id, @Valid @RequestBody AgencyEventRequest request,
                                                    Caller caller,
                                                    @RequestHeader(name = CORRELATION_HEADER, required = false) String correlationId) {
        AgencyEventTaken taken = access.agencyEvent(id, request.kind(), request.agency(), request.outcome(), request.reference(),
                request.attributes(), correlation(correlationId), caller);
        if (taken.repeated()) {
            return ResponseEntity.ok(Map.of("eventId", taken.eventId(), "caseId", id, "repeated", true));
        }
        return ResponseEntity.accepted().body(Map.of("eventId", taken.eventId(), "caseId", id));
    }

    /** The request as the service read it, hashed: what tells a retry from another report under one key. */
    private String digest(ReportRequest request) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsBytes(request)));
        } catch (java.security.NoSuchAlgorithmException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not digest a report", e);
        }
    }

    private static String correlation(String requested) {
        return requested != null && SAFE_CORRELATION_ID.matcher(requested).matches() ? requested : UUID.randomUUID().toString();
    }

    /** A request header that is not what the API takes: a 400 naming it. */
    static final class InvalidHeader extends RuntimeException {
        private final String header;

        InvalidHeader(String header, String message) {
            super(message);
            this.header = header;
        }

        String header() {
            return header;
        }
    }
}
