package org.caseflow.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Forgets what the plumbing no longer needs, in batches, every {@code caseflow.messaging.retention.interval}:
 * the rows saying an event was processed, once older than {@code processed-events} (far longer than
 * the broker keeps a record, so no redelivery can find its row gone and take effect twice), and the
 * dead letters replayed longer ago than {@code replayed-dead-letters}. A dead letter nobody has acted
 * on stays, however old.
 */
public class MessagingRetention {

    private static final Logger log = LoggerFactory.getLogger(MessagingRetention.class);

    private final JdbcClient jdbc;
    private final MessagingProperties.Retention retention;
    private final Clock clock;

    MessagingRetention(JdbcClient jdbc, MessagingProperties.Retention retention, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${caseflow.messaging.retention.interval:1h}",
            fixedDelayString = "${caseflow.messaging.retention.interval:1h}")
    public void scheduled() {
        try {
            forget();
        } catch (RuntimeException e) {
            log.warn("Messaging retention: clean-up failed, tried again in {}", retention.interval(), e);
        }
    }

    /** One clean-up; returns how many rows went. */
    public int forget() {
        Instant now = clock.instant();
        int processed = inBatches("""
                delete from processed_event where ctid in
                  (select ctid from processed_event where processed_at < ? limit ?)""", now.minus(retention.processedEvents()));
        int deadLetters = inBatches("""
                delete from dead_letter where id in
                  (select id from dead_letter where replayed_at < ? limit ?)""", now.minus(retention.replayedDeadLetters()));
        if (processed + deadLetters > 0) {
            log.info("Messaging retention: {} processed-event rows and {} replayed dead letters forgotten", processed, deadLetters);
        }
        return processed + deadLetters;
    }

    private int inBatches(String delete, Instant before) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql(delete).params(Timestamp.from(before), retention.batchSize()).update();
            total += deleted;
        } while (deleted == retention.batchSize());
        return total;
    }
}
