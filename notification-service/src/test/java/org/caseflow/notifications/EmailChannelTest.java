package org.caseflow.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.caseflow.events.CaseEvents;
import org.caseflow.events.NotificationDeliveryChanged;
import org.caseflow.events.Topics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Email over SMTP, against GreenMail, a real SMTP server in this JVM; in the agency's language. */
class EmailChannelTest extends NotificationServiceTest {

    @Test
    void mailsAnAlbanianAgencyInAlbanian() throws Exception {
        String agency = agencyId("school");
        String address = agency + "@shkolla.example.org";
        addAgency(Map.of("id", agency, "name", "Shkolla 9-vjeçare Durrës", "email", address, "channels", List.of("EMAIL")));
        String caseId = caseId();

        publish(Events.taskCreated(caseId, "GiveTechnicalGroupInput", "Give the technical group input", List.of(agency),
                Instant.parse("2030-01-20T15:00:00Z")));

        MimeMessage mail = mailTo(address);
        assertThat(mail.getSubject()).isEqualTo("Detyrë e re: Kontributi për Grupin Teknik Ndërsektorial (GTN) (rasti " + caseId + ")");
        assertThat(mail.getContentType()).contains("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("Për: Shkolla 9-vjeçare Durrës", "Çfarë kërkohet:",
                "Afati: 20.01.2030 ora 16:00", caseId);
        assertThat(mail.getFrom()[0]).hasToString("caseflow@localhost");

        Map<String, Object> notification = notificationOf(agency, caseId);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(deliveryOf(notification.get("id"), "EMAIL")).containsEntry("status", "SENT").containsEntry("attempts", 1));
        assertThat(deliveryOf(notification.get("id"), "INBOX")).containsEntry("status", "SENT");
    }

    @Test
    void tellsTheOtherServicesWhereEachDeliveryStandsButNeverTheText() throws Exception {
        String agency = agencyId("school");
        String address = agency + "@shkolla.example.org";
        addAgency(Map.of("id", agency, "name", "Shkolla Durrës", "email", address, "channels", List.of("EMAIL")));
        String caseId = caseId();

        publish(Events.taskCreated(caseId, "GiveTechnicalGroupInput", "Give the technical group input", List.of(agency),
                Instant.parse("2030-01-20T15:00:00Z")));
        mailTo(address);

        List<NotificationDeliveryChanged> changes = await().atMost(Duration.ofSeconds(30)).until(() ->
                kafka.readAll(Topics.NOTIFICATION_EVENTS, caseId).stream()
                        .map(record -> (NotificationDeliveryChanged) CaseEvents.decode(record.value())).toList(),
                list -> list.stream().anyMatch(c -> c.getChannel().equals("EMAIL") && c.getStatus().equals("SENT")));
        assertThat(changes).extracting(c -> c.getAgency() + " " + c.getChannel() + " " + c.getStatus() + " " + c.getAttempts())
                .containsExactly(agency + " INBOX SENT 1", agency + " EMAIL PENDING 0", agency + " EMAIL SENT 1");
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.getAbout()).isEqualTo("TaskCreated");
            assertThat(c.getEnvelope().getCaseId()).isEqualTo(caseId);
            assertThat(c.toString()).doesNotContain("Detyrë").doesNotContain("Kontributi").doesNotContain(address);
        });
    }

    @Test
    void mailsAnEnglishSpeakingAgencyInEnglishAndMarksUrgency() throws Exception {
        String agency = agencyId("ngo");
        String address = agency + "@ngo.example.org";
        addAgency(Map.of("id", agency, "name", "Partner NGO", "language", "en", "email", address, "channels", List.of("EMAIL")));
        String caseId = caseId();

        publish(Events.request(caseId, List.of(agency), "trafficking-case-opened", true, null, Map.of()));

        MimeMessage mail = mailTo(address);
        assertThat(mail.getSubject()).isEqualTo("URGENT: Case with trafficking indicators (case " + caseId + ")");
        assertThat((String) mail.getContent()).contains("To: Partner NGO", "What is asked:", "National Referral Mechanism");
        assertThat(mail.getHeader("Importance")).containsExactly("high");
    }

    private static MimeMessage mailTo(String address) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(channels.smtp.getReceivedMessages())
                .filter(m -> recipients(m).contains(address)).toList(), list -> !list.isEmpty()).get(0);
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
