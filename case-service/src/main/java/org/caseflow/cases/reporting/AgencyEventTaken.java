package org.caseflow.cases.reporting;

/**
 * What became of an agency event: the event it is, and whether it had come before under the same
 * reference (then nothing new was recorded or published).
 */
public record AgencyEventTaken(String eventId, boolean repeated) {
}
