package org.caseflow.localrun;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.caseflow.localrun.FaultHarness.Report;
import org.caseflow.localrun.FaultHarness.Tally;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soak, run on demand and not by {@code ./mvnw verify} (docs/reliability.md, "The soak"): reports
 * offered at a steady rate for a long time ({@code soak.duration}, an hour by default; {@code soak.rate}
 * reports a second, 5 by default: half of what the email channel carries, docs/reliability.md), while every few minutes, at
 * random ({@code soak.seed}), the broker stops for 20 s, a service is killed with SIGKILL and started
 * again, or PostgreSQL stops for 10 s. Email and webhooks are on. At the end the same counts as the
 * fault tests, over every report: {@code faults: soak: N reports, lost L, duplicated D}.
 */
class SoakIT {

    private static final Duration FAULT_EVERY_AT_LEAST = Duration.ofMinutes(2);
    private static final Duration FAULT_EVERY_AT_MOST = Duration.ofMinutes(5);

    private enum Fault { BROKER_STOPPED, WORKFLOW_KILLED, CASE_KILLED, NOTIFICATION_KILLED, POSTGRESQL_STOPPED }

    @Test
    void reportsAtAHalfOfTheSustainedRateWithFaultsEveryFewMinutes() throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration", "PT1H"));
        double rate = Double.parseDouble(System.getProperty("soak.rate", "5"));
        String seedGiven = System.getProperty("soak.seed", "");
        long seed = seedGiven.isBlank() ? System.nanoTime() : Long.parseLong(seedGiven.trim());
        System.out.printf("faults: soak: %s at %.1f reports a second, faults every %d to %d minutes, seed %d%n",
                duration, rate, FAULT_EVERY_AT_LEAST.toMinutes(), FAULT_EVERY_AT_MOST.toMinutes(), seed);
        try (FaultHarness harness = FaultHarness.start(true)) {
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> faults = new CopyOnWriteArrayList<>();
            Thread injector = new Thread(() -> injectFaults(harness, new Random(seed), running, faults), "fault-injector");
            injector.setDaemon(true);
            Instant start = Instant.now();
            Instant end = start.plus(duration);
            Duration interval = Duration.ofNanos((long) (1_000_000_000L / rate));
            int count = (int) (duration.toNanos() / interval.toNanos());
            injector.start();
            List<Report> reports = harness.offer("soak", count, interval, 8, offered ->
                    System.out.printf("faults: soak: %d min, %d reports offered, %d attempts refused, %d faults so far%n",
                            Duration.between(start, Instant.now()).toMinutes(), offered, harness.refusedAttempts(), faults.size()));
            running.set(false);
            // A fault under way is healed first (a service may take minutes to start again).
            injector.join(Duration.ofMinutes(6).toMillis());
            assertThat(injector.isAlive()).as("the last fault healed").isFalse();
            assertThat(harness.stack().deadServices()).as("every service runs at the end").isEmpty();
            assertThat(faults).as("faults injected").isNotEmpty().noneMatch(f -> f.startsWith("FAILED"));
            System.out.printf("faults: soak: offered %d reports in %d min (planned %s), %d attempts refused and sent again; faults %s%n",
                    reports.size(), Duration.between(start, Instant.now()).toMinutes(), Duration.between(start, end),
                    harness.refusedAttempts(), faults);
            Tally tally = harness.settleAndCount("soak", reports);
            int interruptionsOfDeliveries = (int) faults.stream()
                    .filter(f -> f.startsWith(Fault.NOTIFICATION_KILLED.name()) || f.startsWith(Fault.POSTGRESQL_STOPPED.name())).count();
            assertThat(tally.lost()).as("lost; " + tally.details()).isZero();
            assertThat(tally.duplicated()).as("duplicated; " + tally.details()).isZero();
            // At most the email and the webhook call in flight at each interruption of notification-service's work.
            assertThat(tally.sentAgain()).as("sent again").isLessThanOrEqualTo(2 * interruptionsOfDeliveries);
        }
    }

    /** One fault at a time, at random moments, each healed before the next; logged with its time. */
    private static void injectFaults(FaultHarness harness, Random random, AtomicBoolean running, List<String> faults) {
        LocalStack stack = harness.stack();
        while (running.get()) {
            long pause = FAULT_EVERY_AT_LEAST.toMillis()
                    + (long) (random.nextDouble() * (FAULT_EVERY_AT_MOST.minus(FAULT_EVERY_AT_LEAST).toMillis()));
            Instant next = Instant.now().plusMillis(pause);
            while (running.get() && Instant.now().isBefore(next)) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
            }
            if (!running.get()) {
                return;
            }
            Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
            Instant at = Instant.now();
            try {
                inject(stack, fault);
            } catch (RuntimeException e) {
                // Recorded, and the soak fails at the end: a fault that could not be injected or healed.
                faults.add("FAILED " + fault + " at " + at + ": " + e);
                System.out.println("faults: soak: " + fault + " at " + at + " failed: " + e);
                continue;
            }
            String done = fault + " at " + at + " (" + Duration.between(at, Instant.now()).toSeconds() + " s)";
            faults.add(done);
            System.out.println("faults: soak: " + done);
        }
    }

    private static void inject(LocalStack stack, Fault fault) {
        switch (fault) {
            case BROKER_STOPPED -> {
                stack.kafka().stop();
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(20).toNanos());
                stack.kafka().start();
            }
            case WORKFLOW_KILLED -> killAndStart(stack, ServiceName.WORKFLOW);
            case CASE_KILLED -> killAndStart(stack, ServiceName.CASE);
            case NOTIFICATION_KILLED -> killAndStart(stack, ServiceName.NOTIFICATION);
            case POSTGRESQL_STOPPED -> {
                stack.stopPostgres();
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofSeconds(10).toNanos());
                stack.startPostgres();
            }
        }
    }

    private static void killAndStart(LocalStack stack, ServiceName service) {
        stack.killService(service);
        stack.startService(service);
    }
}
