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

    /**
     * Between a topic's name and a consumer group's, the topic that group's dead letters are replayed
     * to: only that group reads it and only its own service writes it, so a replay needs no right to
     * write the topic another service owns.
     */
    public static final String REPLAY_INFIX = ".replay.";

    private Topics() {
    }

    /** The dead-letter topic of a topic; a replay topic's records go to its original topic's. */
    public static String deadLetterTopicOf(String topic) {
        return originalTopicOf(topic) + DEAD_LETTER_SUFFIX;
    }

    public static String replayTopicOf(String topic, String consumerGroup) {
        return originalTopicOf(topic) + REPLAY_INFIX + consumerGroup;
    }

    /** The topic itself, or for a replay topic the topic its records first came from. */
    public static String originalTopicOf(String topic) {
        int replay = topic.indexOf(REPLAY_INFIX);
        return replay < 0 ? topic : topic.substring(0, replay);
    }
}
