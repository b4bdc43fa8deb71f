package org.caseflow.notifications.delivery;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.caseflow.notifications.NotificationProperties;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The channels this installation can send on beyond the inbox: email when a mail server is configured
 * ({@code spring.mail.host}), SMS when a gateway URL is, webhooks unless switched off. An agency gets
 * a notification on the channels it has switched on that are also available here.
 */
@Component
public class ChannelSenders {

    private static final Logger log = LoggerFactory.getLogger(ChannelSenders.class);

    private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);

    ChannelSenders(NotificationProperties properties, ObjectProvider<JavaMailSender> mail, ObjectMapper json, Clock clock) {
        mail.ifAvailable(sender -> senders.put(Channel.EMAIL, new EmailSender(sender, properties.email().from())));
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(properties.webhook().connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        NotificationProperties.Sms sms = properties.sms();
        if (sms.gatewayUrl() != null) {
            senders.put(Channel.SMS, new SmsSender(http, json, sms.gatewayUrl(), sms.token(), sms.sender(), sms.timeout()));
        }
        if (properties.webhook().enabled()) {
            senders.put(Channel.WEBHOOK, new WebhookSender(http, json, clock, properties.webhook().timeout()));
        }
        log.info("Notifications go to the inbox and the log{}", senders.isEmpty() ? ""
                : ", and on " + senders.keySet() + " to the agencies that have switched them on");
    }

    /** The channels available here, beside the inbox. */
    public Set<Channel> available() {
        return senders.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(senders.keySet()));
    }

    /** The channels the agency gets notifications on beside the inbox. */
    public Set<Channel> channelsOf(Agency agency) {
        EnumSet<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Channel channel : senders.keySet()) {
            if (agency.uses(channel)) {
                channels.add(channel);
            }
        }
        return channels;
    }

    Optional<ChannelSender> sender(Channel channel) {
        return Optional.ofNullable(senders.get(channel));
    }
}
