package org.caseflow.notifications.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.inbox.Notification;

/**
 * Sends the notification's title and link as an SMS through an HTTP gateway: a POST of
 * {@code {"to", "text", "sender", "reference"}} as JSON, with a bearer token when one is configured.
 */
class SmsSender implements ChannelSender {

    private final HttpClient http;
    private final ObjectMapper json;
    private final URI gateway;
    private final String token;
    private final String sender;
    private final Duration timeout;

    SmsSender(HttpClient http, ObjectMapper json, URI gateway, String token, String sender, Duration timeout) {
        this.http = http;
        this.json = json;
        this.gateway = gateway;
        this.token = token;
        this.sender = sender;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** The SMS: the title (what, which case, urgent or not) and where to look. */
    static String text(Notification notification) {
        return notification.link() == null ? notification.title() : notification.title() + "\n" + notification.link();
    }

    @Override
    public void send(Notification notification, Agency agency, UUID deliveryId) throws DeliveryFailed {
        if (agency.smsNumber() == null || agency.smsNumber().isBlank()) {
            throw DeliveryFailed.permanentFailure("the agency has no SMS number any more");
        }
        Map<String, String> message = new LinkedHashMap<>();
        message.put("to", agency.smsNumber());
        message.put("text", text(notification));
        message.put("sender", sender);
        message.put("reference", notification.id().toString());
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(gateway)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the SMS request", e);
        }
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpOutcomes.send(http, request.build(), "The SMS gateway");
    }
}
