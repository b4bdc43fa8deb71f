package org.caseflow.notifications.routing;

/**
 * An agency an event is routed to, with the text it gets.
 *
 * @param agency   the agency id
 * @param urgent   whether the notification is urgent
 * @param template the text to render
 */
public record Recipient(String agency, boolean urgent, String template) {
}
