package org.caseflow.notifications;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.caseflow.events.NotificationRequested;
import org.caseflow.notifications.delivery.Deliveries;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.directory.Language;
import org.caseflow.notifications.inbox.Notification;
import org.caseflow.notifications.inbox.Notifications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Each event reaches each agency once on each channel: when it is delivered twice, and across a stop mid-send. */
class DeliveredOnceTest extends NotificationServiceTest {

    @Autowired
    Notifications notifications;
    @Autowired
    Deliveries deliveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    @SuppressWarnings("unchecked")
    void anEventDeliveredTwiceReachesTheAgencyOnceOnEachChannel() throws Exception {
        String agency = agencyId("police-unit");
        TestChannels.Webhook webhook = channels.webhook(agency, "secret-of-" + agency + "-0123456789");
        String address = agency + "@policia.example.org";
        String number = "+355 66 " + (1_000_000 + (int) (Math.random() * 8_000_000));
        addAgency(Map.of("id", agency, "name", "Njësia Antitrafik", "email", address, "smsNumber", number,
                "webhookUrl", webhook.url, "webhookSecret", webhook.secret, "channels", List.of("EMAIL", "SMS", "WEBHOOK")));
        String caseId = caseId();
        NotificationRequested request = Events.request(caseId, agency);

        publish(request, request);
        publish(request);

        await().atMost(Duration.ofSeconds(30)).until(() -> webhook.accepted().size() == 1 && channels.smsTo(number).size() == 1
                && mailsTo(address) == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> webhook.calls().size() == 1
                && channels.smsTo(number).size() == 1 && mailsTo(address) == 1);
        Map<String, Object> notification = notificationOf(agency, caseId);
        assertThat(deliveriesOf(notification.get("id"))).extracting(d -> d.get("channel") + " " + d.get("status"))
                .containsExactlyInAnyOrder("INBOX SENT", "EMAIL SENT", "SMS SENT", "WEBHOOK SENT");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSendCutShortByAStopIsSentAgainWhenItsLeaseEnds() {
        String agency = agencyId("court");
        TestChannels.Webhook webhook = channels.webhook(agency, "secret-of-" + agency + "-0123456789");
        addAgency(Map.of("id", agency, "name", "Gjykata", "webhookUrl", webhook.url, "webhookSecret", webhook.secret,
                "channels", List.of("WEBHOOK")));
        Instant now = Instant.now();
        Notification notification = new Notification(UUID.randomUUID(), agency, caseId(), UUID.randomUUID().toString(),
                "NotificationRequested", "NotificationRequested", "Njoftim", "Njoftim për rastin", Language.SQ,
                "http://localhost:8081/api/cases/x", false, null, now, null, null);

        // given the state a stopped instance leaves: the try claimed and counted, its lease running, no outcome
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            notifications.add(notification);
            deliveries.schedule(notification, Set.of(Channel.WEBHOOK), now);
            UUID delivery = jdbc.sql("select id from delivery where notification_id = ? and channel = 'WEBHOOK'")
                    .param(notification.id()).query(UUID.class).single();
            jdbc.sql("update delivery set attempts = 1, next_attempt_at = ? where id = ?")
                    .params(Timestamp.from(now.plusSeconds(2)), delivery).update();
            jdbc.sql("insert into delivery_attempt (delivery_id, attempt, started_at) values (?, 1, ?)")
                    .params(delivery, Timestamp.from(now)).update();
        });

        // then nobody sends it while the lease runs, and a worker takes it up once it has ended
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> webhook.calls().isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> webhook.accepted().size() == 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveryOf(notification.id(), "WEBHOOK")).containsEntry("status", "SENT").containsEntry("attempts", 2));
        List<Map<String, Object>> history = (List<Map<String, Object>>) deliveryOf(notification.id(), "WEBHOOK").get("history");
        assertThat(history).extracting(h -> h.get("outcome")).containsExactly(null, "SENT");
    }

    private static long mailsTo(String address) {
        return Arrays.stream(channels.smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.toString(m.getAllRecipients()).contains(address);
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).count();
    }
}
