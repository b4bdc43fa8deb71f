package org.caseflow.notifications.web;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.directory.Language;
import org.caseflow.notifications.directory.OnCallHours;

/**
 * An agency as the API shows it: everything but the webhook secret, of which only whether it is set.
 *
 * @param onCallNow whether the agency answers at this moment, by its on-call hours
 */
record AgencyView(String id, String name, Language language, String email, String phone, String smsNumber,
                  URI webhookUrl, boolean webhookSecretSet, Set<Channel> channels, OnCallHours onCall, boolean onCallNow,
                  String notes) {

    static AgencyView of(Agency agency, ZoneId zone) {
        return new AgencyView(agency.id(), agency.name(), agency.language(), agency.email(), agency.phone(),
                agency.smsNumber(), agency.webhookUrl(), agency.hasWebhookSecret(), agency.channels(), agency.onCall(),
                agency.onCall().covers(ZonedDateTime.now(zone)), agency.notes());
    }
}
