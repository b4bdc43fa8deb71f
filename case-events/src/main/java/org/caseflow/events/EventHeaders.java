package org.caseflow.events;

/**
 * Kafka record headers set on every case event, copied from its envelope, so that a router or an
 * operator can see what a record is without decoding it.
 */
public final class EventHeaders {

    public static final String EVENT_ID = "caseflow-event-id";
    public static final String EVENT_TYPE = "caseflow-event-type";
    public static final String CORRELATION_ID = "caseflow-correlation-id";
    public static final String PRODUCER = "caseflow-producer";

    private EventHeaders() {
    }
}
