package org.caseflow.cases.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caseflow.cases.casefile.Share;

/**
 * The body of POST /api/cases/{id}/shares: the agency, and either the consent or a supervisor's
 * override reason.
 */
record ShareRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "must be an agency id such as health") String agency,
        @Valid ConsentRequest consent,
        @Size(min = 10, max = 1000, message = "must say why in 10 to 1000 characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must say why, not only blanks") String overrideReason) {

    @AssertTrue(message = "give either consent or, as a supervisor, an overrideReason; not both")
    boolean isConsentOrOverride() {
        return (consent == null) != (overrideReason == null);
    }

    record ConsentRequest(@NotNull Share.ConsentGiver givenBy, @Size(max = 200) String reference) {
        Share.Consent toConsent() {
            return new Share.Consent(givenBy, reference);
        }
    }
}
