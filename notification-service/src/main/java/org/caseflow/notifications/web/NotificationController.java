package org.caseflow.notifications.web;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.caseflow.notifications.inbox.Notification;
import org.caseflow.notifications.inbox.Notifications;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;

    NotificationController(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The agency's notifications, newest first. */
    @GetMapping
    List<Notification> forAgency(@RequestParam @Pattern(regexp = "[a-z][a-z-]{1,49}", message = "must be an agency id such as cpu") String agency,
                                 @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return notifications.forAgency(agency, limit);
    }
}
