package org.caseflow.notifications.delivery;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.inbox.Notification;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Sends the notification as a plain-text email in UTF-8: the title as subject, the text as body. */
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final String from;

    EmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(Notification notification, Agency agency, UUID deliveryId) throws DeliveryFailed {
        if (agency.email() == null || agency.email().isBlank()) {
            throw DeliveryFailed.permanentFailure("the agency has no email address any more");
        }
        MimeMessage message = mail.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(agency.email());
            helper.setSubject(notification.title());
            helper.setText(notification.message());
            message.setHeader(WebhookSignature.NOTIFICATION_HEADER, notification.id().toString());
            if (notification.urgent()) {
                message.setHeader("Importance", "high");
            }
        } catch (MessagingException e) {
            throw DeliveryFailed.permanentFailure("the email cannot be written: " + e.getMessage());
        }
        try {
            mail.send(message);
        } catch (MailParseException | MailPreparationException e) {
            throw DeliveryFailed.permanentFailure("the email cannot be sent: " + e.getMessage());
        } catch (MailException e) {
            throw DeliveryFailed.transientFailure("the mail server did not take it: " + e.getMessage(), e);
        }
    }
}
