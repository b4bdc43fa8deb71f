package org.caseflow.notifications.delivery;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.inbox.Notification;

/** POSTs the notification as JSON to the agency's webhook, signed with its secret (see {@link WebhookSignature}). */
class WebhookSender implements ChannelSender {

    /**
     * The JSON body: the notification as the inbox has it, and nothing more.
     *
     * @param notificationId the same on every retry: a receiver drops a repeat by it
     */
    record Body(UUID notificationId, String eventId, String eventType, String event, String caseId, String agency,
                boolean urgent, Instant dueAt, String title, String message, String language, String link,
                Instant createdAt) {

        static Body of(Notification n) {
            return new Body(n.id(), n.eventId(), n.eventType(), n.event(), n.caseId(), n.agency(), n.urgent(), n.dueAt(),
                    n.title(), n.message(), n.language().code(), n.link(), n.createdAt());
        }
    }

    private final HttpClient http;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration timeout;

    WebhookSender(HttpClient http, ObjectMapper json, Clock clock, Duration timeout) {
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public void send(Notification notification, Agency agency, UUID deliveryId) throws DeliveryFailed {
        if (agency.webhookUrl() == null || !agency.hasWebhookSecret()) {
            throw DeliveryFailed.permanentFailure("the agency has no webhook URL and secret any more");
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(Body.of(notification));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the webhook body", e);
        }
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(agency.webhookUrl())
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(agency.webhookSecret(), timestamp, body))
                .header(WebhookSignature.NOTIFICATION_HEADER, notification.id().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpOutcomes.send(http, request, "The webhook");
    }
}
