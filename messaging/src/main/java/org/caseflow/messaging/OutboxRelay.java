package org.caseflow.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.caseflow.events.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in id order, a batch at a time, and deletes what the broker
 * acknowledged. A transaction-scoped advisory lock lets one relay of a service work at a time, however
 * many instances run, so rows leave in the order they were written. A row that could not be sent stays
 * and is tried again after a pause that grows while the broker is away; nothing is lost across restarts
 * because the rows are the state.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Any constant will do: each service has its own database. */
    private static final long RELAY_LOCK = 0x0ca5ef10L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<String, Object> kafka;
    private final MessagingProperties.Outbox settings;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private boolean woken;
    private volatile boolean running;
    private Thread worker;

    OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaTemplate<String, Object> kafka,
                MessagingProperties.Outbox settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** Asks the relay to look for rows now rather than at its next poll. */
    void wakeUp() {
        lock.lock();
        try {
            woken = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Rows not yet published. */
    public long backlog() {
        return jdbc.sql("select count(*) from outbox_event").query(Long.class).single();
    }

    /**
     * Publishes one batch.
     *
     * @return how many rows were published and deleted
     * @throws OutboxRelayException when a row could not be published; the rows before it were
     */
    int relayBatch() {
        BatchResult result = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single();
            if (!mine) {
                return BatchResult.NOTHING;
            }
            List<OutboxRow> rows = jdbc.sql("""
                    select id, topic, record_key, event_id, event_type, correlation_id, producer, payload
                    from outbox_event order by id limit ?""")
                    .param(settings.batchSize())
                    .query(OutboxRow.class)
                    .list();
            if (rows.isEmpty()) {
                return BatchResult.NOTHING;
            }
            List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                try {
                    sends.add(kafka.send(row.toRecord()));
                } catch (RuntimeException e) {
                    // The producer refuses at once when it cannot reach the broker in time: the rows already
                    // handed over are still counted below, so what the broker took is not sent again.
                    sends.add(CompletableFuture.failedFuture(e));
                    break;
                }
            }
            kafka.flush();
            List<Long> sent = new ArrayList<>(rows.size());
            RuntimeException failure = null;
            for (int i = 0; i < sends.size() && failure == null; i++) {
                try {
                    sends.get(i).get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                    sent.add(rows.get(i).id());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = new OutboxRelayException("Interrupted while publishing", e);
                } catch (Exception e) {
                    failure = new OutboxRelayException("Could not publish event " + rows.get(i).event_id()
                            + " (" + rows.get(i).event_type() + ") to " + rows.get(i).topic(), e);
                }
            }
            if (!sent.isEmpty()) {
                jdbc.sql("delete from outbox_event where id = any(?)").param(sent.toArray(Long[]::new)).update();
            }
            // Even after a failure the deletion of what was sent commits; the failed row and those after it stay.
            return new BatchResult(sent.size(), failure);
        });
        if (result == null) {
            return 0;
        }
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.published();
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (worker != null) {
            try {
                worker.join(settings.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start after the consumers and the web server are up, stop before Kafka's producer closes. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void run() {
        Duration pause = settings.pollInterval();
        long failuresInARow = 0;
        while (running) {
            try {
                int published = relayBatch();
                if (failuresInARow > 0) {
                    log.info("Outbox relay publishing again after {} failed attempts", failuresInARow);
                    failuresInARow = 0;
                }
                pause = settings.pollInterval();
                if (published >= settings.batchSize()) {
                    continue;
                }
            } catch (RuntimeException e) {
                failuresInARow++;
                pause = nextPause(pause, settings.maxBackoff());
                if (failuresInARow == 1 || failuresInARow % 10 == 0) {
                    log.warn("Outbox relay could not publish (attempt {}), {} rows waiting; next try in {} ms: {}",
                            failuresInARow, safeBacklog(), pause.toMillis(), rootMessage(e));
                }
            }
            await(pause);
        }
    }

    private void await(Duration pause) {
        lock.lock();
        try {
            if (!woken && running) {
                wakeUp.await(pause.toMillis(), TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    private long safeBacklog() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The pause after another failed attempt: twice the last, at most the longest. */
    static Duration nextPause(Duration pause, Duration longest) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(longest) <= 0 ? doubled : longest;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getMessage() + (root != e ? " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
    }

    record OutboxRow(long id, String topic, String record_key, String event_id, String event_type,
                     String correlation_id, String producer, byte[] payload) {

        ProducerRecord<String, Object> toRecord() {
            ProducerRecord<String, Object> record = new ProducerRecord<>(topic, record_key, payload);
            record.headers()
                    .add(EventHeaders.EVENT_ID, event_id.getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.EVENT_TYPE, event_type.getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.CORRELATION_ID, correlation_id.getBytes(StandardCharsets.UTF_8))
                    .add(EventHeaders.PRODUCER, producer.getBytes(StandardCharsets.UTF_8));
            return record;
        }
    }

    private record BatchResult(int published, RuntimeException failure) {
        static final BatchResult NOTHING = new BatchResult(0, null);
    }
}
