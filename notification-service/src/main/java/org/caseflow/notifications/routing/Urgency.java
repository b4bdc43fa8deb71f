package org.caseflow.notifications.routing;

/** How soon the agency must look. Urgent notifications are marked and listed first. */
public enum Urgency {
    NORMAL,
    URGENT
}
