package org.caseflow.localrun;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.caseflow.events.Topics;
import org.caseflow.localrun.FaultHarness.Report;
import org.caseflow.localrun.FaultHarness.Tally;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system under faults in the middle of a burst of reports, with email and webhooks on: the
 * broker away, each service killed with SIGKILL, PostgreSQL restarted, every event delivered twice, a
 * poison message. Each scenario proves its fault happened, waits the settling time, counts per report
 * everything that should exist exactly once ({@link FaultHarness}), prints
 * {@code faults: <scenario>: N reports, lost L, duplicated D} and fails unless both are 0.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static FaultHarness harness;
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() throws Exception {
        harness = FaultHarness.start();
        stack = harness.stack();
    }

    @AfterAll
    static void stopTheSystem() {
        if (harness != null) {
            harness.close();
        }
    }

    @Test
    @Order(1)
    void theBrokerStopsForTwentySecondsInTheMiddleOfABurst() {
        AtomicInteger backlog = new AtomicInteger();
        List<Report> reports = harness.burst("kafka-broker-stopped", 60, Duration.ofMillis(500), sent -> {
            if (sent == 15) {
                stack.kafka().stop();
            } else if (sent == 55) {
                // 40 reports at 2 a second later: about 20 seconds without a broker.
                backlog.set(harness.outboxBacklog(ServiceName.CASE));
                stack.kafka().start();
            }
        });
        System.out.println("faults: kafka-broker-stopped: proof: " + backlog + " events in case-service's outbox while the broker was away");
        assertThat(backlog.get()).as("reports made while the broker was away wait in the outbox").isGreaterThanOrEqualTo(30);
        assertNothingLostNothingTwice(harness.settleAndCount("kafka-broker-stopped", reports), 0);
    }

    @Test
    @Order(2)
    void workflowServiceIsKilledInTheMiddleOfABurst() {
        Burst burst = killedInTheMiddleOfABurst("workflow-service-killed", ServiceName.WORKFLOW, Topics.CASE_EVENTS, () -> { }, () -> { });
        System.out.println("faults: workflow-service-killed: proof: " + burst.proof() + " case events waiting for workflow-service while it was down");
        assertThat(burst.proof()).as("case events waited for workflow-service").isPositive();
        assertNothingLostNothingTwice(harness.settleAndCount("workflow-service-killed", burst.reports()), 0);
    }

    @Test
    @Order(3)
    void caseServiceIsKilledInTheMiddleOfABurst() {
        // Reports come in at case-service: killed, it is started again at once and refuses reports until it
        // is up; the reporter sends each again under its key.
        int refusedBefore = harness.refusedAttempts();
        Thread[] restart = new Thread[1];
        List<Report> reports = harness.burst("case-service-killed", 40, Duration.ofMillis(250), sent -> {
            if (sent == 10) {
                stack.killService(ServiceName.CASE);
                restart[0] = startAgain(ServiceName.CASE);
            }
        });
        join(restart[0]);
        int refused = harness.refusedAttempts() - refusedBefore;
        System.out.println("faults: case-service-killed: proof: " + refused + " report attempts refused or unanswered, sent again");
        assertThat(refused).as("reports refused while case-service was down").isPositive();
        assertNothingLostNothingTwice(harness.settleAndCount("case-service-killed", reports), 0);
    }

    /**
     * notification-service is killed at the worst moment: an email and a webhook call have reached their
     * receivers, which hold their answers, so the deliveries are not recorded. Those two are sent again
     * after the lease (at least once: the documented window, one message per channel); everything else
     * arrives once.
     */
    @Test
    @Order(4)
    void notificationServiceIsKilledWhileAnEmailAndAWebhookCallAreOnTheirWay() {
        String scenario = "notification-service-killed-mid-send";
        HeldAnswer email = harness.mail().holdNext();
        HeldAnswer call = harness.webhooks().holdNext();
        AtomicInteger openAtTheKill = new AtomicInteger();
        Burst burst;
        try {
            burst = killedInTheMiddleOfABurst(scenario, ServiceName.NOTIFICATION, Topics.WORKFLOW_EVENTS, () -> {
                assertThat(arrived(email)).as("an email arrived and waits for its answer").isTrue();
                assertThat(arrived(call)).as("a webhook call arrived and waits for its answer").isTrue();
            }, () -> {
                // Both tries still open when the service died (not ended by a channel timeout meanwhile).
                int emails = harness.openAttempts("EMAIL");
                int webhooks = harness.openAttempts("WEBHOOK");
                openAtTheKill.set(Math.min(emails, webhooks));
            });
        } finally {
            email.release();
            call.release();
        }
        System.out.println("faults: " + scenario + ": proof: an email and a webhook call held at their receivers, their tries open at "
                + "the SIGKILL; " + burst.proof() + " workflow events waiting for notification-service while it was down");
        assertThat(openAtTheKill.get()).as("the held email's and webhook call's tries were open at the kill").isPositive();
        assertThat(burst.proof()).as("events waited for notification-service").isPositive();
        Tally tally = harness.settleAndCount(scenario, burst.reports());
        assertNothingLostNothingTwice(tally, 2);
        assertThat(tally.sentAgain()).as("the email and the webhook call in flight at the crash are sent again").isEqualTo(2);
    }

    @Test
    @Order(5)
    void postgresqlStopsAndStartsAgainInTheMiddleOfABurst() {
        AtomicBoolean down = new AtomicBoolean();
        Thread[] restart = new Thread[1];
        harness.takeLongestWait();
        List<Report> reports = harness.burst("postgresql-restarted", 40, Duration.ofMillis(250), sent -> {
            if (sent == 10) {
                stack.stopPostgres();
                down.set(!harness.postgresReachable());
                // Back after ten seconds; reports sent meanwhile wait for a connection, or are refused and sent again.
                restart[0] = new Thread(() -> {
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                    stack.startPostgres();
                });
                restart[0].start();
            }
        });
        join(restart[0]);
        Duration longestWait = harness.takeLongestWait();
        System.out.println("faults: postgresql-restarted: proof: PostgreSQL refused connections after the stop; a report waited "
                + longestWait.toMillis() + " ms to be taken");
        assertThat(down).as("PostgreSQL was down").isTrue();
        assertThat(longestWait).as("a report waited for the database").isGreaterThan(Duration.ofSeconds(5));
        // A send whose outcome could not be recorded with the database away goes again: one per channel at most.
        assertNothingLostNothingTwice(harness.settleAndCount("postgresql-restarted", reports), 2);
    }

    @Test
    @Order(6)
    void everyEventIsDeliveredTwice() throws Exception {
        AtomicBoolean duplicating = new AtomicBoolean(true);
        AtomicInteger acknowledged = new AtomicInteger();
        CountDownLatch assigned = new CountDownLatch(1);
        Thread duplicator = new Thread(() -> duplicateEveryEvent(duplicating, assigned, acknowledged), "duplicator");
        duplicator.start();
        assertThat(assigned.await(60, TimeUnit.SECONDS)).as("duplicator listening").isTrue();
        Tally tally;
        try {
            List<Report> reports = harness.burst("every-event-twice", 40, Duration.ofMillis(250), sent -> { });
            // The duplicator goes on until the counts are taken: every event of these reports is copied.
            tally = harness.settleAndCount("every-event-twice", reports);
        } finally {
            duplicating.set(false);
            duplicator.join(10_000);
        }
        System.out.println("faults: every-event-twice: proof: " + acknowledged + " copies acknowledged by the broker");
        // Each report makes at least CaseReported and TaskCreated, each copied.
        assertThat(acknowledged.get()).as("copies acknowledged").isGreaterThanOrEqualTo(2 * tally.reports());
        assertNothingLostNothingTwice(tally, 0);
    }

    @Test
    @Order(7)
    void aPoisonMessageInTheMiddleOfABurstIsDeadLettered() {
        String poisonKey = "poison-" + System.nanoTime();
        List<Report> reports = harness.burst("poison-message", 40, Duration.ofMillis(250), sent -> {
            if (sent == 20) {
                send(Topics.CASE_EVENTS, poisonKey, "{\"this\": \"is not an event\"}".getBytes(StandardCharsets.UTF_8));
                send(Topics.WORKFLOW_EVENTS, poisonKey, new byte[] {(byte) 0xC3, 0x01, 1, 2, 3});
            }
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (ServiceName service : ServiceName.values()) {
                assertThat(deadLetters(service)).as(service.id()).anyMatch(d -> poisonKey.equals(d.get("caseId")));
            }
        });
        System.out.println("faults: poison-message: proof: the poison messages are in the dead letters of all three services");
        assertNothingLostNothingTwice(harness.settleAndCount("poison-message", reports), 0);
    }

    // --- scenarios and checks ---------------------------------------------------------------------------

    /** The reports of a burst, and the figure that shows its fault happened. */
    private record Burst(List<Report> reports, long proof) {
    }

    /**
     * 40 reports at 4 a second; the service is killed with SIGKILL after 10 (between {@code beforeKill}
     * and {@code afterKill}); after 25, its consumer's lag on the topic it reads is taken (the proof) and
     * it is started again.
     */
    private static Burst killedInTheMiddleOfABurst(String scenario, ServiceName service, String topicItReads, Runnable beforeKill,
                                                   Runnable afterKill) {
        AtomicLong proof = new AtomicLong();
        Thread[] restart = new Thread[1];
        List<Report> reports = harness.burst(scenario, 40, Duration.ofMillis(250), sent -> {
            if (sent == 10) {
                beforeKill.run();
                stack.killService(service);
                afterKill.run();
            } else if (sent == 25) {
                proof.set(lagWhileDown(service, topicItReads));
                restart[0] = startAgain(service);
            }
        });
        join(restart[0]);
        return new Burst(reports, proof.get());
    }

    /** The lag of a stopped service's consumer group, once there is one (the others go on publishing). */
    private static long lagWhileDown(ServiceName service, String topic) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> harness.consumerLag(service, topic), lag -> lag > 0);
    }

    private static Thread startAgain(ServiceName service) {
        Thread restart = new Thread(() -> stack.startService(service), "restart-" + service.id());
        restart.start();
        return restart;
    }

    private static void join(Thread thread) {
        try {
            if (thread != null) {
                thread.join(Duration.ofMinutes(5).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(stack.deadServices()).as("every service runs again").isEmpty();
    }

    private static boolean arrived(HeldAnswer held) {
        try {
            return held.awaitArrival(60);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void assertNothingLostNothingTwice(Tally tally, int sentAgainAllowed) {
        assertThat(tally.lost()).as(tally.scenario() + ": lost; " + tally.details()).isZero();
        assertThat(tally.duplicated()).as(tally.scenario() + ": duplicated; " + tally.details()).isZero();
        assertThat(tally.sentAgain()).as(tally.scenario() + ": external messages sent again").isLessThanOrEqualTo(sentAgainAllowed);
    }

    private static List<Map<String, Object>> deadLetters(ServiceName service) throws Exception {
        return Rest.getList(stack.url(service) + "/api/dead-letters");
    }

    // --- Kafka from outside ------------------------------------------------------------------------------

    /** Sends every case event once more, marked, so that each consumer gets each event twice; counts the acknowledged copies. */
    private static void duplicateEveryEvent(AtomicBoolean running, CountDownLatch assigned, AtomicInteger acknowledged) {
        Properties consumer = new Properties();
        consumer.putAll(stack.kafka().adminProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-duplicator");
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        try (KafkaConsumer<String, byte[]> in = new KafkaConsumer<>(consumer, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> out = producer()) {
            in.subscribe(List.of(Topics.CASE_EVENTS, Topics.WORKFLOW_EVENTS));
            while (running.get()) {
                var records = in.poll(Duration.ofMillis(200));
                if (!in.assignment().isEmpty()) {
                    assigned.countDown();
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    if (record.headers().lastHeader("caseflow-test-duplicate") == null) {
                        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                                record.headers());
                        copy.headers().add("caseflow-test-duplicate", new byte[] {1});
                        out.send(copy, (metadata, failure) -> {
                            if (failure == null) {
                                acknowledged.incrementAndGet();
                            }
                        });
                    }
                }
            }
        }
    }

    private static void send(String topic, String key, byte[] value) {
        try (KafkaProducer<String, byte[]> out = producer()) {
            out.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.putAll(stack.kafka().adminProperties());
        return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }
}
