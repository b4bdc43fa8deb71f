package org.caseflow.notifications.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * When an agency answers: always (24/7), or on some days between two times of day (in Albania's time).
 * A range whose end is before its start runs over midnight into the next day.
 */
public record OnCallHours(boolean always, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public static final OnCallHours ALWAYS = new OnCallHours(true, Set.of(), null, null);

    public OnCallHours {
        days = days == null || days.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(days));
        if (!always && (days.isEmpty() || from == null || to == null || from.equals(to))) {
            throw new IllegalArgumentException("On-call hours need always, or days with a from and a different to time");
        }
        if (always) {
            days = Set.of();
            from = null;
            to = null;
        }
    }

    public static OnCallHours on(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
        return new OnCallHours(false, days, from, to);
    }

    /** Whether the agency answers at that moment (given in the zone the hours are meant in). */
    public boolean covers(ZonedDateTime moment) {
        if (always) {
            return true;
        }
        LocalTime time = moment.toLocalTime();
        DayOfWeek day = moment.getDayOfWeek();
        if (from.isBefore(to)) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        return days.contains(day) && !time.isBefore(from) || days.contains(day.minus(1)) && time.isBefore(to);
    }
}
