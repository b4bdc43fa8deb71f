package org.caseflow.notifications.inbox;

import java.time.Instant;
import java.util.UUID;

import org.caseflow.notifications.directory.Language;

/**
 * A notice to one agency that something on a case is asked of it. It names the case, what is asked
 * and the deadline, never the child or the story.
 *
 * @param eventType      the event record's name, such as CaseStepRecorded
 * @param event          the routing name, such as CaseScreened
 * @param title          one line, in the agency's language
 * @param message        the full text, in the agency's language
 * @param urgent         high risk or a missed deadline: listed first and marked
 * @param dueAt          when the agency must have acted, if there is a deadline
 * @param acknowledgedAt when the agency said it has seen it (null while unread)
 */
public record Notification(
        UUID id,
        String agency,
        String caseId,
        String eventId,
        String eventType,
        String event,
        String title,
        String message,
        Language language,
        String link,
        boolean urgent,
        Instant dueAt,
        Instant createdAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {

    public boolean unread() {
        return acknowledgedAt == null;
    }
}
