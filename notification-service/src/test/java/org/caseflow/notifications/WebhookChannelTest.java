package org.caseflow.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks: a JSON body signed with HMAC-SHA256 under the agency's secret, posted to a real HTTP server
 * that verifies it as a receiver would; retries with backoff, gives up, and never holds up the other channels.
 */
class WebhookChannelTest extends NotificationServiceTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    @SuppressWarnings("unchecked")
    void postsASignedBodyThatTheReceiverVerifiesAndThatSaysNothingOfTheChild() throws Exception {
        TestChannels.Webhook webhook = webhookAgency("police-system");
        String agency = agencyOf(webhook);
        String caseId = caseId();

        publish(Events.request(caseId, List.of(agency), "trafficking-case-opened", false,
                Instant.parse("2030-02-01T12:00:00Z"), Map.of("childName", "Ana Hoxha", "narrative", "begging near the port")));

        TestChannels.Webhook.Call call = await().atMost(Duration.ofSeconds(30)).until(webhook::calls, c -> !c.isEmpty()).get(0);
        assertThat(call.verified()).as("signature and timestamp verified with the agency's secret").isTrue();
        Map<String, Object> body = json.readValue(call.body(), Map.class);
        assertThat(body.keySet()).containsExactlyInAnyOrder("notificationId", "eventId", "eventType", "event", "caseId",
                "agency", "urgent", "dueAt", "title", "message", "language", "link", "createdAt");
        assertThat(body).containsEntry("caseId", caseId).containsEntry("agency", agency).containsEntry("language", "sq")
                .containsEntry("dueAt", "2030-02-01T12:00:00Z").containsEntry("notificationId", call.notificationId());
        assertThat(call.text()).doesNotContain("Ana", "Hoxha", "begging", "port");

        Map<String, Object> notification = notificationOf(agency, caseId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveryOf(notification.get("id"), "WEBHOOK")).containsEntry("status", "SENT").containsEntry("attempts", 1));
    }

    @Test
    @SuppressWarnings("unchecked")
    void retriesWithGrowingPausesUntilTheReceiverTakesIt() throws Exception {
        TestChannels.Webhook webhook = webhookAgency("shelter-intake").answering(503, 500);
        String agency = agencyOf(webhook);
        String caseId = caseId();

        publish(Events.request(caseId, agency));

        Map<String, Object> notification = notificationOf(agency, caseId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveryOf(notification.get("id"), "WEBHOOK")).containsEntry("status", "SENT").containsEntry("attempts", 3));
        Map<String, Object> delivery = deliveryOf(notification.get("id"), "WEBHOOK");
        List<Map<String, Object>> history = (List<Map<String, Object>>) delivery.get("history");
        assertThat(history).extracting(h -> h.get("outcome")).containsExactly("FAILED", "FAILED", "SENT");
        assertThat((String) history.get(0).get("error")).contains("HTTP 503");
        Duration firstPause = between(history.get(0).get("finishedAt"), history.get(1).get("startedAt"));
        Duration secondPause = between(history.get(1).get("finishedAt"), history.get(2).get("startedAt"));
        assertThat(firstPause).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(secondPause).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(webhook.accepted()).hasSize(3);
        assertThat(webhook.calls()).extracting(TestChannels.Webhook.Call::notificationId).containsOnly((String) notification.get("id"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void givesUpAfterTheLastTry() throws Exception {
        TestChannels.Webhook webhook = webhookAgency("statistics").answeringAlways(503);
        String agency = agencyOf(webhook);
        String caseId = caseId();

        publish(Events.request(caseId, agency));

        Map<String, Object> notification = notificationOf(agency, caseId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveryOf(notification.get("id"), "WEBHOOK")).containsEntry("status", "GIVEN_UP")
                        .containsEntry("attempts", MAX_ATTEMPTS));
        assertThat(webhook.calls()).hasSize(MAX_ATTEMPTS);
        assertThat((String) deliveryOf(notification.get("id"), "WEBHOOK").get("lastError")).contains("HTTP 503");
        List<Map<String, Object>> givenUp = http.getForObject("/api/deliveries?status=GIVEN_UP&agency=" + agency, List.class);
        assertThat(givenUp).singleElement().satisfies(d -> assertThat(d).containsEntry("notificationId", notification.get("id")));
        assertThat(notificationOf(agency, caseId)).as("the inbox has it all the same").isNotNull();
    }

    @Test
    void aReceiverThatRefusesForGoodIsNotAskedAgain() throws Exception {
        TestChannels.Webhook webhook = webhookAgency("old-system").answeringAlways(410);
        String agency = agencyOf(webhook);
        String caseId = caseId();

        publish(Events.request(caseId, agency));

        Map<String, Object> notification = notificationOf(agency, caseId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveryOf(notification.get("id"), "WEBHOOK")).containsEntry("status", "FAILED").containsEntry("attempts", 1));
        assertThat(webhook.calls()).hasSize(1);
    }

    @Test
    void aStuckWebhookHoldsUpNeitherEmailNorSms() throws Exception {
        String agency = agencyId("hospital");
        TestChannels.Webhook webhook = channels.webhook(agency, "secret-of-" + agency + "-hospital").holding();
        String address = agency + "@spitali.example.org";
        String number = "+355 67 " + (1_000_000 + (int) (Math.random() * 8_000_000));
        addAgency(Map.of("id", agency, "name", "Spitali Rajonal Durrës", "email", address, "smsNumber", number,
                "webhookUrl", webhook.url, "webhookSecret", webhook.secret, "channels", List.of("EMAIL", "SMS", "WEBHOOK")));
        String caseId = caseId();
        try {
            publish(Events.request(caseId, agency));

            await().atMost(Duration.ofSeconds(30)).until(() -> !webhook.calls().isEmpty());
            await().atMost(Duration.ofSeconds(15)).until(() -> channels.smsTo(number).size() == 1
                    && java.util.Arrays.stream(channels.smtp.getReceivedMessages()).anyMatch(m -> recipientIs(m, address)));
            Map<String, Object> notification = notificationOf(agency, caseId);
            assertThat(deliveryOf(notification.get("id"), "WEBHOOK")).as("still in flight").containsEntry("status", "PENDING");
        } finally {
            webhook.release();
        }
        Map<String, Object> notification = notificationOf(agency, caseId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveryOf(notification.get("id"), "WEBHOOK")).containsEntry("status", "SENT"));
    }

    private TestChannels.Webhook webhookAgency(String prefix) {
        String agency = agencyId(prefix);
        TestChannels.Webhook webhook = channels.webhook(agency, "secret-of-" + agency + "-0123456789");
        addAgency(Map.of("id", agency, "name", "Receiver " + prefix, "webhookUrl", webhook.url,
                "webhookSecret", webhook.secret, "channels", List.of("WEBHOOK")));
        return webhook;
    }

    private static String agencyOf(TestChannels.Webhook webhook) {
        return webhook.url.substring(webhook.url.lastIndexOf('/') + 1);
    }

    private static Duration between(Object from, Object to) {
        return Duration.between(Instant.parse((String) from), Instant.parse((String) to));
    }

    private static boolean recipientIs(jakarta.mail.internet.MimeMessage message, String address) {
        try {
            return java.util.Arrays.toString(message.getAllRecipients()).contains(address);
        } catch (jakarta.mail.MessagingException e) {
            return false;
        }
    }
}
