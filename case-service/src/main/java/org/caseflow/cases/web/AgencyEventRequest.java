package org.caseflow.cases.web;

import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/cases/{id}/agency-events: a fact another agency's service reports, such as
 * {@code {"kind": "CourtDecisionRecorded", "agency": "court", "outcome": "CONFIRMED", "reference": "V-123"}}.
 * {@code agency} may be left out by a caller acting for one agency only; it is theirs.
 */
record AgencyEventRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Za-z]{2,99}", message = "must be an event name such as CourtDecisionRecorded") String kind,
        @Pattern(regexp = "[a-z][a-z0-9-]{1,49}", message = "must be an agency id such as police or court") String agency,
        @Size(max = 50) @Pattern(regexp = "[A-Z0-9_]*", message = "must be a code such as CONFIRMED") String outcome,
        @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N} ./_-]*", message = "must be a plain reference") String reference,
        @Size(max = 20) Map<@Pattern(regexp = "[a-zA-Z][a-zA-Z0-9]{0,49}") String, @Size(max = 200) String> attributes) {
}
