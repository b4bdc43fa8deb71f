package org.caseflow.cases.casefile;

import java.time.Instant;

/**
 * One event seen for a case, in the words a caseworker reads: what happened, when, and which service
 * said so. It never repeats the child's details.
 */
public record TimelineEntry(String eventId, String eventType, Instant occurredAt, String producer, String summary) {
}
