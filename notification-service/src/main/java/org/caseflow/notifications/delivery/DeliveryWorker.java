package org.caseflow.notifications.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.caseflow.notifications.NotificationProperties;
import org.caseflow.notifications.directory.Agencies;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.inbox.Notification;
import org.caseflow.notifications.inbox.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due deliveries, one worker thread per channel, so a slow or failing channel never holds up
 * another. Each try is claimed in a short transaction (the row is leased, the try counted and logged),
 * sent outside any transaction, and its outcome recorded in another: a service that stops mid-send
 * leaves a leased row that any instance takes up again when the lease ends. A send that reached the
 * channel just before a stop is therefore sent again (at least once, never lost); receivers drop the
 * repeat by the notification id.
 */
@Component
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

    private final ChannelSenders senders;
    private final Deliveries deliveries;
    private final Notifications notifications;
    private final Agencies agencies;
    private final TransactionTemplate transactions;
    private final NotificationProperties.Delivery settings;
    private final RetryPolicy retry;
    private final Clock clock;
    private volatile ScheduledExecutorService executor;

    DeliveryWorker(ChannelSenders senders, Deliveries deliveries, Notifications notifications, Agencies agencies,
                   PlatformTransactionManager transactionManager, NotificationProperties properties, Clock clock) {
        this.senders = senders;
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.agencies = agencies;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = properties.delivery();
        this.retry = RetryPolicy.of(settings);
        this.clock = clock;
    }

    @Override
    public void start() {
        if (senders.available().isEmpty()) {
            executor = null;
            return;
        }
        AtomicInteger count = new AtomicInteger();
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(senders.available().size(), runnable -> {
            Thread thread = new Thread(runnable, "delivery-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor = pool;
        for (Channel channel : senders.available()) {
            pool.scheduleWithFixedDelay(() -> drain(channel), 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                // A send cut short here is taken up again after its lease, by this or another instance.
                if (!running.awaitTermination(10, TimeUnit.SECONDS)) {
                    running.shutdownNow();
                }
            } catch (InterruptedException e) {
                running.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Sends the channel's due deliveries until none is left. */
    void drain(Channel channel) {
        try {
            while (executor != null && !Thread.currentThread().isInterrupted() && sendNextDue(channel)) {
                // next
            }
        } catch (RuntimeException e) {
            // The database may be away; the next round tries again.
            log.warn("Delivering on {} stopped for this round: {}", channel, e.toString());
        }
    }

    /** @return false when nothing was due */
    boolean sendNextDue(Channel channel) {
        Instant now = clock.instant();
        Optional<ClaimedDelivery> next = transactions.execute(
                status -> deliveries.claimNextDue(channel, now, now.plus(settings.lease())));
        if (next == null || next.isEmpty()) {
            return false;
        }
        ClaimedDelivery claimed = next.get();
        Outcome outcome = attempt(claimed);
        Instant finished = clock.instant();
        Boolean recorded = transactions.execute(status -> deliveries.record(claimed, outcome.status(), outcome.attempt(),
                outcome.error(), outcome.status() == DeliveryStatus.RETRYING ? retry.nextAttemptAfter(claimed.attempt(), finished) : null,
                finished));
        if (!Boolean.TRUE.equals(recorded)) {
            log.warn("Delivery {} was claimed again while try {} ran: the lease ({}) is shorter than the channel's sends",
                    claimed.id(), claimed.attempt(), settings.lease());
        }
        logOutcome(claimed, outcome);
        return true;
    }

    private Outcome attempt(ClaimedDelivery claimed) {
        Optional<Agency> agency = agencies.find(claimed.agency());
        if (agency.isEmpty()) {
            return Outcome.rejected("agency " + claimed.agency() + " is not in the directory");
        }
        if (!agency.get().uses(claimed.channel())) {
            return Outcome.rejected("agency " + claimed.agency() + " has switched " + claimed.channel() + " off");
        }
        Optional<ChannelSender> sender = senders.sender(claimed.channel());
        if (sender.isEmpty()) {
            return Outcome.rejected(claimed.channel() + " is not configured here");
        }
        Notification notification = notifications.find(claimed.notificationId())
                .orElseThrow(() -> new IllegalStateException("Delivery " + claimed.id() + " has no notification"));
        try {
            sender.get().send(notification, agency.get(), claimed.id());
            return Outcome.sent();
        } catch (DeliveryFailed failed) {
            return failed.permanent() ? Outcome.rejected(failed.getMessage()) : failedOnce(claimed, failed.getMessage());
        } catch (RuntimeException e) {
            return failedOnce(claimed, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private Outcome failedOnce(ClaimedDelivery claimed, String error) {
        return retry.exhausted(claimed.attempt())
                ? new Outcome(DeliveryStatus.GIVEN_UP, AttemptOutcome.FAILED, error)
                : new Outcome(DeliveryStatus.RETRYING, AttemptOutcome.FAILED, error);
    }

    private void logOutcome(ClaimedDelivery claimed, Outcome outcome) {
        switch (outcome.status()) {
            case SENT -> log.info("Delivered notification {} to {} by {} (try {})", claimed.notificationId(),
                    claimed.agency(), claimed.channel(), claimed.attempt());
            case RETRYING -> log.warn("Delivery of notification {} to {} by {} failed (try {} of {}), retrying: {}",
                    claimed.notificationId(), claimed.agency(), claimed.channel(), claimed.attempt(), retry.maxAttempts(),
                    outcome.error());
            default -> log.error("Delivery of notification {} to {} by {} {} after try {}: {}", claimed.notificationId(),
                    claimed.agency(), claimed.channel(), outcome.status(), claimed.attempt(), outcome.error());
        }
    }

    private record Outcome(DeliveryStatus status, AttemptOutcome attempt, String error) {

        static Outcome sent() {
            return new Outcome(DeliveryStatus.SENT, AttemptOutcome.SENT, null);
        }

        static Outcome rejected(String error) {
            return new Outcome(DeliveryStatus.FAILED, AttemptOutcome.REJECTED, error);
        }
    }
}
