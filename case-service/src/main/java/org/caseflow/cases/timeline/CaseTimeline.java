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
        record(event, name, summary, change, involved, Part.NONE);
    }

    /**
     * @param part what the event adds to the case file besides its timeline entry (a task, a decision)
     */
    @Transactional
    public void record(SpecificRecord event, String name, String summary, Consumer<Case> change, Collection<String> involved,
                       Part part) {
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
        part.addTo(cases, caze.id(), envelope);
    }

    /** Adds what the event says to the case file without a timeline entry or a change of the case, once. */
    @Transactional
    public void add(SpecificRecord event, Part part) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        Envelope envelope = CaseEvents.envelopeOf(event);
        part.addTo(cases, UUID.fromString(envelope.getCaseId()), envelope);
    }

    /** What an event adds to a case file besides its timeline: a task, a missed deadline, a decision, a notification. */
    @FunctionalInterface
    interface Part {
        Part NONE = (cases, caseId, envelope) -> { };

        void addTo(Cases cases, UUID caseId, Envelope envelope);
    }
}
