package org.caseflow.notifications.directory;

/** Where a notification goes. Every agency has the inbox; the others are switched on per agency. */
public enum Channel {
    INBOX,
    EMAIL,
    SMS,
    WEBHOOK
}
