package org.caseflow.localrun;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.caseflow.infra.FreePorts;

/**
 * A real SMTP server (GreenMail) that notes every message it accepts: its notification id, case and
 * recipient. It can hold its answer to the next message, so that the sender is stopped after the
 * message arrived and before it heard that it did: the one moment a crash makes an email go twice.
 */
final class MailReceiver extends Receiver<MailReceiver.Mail> {

    private static final Pattern CASE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** One message as it arrived. */
    record Mail(String notificationId, String caseId, String to) {
    }

    private final GreenMail server;

    MailReceiver() {
        server = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        UserManager users = server.getUserManager();
        users.setMessageDeliveryHandler((message, address) -> {
            // Called while the sender waits for the answer to its message, before "250 OK" is written.
            MimeMessage mime = message.getMessage();
            arrived(new Mail(header(mime), caseId(mime), address.getEmail()));
            return userFor(users, address.getEmail());
        });
        server.start();
    }

    int port() {
        return server.getSmtp().getPort();
    }

    @Override
    protected void stopServer() {
        server.stop();
    }

    private static GreenMailUser userFor(UserManager users, String email) throws UserException {
        GreenMailUser user = users.getUserByEmail(email);
        return user != null ? user : users.createUser(email, email, email);
    }

    private static String header(MimeMessage message) {
        try {
            String[] values = message.getHeader("X-Caseflow-Notification");
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    /** The case the message is about: its subject names the case id (never the child). */
    private static String caseId(MimeMessage message) {
        try {
            Matcher matcher = CASE_ID.matcher(String.valueOf(message.getSubject()));
            return matcher.find() ? matcher.group() : null;
        } catch (MessagingException e) {
            return null;
        }
    }
}
