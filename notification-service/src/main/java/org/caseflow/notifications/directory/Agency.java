package org.caseflow.notifications.directory;

import java.net.URI;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * An agency of the directory. Its id is the one used everywhere (candidate groups, routes, inboxes).
 * Channels other than the inbox are used only when switched on here and globally configured.
 *
 * @param webhookSecret the key the webhook body is signed with; never shown by the API or the logs
 */
public record Agency(
        String id,
        String name,
        Language language,
        String email,
        String phone,
        String smsNumber,
        URI webhookUrl,
        String webhookSecret,
        Set<Channel> channels,
        OnCallHours onCall,
        String notes) {

    /** Agency ids: lower-case letters and dashes, as in DOMAIN.md (cpu, emergency-centre). */
    public static final String ID_PATTERN = "[a-z][a-z-]{1,49}";

    public Agency {
        channels = channels == null || channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
        language = language == null ? Language.SQ : language;
        onCall = onCall == null ? OnCallHours.ALWAYS : onCall;
    }

    /** Whether the agency wants its notifications on that channel (the inbox always). */
    public boolean uses(Channel channel) {
        return channel == Channel.INBOX || channels.contains(channel);
    }

    public boolean hasWebhookSecret() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    /** Keeps the secret out of logs and messages. */
    @Override
    public String toString() {
        return "Agency[id=" + id + ", language=" + language.code() + ", channels=" + channels + "]";
    }
}
