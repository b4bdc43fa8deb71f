package org.caseflow.notifications.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.caseflow.identity.Caller;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.delivery.Deliveries;
import org.caseflow.notifications.delivery.Delivery;
import org.caseflow.notifications.inbox.Notification;
import org.caseflow.notifications.inbox.NotificationNotFound;
import org.caseflow.notifications.inbox.Notifications;
import org.caseflow.notifications.inbox.UnreadCount;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each agency's inbox: its notifications (urgent first), how many are unread, and acknowledging them. A
 * caseworker sees only the inboxes of their own agencies, a supervisor every one. Another agency's
 * notification is answered as an unknown one, so that its existence does not show.
 */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private static final String AGENCY_MESSAGE = "must be an agency id such as cpu";

    private final Notifications notifications;
    private final Deliveries deliveries;
    private final Clock clock;

    NotificationController(Notifications notifications, Deliveries deliveries, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The agency's notifications: urgent ones first, then the newest. */
    @GetMapping
    List<Notification> forAgency(Caller caller,
                                 @RequestParam @Pattern(regexp = Agency.ID_PATTERN, message = AGENCY_MESSAGE) String agency,
                                 @RequestParam(defaultValue = "false") boolean unreadOnly,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        ensureActsFor(caller, agency);
        return notifications.forAgency(agency, unreadOnly, limit);
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount(Caller caller,
                            @RequestParam @Pattern(regexp = Agency.ID_PATTERN, message = AGENCY_MESSAGE) String agency) {
        ensureActsFor(caller, agency);
        return notifications.unreadCount(agency);
    }

    @GetMapping("/{id}")
    Notification one(Caller caller, @PathVariable UUID id) {
        return visible(caller, id);
    }

    /**
     * Marks the notification as seen by the caller; again changes nothing. A body, such as the
     * {@code {"by": ...}} of older clients, is ignored: who saw it is who is signed in.
     */
    @PostMapping("/{id}/acknowledge")
    Notification acknowledge(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        return notifications.acknowledge(id, caller.user(), clock.instant());
    }

    /** How the notification went out on each channel, with every try. */
    @GetMapping("/{id}/deliveries")
    List<Delivery> deliveries(Caller caller, @PathVariable UUID id) {
        visible(caller, id);
        return deliveries.forNotification(id);
    }

    /** Answered 403 by the security filter chain, with the same bare body as any other refusal. */
    private static void ensureActsFor(Caller caller, String agency) {
        if (!caller.actsFor(agency)) {
            throw new AccessDeniedException("The caller does not act for the agency");
        }
    }

    /** The notification, if it is one of the caller's agencies': another agency's is "not found" too. */
    private Notification visible(Caller caller, UUID id) {
        return notifications.find(id).filter(notification -> caller.actsFor(notification.agency()))
                .orElseThrow(() -> new NotificationNotFound(id));
    }
}
