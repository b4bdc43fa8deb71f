package org.caseflow.cases.casefile;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A case shared with another agency. Sharing needs the consent of the child or of who speaks for the
 * child, or, where waiting for consent would put the child at risk, a supervisor's override with the
 * reason: exactly one of the two.
 *
 * @param overrideReason why a supervisor shared without consent; null when there is consent
 */
public record Share(UUID id, UUID caseId, String agency, String sharedBy, Instant sharedAt, Consent consent,
                    String overrideReason) {

    /** Who gave consent to share. */
    public enum ConsentGiver {
        CHILD, PARENT, GUARDIAN, LEGAL_REPRESENTATIVE
    }

    /**
     * @param givenBy   who gave it
     * @param reference where it is recorded, such as the number of a signed form; may be null
     */
    public record Consent(ConsentGiver givenBy, String reference) {
        public Consent {
            Objects.requireNonNull(givenBy, "givenBy");
        }
    }

    public Share {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(agency, "agency");
        Objects.requireNonNull(sharedBy, "sharedBy");
        Objects.requireNonNull(sharedAt, "sharedAt");
        boolean overridden = overrideReason != null && !overrideReason.isBlank();
        if ((consent == null) == !overridden) {
            throw new IllegalArgumentException("A share needs either consent or a supervisor's override, not both");
        }
    }

    public boolean overridden() {
        return consent == null;
    }
}
