package org.caseflow.notifications.dispatch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.caseflow.messaging.ProcessedEvents;
import org.caseflow.notifications.directory.Agencies;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.directory.Language;
import org.caseflow.notifications.delivery.ChannelSenders;
import org.caseflow.notifications.delivery.Deliveries;
import org.caseflow.notifications.inbox.Notification;
import org.caseflow.notifications.inbox.Notifications;
import org.caseflow.notifications.routing.Recipient;
import org.caseflow.notifications.routing.RoutableEvent;
import org.caseflow.notifications.routing.Router;
import org.caseflow.notifications.texts.NotificationTexts;
import org.caseflow.notifications.texts.RenderedText;
import org.caseflow.notifications.texts.TextInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a case event into notifications: once per event (the processed-event mark), once per agency
 * (the inbox's unique key), each in the agency's language, with a delivery row per channel the agency
 * uses, all in one transaction. Sending happens later, from those rows (see DeliveryWorker).
 */
@Service
class AgencyNotifier {

    private static final Logger log = LoggerFactory.getLogger(AgencyNotifier.class);
    static final String CONSUMER = "notification-service.inbox";

    private final Router router;
    private final Agencies agencies;
    private final NotificationTexts texts;
    private final Links links;
    private final Notifications notifications;
    private final Deliveries deliveries;
    private final ChannelSenders channels;
    private final ProcessedEvents processedEvents;
    private final Clock clock;

    AgencyNotifier(Router router, Agencies agencies, NotificationTexts texts, Links links, Notifications notifications,
                   Deliveries deliveries, ChannelSenders channels, ProcessedEvents processedEvents, Clock clock) {
        this.router = router;
        this.agencies = agencies;
        this.texts = texts;
        this.links = links;
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.channels = channels;
        this.processedEvents = processedEvents;
        this.clock = clock;
    }

    @Transactional
    public void dispatch(RoutableEvent event) {
        List<Recipient> recipients = router.recipientsOf(event);
        if (recipients.isEmpty()) {
            log.debug("No route for {} ({}) on case {}", event.name(), event.eventType(), event.caseId());
            return;
        }
        if (!processedEvents.firstDelivery(CONSUMER, event.source())) {
            log.debug("Event {} was handled before", event.eventId());
            return;
        }
        Instant now = clock.instant();
        String link = links.of(event);
        for (Recipient recipient : recipients) {
            Optional<Agency> agency = agencies.find(recipient.agency());
            if (agency.isEmpty()) {
                log.warn("Agency {} is not in the directory: it gets {} in its inbox only, in Albanian",
                        recipient.agency(), event.name());
            }
            if (!texts.has(recipient.template())) {
                log.warn("No template {} for {}; the generic text is used", recipient.template(), event.name());
            }
            Language language = agency.map(Agency::language).orElse(Language.SQ);
            RenderedText text = texts.render(recipient.template(), language, new TextInput(event.caseId(), event.name(),
                    link, event.dueAt(), recipient.urgent(), agency.map(Agency::name).orElse(recipient.agency()),
                    event.facts(), event.parameters()));
            Notification notification = new Notification(UUID.randomUUID(), recipient.agency(), event.caseId(),
                    event.eventId(), event.eventType(), event.name(), text.title(), text.body(), language, link,
                    recipient.urgent(), event.dueAt(), now, null, null);
            if (notifications.add(notification)) {
                Set<Channel> more = agency.map(channels::channelsOf).orElse(Set.of());
                deliveries.schedule(notification, more, now);
                log.info("Notified {} of {} on case {} (urgent: {}, channels: inbox{})", recipient.agency(), event.name(),
                        event.caseId(), recipient.urgent(), more.isEmpty() ? "" : ", " + more);
            }
        }
    }
}
