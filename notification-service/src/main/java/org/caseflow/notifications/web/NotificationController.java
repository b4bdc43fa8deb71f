package org.caseflow.notifications.web;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.delivery.Deliveries;
import org.caseflow.notifications.delivery.Delivery;
import org.caseflow.notifications.inbox.Notification;
import org.caseflow.notifications.inbox.NotificationNotFound;
import org.caseflow.notifications.inbox.Notifications;
import org.caseflow.notifications.inbox.UnreadCount;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each agency's inbox: its notifications (urgent first), how many are unread, and acknowledging them. */
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
    List<Notification> forAgency(@RequestParam @Pattern(regexp = Agency.ID_PATTERN, message = AGENCY_MESSAGE) String agency,
                                 @RequestParam(defaultValue = "false") boolean unreadOnly,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return notifications.forAgency(agency, unreadOnly, limit);
    }

    @GetMapping("/unread-count")
    UnreadCount unreadCount(@RequestParam @Pattern(regexp = Agency.ID_PATTERN, message = AGENCY_MESSAGE) String agency) {
        return notifications.unreadCount(agency);
    }

    @GetMapping("/{id}")
    Notification one(@PathVariable UUID id) {
        return notifications.find(id).orElseThrow(() -> new NotificationNotFound(id));
    }

    /** Marks the notification as seen; again changes nothing. The body, naming who, may be left out. */
    @PostMapping("/{id}/acknowledge")
    Notification acknowledge(@PathVariable UUID id, @RequestBody(required = false) Acknowledgement acknowledgement) {
        String by = acknowledgement == null ? null : acknowledgement.by();
        return notifications.acknowledge(id, by, clock.instant());
    }

    /** How the notification went out on each channel, with every try. */
    @GetMapping("/{id}/deliveries")
    List<Delivery> deliveries(@PathVariable UUID id) {
        notifications.find(id).orElseThrow(() -> new NotificationNotFound(id));
        return deliveries.forNotification(id);
    }

    /** @param by the user id of who saw it */
    record Acknowledgement(@Size(max = 100) String by) {
    }
}
