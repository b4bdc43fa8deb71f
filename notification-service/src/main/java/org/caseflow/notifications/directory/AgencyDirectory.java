package org.caseflow.notifications.directory;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;

import org.caseflow.notifications.InvalidField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the directory consistent: a channel is switched on only with its address, a webhook only with
 * its secret and over HTTPS (plain HTTP only to this machine), and the secret is kept when an update
 * does not repeat it.
 */
@Service
public class AgencyDirectory {

    private static final Logger log = LoggerFactory.getLogger(AgencyDirectory.class);

    private final Agencies agencies;

    AgencyDirectory(Agencies agencies) {
        this.agencies = agencies;
    }

    public List<Agency> all() {
        return agencies.all();
    }

    public Agency get(String id) {
        return agencies.find(id).orElseThrow(() -> new AgencyNotFound(id));
    }

    @Transactional
    public Agency create(Agency agency) {
        Agency checked = checked(agency);
        if (!agencies.insert(checked)) {
            throw new AgencyAlreadyExists(agency.id());
        }
        log.info("Agency {} added to the directory (channels: {})", checked.id(), checked.channels());
        return checked;
    }

    /**
     * Replaces the agency's entry. A null webhook secret keeps the stored one; an empty one removes it.
     */
    @Transactional
    public Agency update(Agency agency) {
        Agency stored = get(agency.id());
        String secret = agency.webhookSecret() == null ? stored.webhookSecret()
                : agency.webhookSecret().isBlank() ? null : agency.webhookSecret();
        Agency checked = checked(new Agency(agency.id(), agency.name(), agency.language(), agency.email(),
                agency.phone(), agency.smsNumber(), agency.webhookUrl(), secret, agency.channels(), agency.onCall(),
                agency.notes()));
        if (!agencies.update(checked)) {
            throw new AgencyNotFound(agency.id());
        }
        log.info("Agency {} changed in the directory (channels: {})", checked.id(), checked.channels());
        return checked;
    }

    private static Agency checked(Agency agency) {
        if (agency.channels().contains(Channel.EMAIL) && isBlank(agency.email())) {
            throw new InvalidField("email", "is needed for the EMAIL channel");
        }
        if (agency.channels().contains(Channel.SMS) && isBlank(agency.smsNumber())) {
            throw new InvalidField("smsNumber", "is needed for the SMS channel");
        }
        if (agency.channels().contains(Channel.WEBHOOK)) {
            if (agency.webhookUrl() == null) {
                throw new InvalidField("webhookUrl", "is needed for the WEBHOOK channel");
            }
            if (!agency.hasWebhookSecret()) {
                throw new InvalidField("webhookSecret", "is needed for the WEBHOOK channel");
            }
        }
        if (agency.webhookUrl() != null) {
            checkWebhookUrl(agency.webhookUrl());
        }
        return agency;
    }

    /** HTTPS, or plain HTTP to this machine (a receiver on the same host, or a test). */
    private static void checkWebhookUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (url.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new InvalidField("webhookUrl", "must be an absolute https URL");
        }
        if (scheme.equals("http") && !isLoopback(url.getHost())) {
            throw new InvalidField("webhookUrl", "must use https (plain http only to localhost)");
        }
    }

    private static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            return false; // a name: not resolved here, so no DNS lookup decides what a supervisor may enter
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
