package org.caseflow.notifications;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of notification-service, under {@code caseflow.notifications}. Without any of them (the
 * local run) notifications go to each agency's inbox and the log only.
 *
 * @param timeZone where deadlines are shown in the texts (Albania's time)
 * @param links    the addresses a notification points to
 * @param delivery how deliveries are tried, retried and given up
 * @param email    the email channel; on when {@code spring.mail.host} is set
 * @param sms      the SMS channel; on when a gateway URL is set
 * @param webhook  the webhook channel; on unless switched off, used by agencies with a webhook URL
 */
@ConfigurationProperties("caseflow.notifications")
public record NotificationProperties(
        @DefaultValue("Europe/Tirane") ZoneId timeZone,
        @DefaultValue Links links,
        @DefaultValue Delivery delivery,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue Webhook webhook) {

    /**
     * URI templates; {caseId} and {taskId} are filled in.
     *
     * @param caseUrl the case file page, where a person reads the case after signing in
     * @param taskUrl where a task is opened and completed
     */
    public record Links(
            @DefaultValue("http://localhost:8081/cases/{caseId}") String caseUrl,
            @DefaultValue("http://localhost:8080/camunda/app/tasklist/default/#/?task={taskId}") String taskUrl) {
    }

    /**
     * @param pollInterval   how often each channel's worker looks for due deliveries
     * @param lease          how long a claimed delivery is left to its worker before another may take it
     *                       (longer than the slowest send)
     * @param maxAttempts    tries before a delivery is given up
     * @param initialBackoff the pause after the first failed try
     * @param multiplier     the factor the pause grows by after each further failure
     * @param maxBackoff     the longest pause
     */
    public record Delivery(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("2m") Duration lease,
            @DefaultValue("6") int maxAttempts,
            @DefaultValue("30s") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("1h") Duration maxBackoff) {

        public Delivery {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("caseflow.notifications.delivery.max-attempts must be at least 1");
            }
            if (multiplier < 1.0) {
                throw new IllegalArgumentException("caseflow.notifications.delivery.multiplier must be at least 1");
            }
        }
    }

    /** @param from the sender address of notification emails */
    public record Email(@DefaultValue("caseflow@localhost") String from) {
    }

    /**
     * @param gatewayUrl where {"to", "text", "sender"} is POSTed; no URL, no SMS
     * @param token      sent as a bearer token to the gateway, when set
     * @param sender     the sender name the gateway shows
     * @param timeout    how long to wait for the gateway
     */
    public record Sms(URI gatewayUrl, String token, @DefaultValue("caseflow") String sender,
                      @DefaultValue("10s") Duration timeout) {
    }

    /**
     * @param enabled        whether agencies with a webhook get their notifications posted to it
     * @param connectTimeout how long to wait for a connection
     * @param timeout        how long to wait for the answer
     */
    public record Webhook(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration connectTimeout,
                          @DefaultValue("10s") Duration timeout) {
    }
}
