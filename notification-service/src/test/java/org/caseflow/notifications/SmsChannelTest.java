package org.caseflow.notifications;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** SMS through an HTTP gateway at a configured URL, against a real HTTP server in this JVM. */
class SmsChannelTest extends NotificationServiceTest {

    @Test
    void sendsTheTitleAndTheLinkThroughTheGateway() throws Exception {
        String agency = agencyId("police-duty");
        String number = "+355 69 " + (1_000_000 + (int) (Math.random() * 8_000_000));
        addAgency(Map.of("id", agency, "name", "Policia, oficeri në detyrë", "smsNumber", number, "channels", List.of("SMS")));
        String caseId = caseId();

        publish(Events.request(caseId, List.of(agency), "trafficking-case-opened", true, null,
                        Map.of("childName", "Ana Hoxha")));

        Map<String, Object> sms = await().atMost(Duration.ofSeconds(30)).until(() -> channels.smsTo(number), l -> l.size() == 1).get(0);
        assertThat(sms).containsEntry("sender", "caseflow").containsEntry("authorization", "Bearer gateway-token");
        assertThat((String) sms.get("text")).isEqualTo("URGJENT: Rast me tregues trafikimi (rasti " + caseId + ")\n"
                + "http://localhost:8081/cases/" + caseId).doesNotContain("Ana");
        Map<String, Object> notification = notificationOf(agency, caseId);
        assertThat(sms).containsEntry("reference", notification.get("id"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveryOf(notification.get("id"), "SMS")).containsEntry("status", "SENT"));
    }

    @Test
    void retriesWhileTheGatewayIsDownThenSends() throws Exception {
        String agency = agencyId("shelter-night");
        String number = "+355 68 " + (1_000_000 + (int) (Math.random() * 8_000_000));
        addAgency(Map.of("id", agency, "name", "Strehëza", "smsNumber", number, "channels", List.of("SMS")));
        channels.smsAnswers(number, 503, 429);
        String caseId = caseId();

        publish(Events.request(caseId, agency));

        Map<String, Object> notification = notificationOf(agency, caseId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(deliveryOf(notification.get("id"), "SMS")).containsEntry("status", "SENT").containsEntry("attempts", 3));
        assertThat(channels.smsTo(number)).hasSize(1);
    }
}
