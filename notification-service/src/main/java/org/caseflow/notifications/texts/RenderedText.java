package org.caseflow.notifications.texts;

/**
 * A notification's text in one language.
 *
 * @param title one line: the inbox title, the email subject, the SMS
 * @param body  the full text: the inbox message, the email body
 */
public record RenderedText(String title, String body) {
}
