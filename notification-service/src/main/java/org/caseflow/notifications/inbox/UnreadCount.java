package org.caseflow.notifications.inbox;

/**
 * @param unread notifications not acknowledged yet
 * @param urgent of those, the urgent ones
 */
public record UnreadCount(String agency, long unread, long urgent) {
}
