package org.caseflow.cases.timeline;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.cases.casefile.Case;
import org.caseflow.cases.casefile.Cases;
import org.caseflow.cases.casefile.Participant;
import org.caseflow.cases.casefile.TimelineEntry;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.Envelope;
import org.caseflow.messaging.ProcessedEvents;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records an event seen for a case: a timeline entry and the change of the case it causes, once. */
@Service
class CaseTimeline {

    static final String CONSUMER = "case-service.timeline";

    private final Cases cases;
    private final ProcessedEvents processedEvents;

    CaseTimeline(Cases cases, ProcessedEvents processedEvents) {
        this.cases = cases;
        this.processedEvents = processedEvents;
    }

    /**
     * @param name    what the timeline calls the event (its type, or a step's name)
     * @param summary what happened, in words a caseworker reads; no personal data
     * @param change  what the event does to the case
     */
    @Transactional
    public void record(SpecificRecord event, String name, String summary, Consumer<Case> change) {
        record(event, name, summary, change, List.of());
    }

    /**
     * @param involved agencies the event makes take part in the case (a task's candidate groups), so
     *                 that their caseworkers may read it
     */
    @Transactional
    public void record(SpecificRecord event, String name, String summary, Consumer<Case> change, Collection<String> involved) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        Envelope envelope = CaseEvents.envelopeOf(event);
        Case caze = cases.getForUpdate(UUID.fromString(envelope.getCaseId()));
        change.accept(caze);
        cases.update(caze);
        cases.addParticipants(caze.id(), involved, Participant.Reason.TASK, envelope.getOccurredAt());
        cases.appendToTimeline(caze.id(), new TimelineEntry(envelope.getEventId(), name, envelope.getOccurredAt(),
                envelope.getProducer(), summary));
    }
}
