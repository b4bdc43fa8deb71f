package org.caseflow.cases.timeline;

import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.Cases;
import org.caseflow.cases.casefile.TimelineEntry;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.Envelope;
import org.caseflow.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records an event seen for a case: a timeline entry and the status change it causes, once. */
@Service
class CaseTimeline {

    static final String CONSUMER = "case-service.timeline";

    private final Cases cases;
    private final ProcessedEvents processedEvents;

    CaseTimeline(Cases cases, ProcessedEvents processedEvents) {
        this.cases = cases;
        this.processedEvents = processedEvents;
    }

    @Transactional
    public void procedureEvent(SpecificRecord event, String summary) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        Envelope envelope = CaseEvents.envelopeOf(event);
        Case caze = cases.get(UUID.fromString(envelope.getCaseId()));
        caze.procedureStarted();
        cases.update(caze);
        cases.appendToTimeline(caze.id(), new TimelineEntry(envelope.getEventId(), envelope.getEventType(),
                envelope.getOccurredAt(), envelope.getProducer(), summary));
    }
}
