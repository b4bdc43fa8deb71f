package org.caseflow.events;

/**
 * The Kafka topics of the case event stream. Each topic has one producing service; the record key is
 * always the case id, so one case's events keep their order within a topic.
 */
public final class Topics {

    /** Events published by case-service: reports received, agency events such as court decisions. */
    public static final String CASE_EVENTS = "caseflow.case-events";

    /** Events published by workflow-service: tasks created and completed, deadlines, procedure steps. */
    public static final String WORKFLOW_EVENTS = "caseflow.workflow-events";

    /** Events published by notification-service: where each delivery of a notification stands (no texts). */
    public static final String NOTIFICATION_EVENTS = "caseflow.notification-events";

    /** Suffix of the dead-letter topic that holds what a consumer of a topic could not handle. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
