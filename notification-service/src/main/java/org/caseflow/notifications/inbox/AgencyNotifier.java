package org.caseflow.notifications.inbox;

import java.time.Clock;
import java.util.Collection;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.Envelope;
import org.caseflow.messaging.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records a notification for each agency an event concerns, once per event and agency. */
@Service
class AgencyNotifier {

    private static final Logger log = LoggerFactory.getLogger(AgencyNotifier.class);
    static final String CONSUMER = "notification-service.inbox";

    private final Notifications notifications;
    private final ProcessedEvents processedEvents;
    private final Clock clock = Clock.systemUTC();

    AgencyNotifier(Notifications notifications, ProcessedEvents processedEvents) {
        this.notifications = notifications;
        this.processedEvents = processedEvents;
    }

    @Transactional
    public void notify(SpecificRecord event, Collection<String> agencies, String message) {
        if (!processedEvents.firstDelivery(CONSUMER, event)) {
            return;
        }
        Envelope envelope = CaseEvents.envelopeOf(event);
        for (String agency : agencies) {
            boolean added = notifications.add(new Notification(UUID.randomUUID(), agency, envelope.getCaseId(),
                    envelope.getEventId(), envelope.getEventType(), message, clock.instant()));
            if (added) {
                log.info("Notified {} of {} on case {}", agency, envelope.getEventType(), envelope.getCaseId());
            }
        }
    }
}
