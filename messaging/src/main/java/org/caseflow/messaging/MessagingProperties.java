package org.caseflow.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event plumbing, under {@code caseflow.messaging}.
 *
 * @param producer   the name this service signs its events with (defaults to spring.application.name)
 * @param partitions partitions of the case event topics when this service creates them
 * @param replicas   replication factor of those topics (3 in production, 1 on a single local broker)
 * @param outbox     how the outbox relay publishes
 * @param consumer   how a consumer retries an event it could not handle yet
 * @param retention  how long the processed-event rows and replayed dead letters are kept
 */
@ConfigurationProperties("caseflow.messaging")
public record MessagingProperties(
        String producer,
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicas,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer,
        @DefaultValue Retention retention) {

    /**
     * @param processedEvents     how long a processed event's row is kept: longer than the broker keeps
     *                            records (7 days locally), or a redelivery could take effect twice
     * @param replayedDeadLetters how long a dead letter is kept after its replay
     * @param interval            how often the clean-up runs
     * @param batchSize           rows deleted in one statement
     */
    public record Retention(
            @DefaultValue("30d") Duration processedEvents,
            @DefaultValue("90d") Duration replayedDeadLetters,
            @DefaultValue("1h") Duration interval,
            @DefaultValue("5000") int batchSize) {
    }

    /**
     * @param pollInterval how often the relay looks for rows when nothing woke it up
     * @param batchSize    how many rows it publishes in one transaction
     * @param sendTimeout  how long it waits for the broker to acknowledge a batch
     * @param maxBackoff   the longest pause after a failed batch (the pause doubles from pollInterval)
     */
    public record Outbox(
            @DefaultValue("500ms") Duration pollInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("30s") Duration sendTimeout,
            @DefaultValue("10s") Duration maxBackoff) {
    }

    /**
     * @param initialBackoff the first pause before an event that failed is tried again
     * @param maxBackoff     the longest pause between tries
     * @param maxAttempts    tries before the event goes to the dead-letter topic
     */
    public record Consumer(
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("10s") Duration maxBackoff,
            @DefaultValue("8") int maxAttempts) {
    }
}
