package org.caseflow.notifications.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.caseflow.notifications.directory.Agency;
import org.caseflow.notifications.directory.Channel;
import org.caseflow.notifications.directory.Language;
import org.caseflow.notifications.directory.OnCallHours;

/**
 * An agency as a supervisor enters it. The webhook secret is write-only: leave it out to keep the stored
 * one, send "" to remove it. On an update, a language or on-call hours left out keep their stored values.
 */
record AgencyRequest(
        @Pattern(regexp = Agency.ID_PATTERN, message = "must be an agency id such as cpu (lower-case letters and dashes)")
        String id,
        @NotBlank @Size(max = 300) String name,
        Language language,
        @Email @Size(max = 320) String email,
        @Pattern(regexp = PHONE, message = "must be a phone number such as +355 52 000 000") String phone,
        @Pattern(regexp = PHONE, message = "must be a phone number such as +355 69 000 0000") String smsNumber,
        URI webhookUrl,
        @Pattern(regexp = "|.{16,200}", message = "must be 16 to 200 characters (or empty to remove it)") String webhookSecret,
        Set<Channel> channels,
        @Valid OnCall onCall,
        @Size(max = 1000) String notes) {

    private static final String PHONE = "\\+?[0-9][0-9 ()-]{2,38}";

    /**
     * Always (24/7), or on the days between from and to (Albania's time; to before from runs over midnight).
     */
    record OnCall(boolean always, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

        @AssertTrue(message = "needs always, or days with a from and a different to time")
        boolean isComplete() {
            return always || days != null && !days.isEmpty() && from != null && to != null && !from.equals(to);
        }

        OnCallHours hours() {
            return always ? OnCallHours.ALWAYS : OnCallHours.on(days, from, to);
        }
    }

    /** A new agency: Albanian and always on call unless the request says otherwise. */
    Agency agency(String agencyId) {
        return agency(agencyId, Language.SQ, OnCallHours.ALWAYS);
    }

    /** The stored agency changed: a language or on-call hours left out stay as they are. */
    Agency agency(Agency stored) {
        return agency(stored.id(), stored.language(), stored.onCall());
    }

    private Agency agency(String agencyId, Language defaultLanguage, OnCallHours defaultHours) {
        return new Agency(agencyId, name.strip(), language == null ? defaultLanguage : language, blankToNull(email),
                blankToNull(phone), blankToNull(smsNumber), webhookUrl, webhookSecret,
                channels == null ? Set.of() : channels.stream().filter(c -> c != Channel.INBOX).collect(Collectors.toSet()),
                onCall == null ? defaultHours : onCall.hours(), blankToNull(notes));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
