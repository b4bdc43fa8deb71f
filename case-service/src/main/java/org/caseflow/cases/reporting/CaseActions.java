package org.caseflow.cases.reporting;

import java.util.Map;
import java.util.UUID;

import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.Cases;
import org.caseflow.cases.casefile.Decision;
import org.caseflow.cases.casefile.TimelineEntry;
import org.caseflow.events.AgencyEventReceived;
import org.caseflow.events.CaseReopened;
import org.caseflow.events.Envelope;
import org.caseflow.events.Topics;
import org.caseflow.messaging.Envelopes;
import org.caseflow.messaging.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to a case after its report, from outside the procedure: a closed case reopened, an
 * event from another agency's service (such as a court decision). Each is recorded on the case and
 * published through the outbox in one transaction.
 */
@Service
public class CaseActions {

    private static final Logger log = LoggerFactory.getLogger(CaseActions.class);

    private final Cases cases;
    private final Outbox outbox;
    private final Envelopes envelopes;

    CaseActions(Cases cases, Outbox outbox, Envelopes envelopes) {
        this.cases = cases;
        this.outbox = outbox;
        this.envelopes = envelopes;
    }

    /** Reopens a closed case; the procedure starts again. */
    @Transactional
    public Case reopen(UUID caseId, String reopenedBy, String correlationId) {
        Case caze = cases.getForUpdate(caseId);
        caze.reopen();
        cases.update(caze);
        CaseReopened event = CaseReopened.newBuilder()
                .setEnvelope(envelopes.next(CaseReopened.class, caseId.toString(), correlationId))
                .setReopenedBy(reopenedBy)
                .setRiskLevel(caze.riskLevel())
                .build();
        record(caze, event.getEnvelope(), "CaseReopened", "Case reopened");
        outbox.append(Topics.CASE_EVENTS, event);
        log.info("Case {} reopened", caseId);
        return caze;
    }

    /** Takes an event from another agency's service and passes it to the procedure. */
    @Transactional
    public AgencyEventTaken agencyEvent(UUID caseId, String kind, String agency, String outcome, String reference,
                                        Map<String, String> attributes, String correlationId) {
        Case caze = cases.get(caseId);
        AgencyEventReceived event = AgencyEventReceived.newBuilder()
                .setEnvelope(envelopes.next(AgencyEventReceived.class, caseId.toString(), correlationId))
                .setKind(kind)
                .setAgency(agency)
                .setOutcome(outcome)
                .setReference(reference)
                .setAttributes(attributes == null ? Map.of() : attributes)
                .build();
        if (reference != null && !reference.isBlank()) {
            // The agency's system sending its decision again (a retry after a lost answer) is the same decision.
            var earlier = cases.keepAgencyEventReference(caseId, kind, reference, outcome, event.getEnvelope().getEventId());
            if (earlier.isPresent()) {
                if (!java.util.Objects.equals(earlier.get().outcome(), outcome)) {
                    throw new AgencyEventConflict(caseId, kind, reference, earlier.get().outcome());
                }
                log.info("Case {}: {} {} from {} received again, taken once", caseId, kind, reference, agency);
                return new AgencyEventTaken(earlier.get().eventId(), true);
            }
        }
        record(caze, event.getEnvelope(), kind, kind + " from " + agency + (outcome == null ? "" : ": " + outcome));
        cases.addDecision(caseId, event.getEnvelope().getEventId(), new Decision(kind, outcome, null, agency,
                event.getEnvelope().getOccurredAt()));
        outbox.append(Topics.CASE_EVENTS, event);
        log.info("Case {}: {} received from {}", caseId, kind, agency);
        return new AgencyEventTaken(event.getEnvelope().getEventId(), false);
    }

    private void record(Case caze, Envelope envelope, String name, String summary) {
        cases.appendToTimeline(caze.id(), new TimelineEntry(envelope.getEventId(), name, envelope.getOccurredAt(),
                envelope.getProducer(), summary));
    }
}
