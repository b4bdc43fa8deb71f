package org.caseflow.notifications.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnCallHoursTest {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static final OnCallHours OFFICE = OnCallHours.on(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0), LocalTime.of(16, 0));

    @Test
    void officeHoursCoverWeekdaysBetweenEightAndFour() {
        assertThat(OFFICE.covers(at(2030, 1, 14, 8, 0))).isTrue();   // Monday
        assertThat(OFFICE.covers(at(2030, 1, 14, 15, 59))).isTrue();
        assertThat(OFFICE.covers(at(2030, 1, 14, 16, 0))).isFalse();
        assertThat(OFFICE.covers(at(2030, 1, 19, 10, 0))).isFalse(); // Saturday
    }

    @Test
    void nightShiftsRunOverMidnight() {
        OnCallHours nights = OnCallHours.on(EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(6, 0));
        assertThat(nights.covers(at(2030, 1, 18, 23, 0))).isTrue();  // Friday night
        assertThat(nights.covers(at(2030, 1, 19, 5, 0))).isTrue();   // Saturday early
        assertThat(nights.covers(at(2030, 1, 19, 7, 0))).isFalse();
        assertThat(nights.covers(at(2030, 1, 17, 23, 0))).isFalse(); // Thursday
    }

    @Test
    void alwaysMeansAlways() {
        assertThat(OnCallHours.ALWAYS.covers(at(2030, 1, 19, 3, 0))).isTrue();
    }

    @Test
    void hoursNeedDaysAndTwoDifferentTimes() {
        assertThatThrownBy(() -> OnCallHours.on(EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON, LocalTime.MIDNIGHT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OnCallHours.on(EnumSet.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ZonedDateTime at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, TIRANE);
    }
}
