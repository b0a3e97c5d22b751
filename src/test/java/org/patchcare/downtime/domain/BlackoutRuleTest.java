package org.patchcare.downtime.domain;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class BlackoutRuleTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    static final Set<DayOfWeek> EVERY_DAY = EnumSet.allOf(DayOfWeek.class);

    static Instant utc(String s) {
        return Instant.parse(s);
    }

    static Instant local(String s, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(s), zone).toInstant();
    }

    final BlackoutRule surgery = BlackoutRule.weekly("Weekday surgery", WEEKDAYS, LocalTime.of(7, 0), LocalTime.of(17, 0));

    @Test
    void weekday_blackout_holds_at_0730_local_in_winter_and_in_summer() {
        // 07:30 Berlin is 06:30 UTC in winter and 05:30 UTC in summer
        assertThat(surgery.overlaps(utc("2026-01-14T06:30:00Z"), utc("2026-01-14T06:45:00Z"), BERLIN)).isTrue();
        assertThat(surgery.overlaps(utc("2026-07-15T05:30:00Z"), utc("2026-07-15T05:45:00Z"), BERLIN)).isTrue();
        // 06:30 local in summer (04:30 UTC) is before it
        assertThat(surgery.overlaps(utc("2026-07-15T04:30:00Z"), utc("2026-07-15T05:00:00Z"), BERLIN)).isFalse();
    }

    @Test
    void weekday_blackout_leaves_weekends_and_evenings_free_and_touching_ends_do_not_overlap() {
        assertThat(surgery.overlaps(local("2026-12-05T09:00", BERLIN), local("2026-12-05T12:00", BERLIN), BERLIN))
                .as("Saturday").isFalse();
        assertThat(surgery.overlaps(local("2026-12-02T17:00", BERLIN), local("2026-12-02T20:00", BERLIN), BERLIN))
                .as("from 17:00").isFalse();
        assertThat(surgery.overlaps(local("2026-12-02T05:00", BERLIN), local("2026-12-02T07:00", BERLIN), BERLIN))
                .as("until 07:00").isFalse();
        assertThat(surgery.overlaps(local("2026-12-02T16:59", BERLIN), local("2026-12-02T18:00", BERLIN), BERLIN))
                .isTrue();
    }

    final BlackoutRule night = BlackoutRule.weekly("Night 01-03", EVERY_DAY, LocalTime.of(1, 0), LocalTime.of(3, 0));

    @Test
    void berlin_spring_forward_night_01_to_03_is_one_real_hour() {
        // 2026-03-29: 02:00 CET becomes 03:00 CEST; 01:00 CET = 00:00Z, 03:00 CEST = 01:00Z
        var o = night.firstOverlap(utc("2026-03-29T00:10:00Z"), utc("2026-03-29T00:20:00Z"), BERLIN).orElseThrow();
        assertThat(o.from()).isEqualTo(utc("2026-03-29T00:00:00Z"));
        assertThat(o.to()).isEqualTo(utc("2026-03-29T01:00:00Z"));
        assertThat(night.overlaps(utc("2026-03-29T01:00:00Z"), utc("2026-03-29T02:00:00Z"), BERLIN))
                .as("03:00-04:00 CEST is after it").isFalse();
    }

    @Test
    void berlin_fall_back_night_01_to_03_is_three_real_hours() {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET; 01:00 CEST = 23:00Z (24th), 03:00 CET = 02:00Z
        var o = night.firstOverlap(utc("2026-10-25T01:30:00Z"), utc("2026-10-25T01:40:00Z"), BERLIN).orElseThrow();
        assertThat(o.from()).isEqualTo(utc("2026-10-24T23:00:00Z"));
        assertThat(o.to()).isEqualTo(utc("2026-10-25T02:00:00Z"));
        assertThat(night.overlaps(utc("2026-10-25T02:00:00Z"), utc("2026-10-25T03:00:00Z"), BERLIN)).isFalse();
    }

    @Test
    void new_york_dst_nights_keep_the_local_hours() {
        // 2026-03-08: 02:00 EST becomes 03:00 EDT; 01:00 EST = 06:00Z, 03:00 EDT = 07:00Z
        var spring = night.firstOverlap(utc("2026-03-08T06:30:00Z"), utc("2026-03-08T06:40:00Z"), NEW_YORK).orElseThrow();
        assertThat(spring.from()).isEqualTo(utc("2026-03-08T06:00:00Z"));
        assertThat(spring.to()).isEqualTo(utc("2026-03-08T07:00:00Z"));
        // 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:00 EDT = 05:00Z, 03:00 EST = 08:00Z
        var fall = night.firstOverlap(utc("2026-11-01T07:30:00Z"), utc("2026-11-01T07:40:00Z"), NEW_YORK).orElseThrow();
        assertThat(fall.from()).isEqualTo(utc("2026-11-01T05:00:00Z"));
        assertThat(fall.to()).isEqualTo(utc("2026-11-01T08:00:00Z"));
    }

    @Test
    void a_window_spanning_the_change_is_caught_by_the_blackout_it_crosses() {
        // a window from 00:30 to 04:30 Berlin on the spring-forward night (3 real hours) crosses 01:00-03:00
        Instant start = local("2026-03-29T00:30", BERLIN);
        Instant end = local("2026-03-29T04:30", BERLIN);
        assertThat(java.time.Duration.between(start, end).toHours()).isEqualTo(3);
        assertThat(night.overlaps(start, end, BERLIN)).isTrue();
        assertThat(surgery.overlaps(start, end, BERLIN)).as("a Sunday").isFalse();
    }

    @Test
    void a_recurring_blackout_crossing_midnight_holds_after_midnight_on_the_next_day() {
        BlackoutRule friNight = BlackoutRule.weekly("Friday night", EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0),
                LocalTime.of(6, 0));
        // Saturday 2026-12-05 05:00 belongs to Friday's occurrence
        assertThat(friNight.overlaps(local("2026-12-05T05:00", BERLIN), local("2026-12-05T05:30", BERLIN), BERLIN))
                .isTrue();
        assertThat(friNight.overlaps(local("2026-12-05T06:00", BERLIN), local("2026-12-05T22:30", BERLIN), BERLIN))
                .as("Saturday day and night are free").isFalse();
        assertThat(friNight.overlaps(local("2026-12-04T21:00", BERLIN), local("2026-12-04T22:01", BERLIN), BERLIN))
                .isTrue();
        // on the fall-back night (Fri 2026-10-30 in New York is not DST; use Berlin's 2026-10-23/24: plain)
        assertThat(friNight.describe(BERLIN)).isEqualTo("Fri 22:00–06:00 (next day) Europe/Berlin");
    }

    @Test
    void single_day_holiday_covers_the_whole_local_day_also_on_a_dst_day() {
        BlackoutRule christmas = BlackoutRule.days("Christmas Day", LocalDate.of(2026, 12, 25), null);
        assertThat(christmas.overlaps(local("2026-12-25T00:00", NEW_YORK), local("2026-12-25T00:30", NEW_YORK),
                NEW_YORK)).isTrue();
        assertThat(christmas.overlaps(local("2026-12-24T22:00", NEW_YORK), local("2026-12-25T00:00", NEW_YORK),
                NEW_YORK)).isFalse();
        assertThat(christmas.overlaps(local("2026-12-26T00:00", NEW_YORK), local("2026-12-26T02:00", NEW_YORK),
                NEW_YORK)).isFalse();
        // 2026-10-25 in Berlin has 25 hours; the whole local day is blacked out
        var o = BlackoutRule.days("Fall back", LocalDate.of(2026, 10, 25), LocalDate.of(2026, 10, 25))
                .firstOverlap(utc("2026-10-25T12:00:00Z"), utc("2026-10-25T13:00:00Z"), BERLIN).orElseThrow();
        assertThat(java.time.Duration.between(o.from(), o.to()).toHours()).isEqualTo(25);
        assertThat(christmas.describe(NEW_YORK)).isEqualTo("2026-12-25 (whole day) America/New_York");
    }

    @Test
    void describes_weekdays_as_a_range() {
        assertThat(surgery.describe(BERLIN)).isEqualTo("Mon–Fri 07:00–17:00 Europe/Berlin");
        assertThat(BlackoutRule.dayList(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY))).isEqualTo("Sat, Sun");
    }

    @Test
    void refuses_incomplete_or_contradictory_rules_naming_each_field() {
        assertThat(BlackoutRule.weekly(" ", Set.of(), null, null).problems())
                .extracting(v -> v.field()).containsExactly("title", "days", "localStart", "localEnd");
        assertThat(BlackoutRule.weekly("x", WEEKDAYS, LocalTime.NOON, LocalTime.NOON).problems())
                .extracting(v -> v.field()).containsExactly("localEnd");
        assertThat(BlackoutRule.days("x", LocalDate.of(2026, 12, 26), LocalDate.of(2026, 12, 25)).problems())
                .extracting(v -> v.field()).containsExactly("lastDay");
        assertThat(new BlackoutRule("x", false, WEEKDAYS, null, null, null, null).problems())
                .extracting(v -> v.field()).containsExactly("firstDay", "days");
        assertThat(surgery.problems()).isEmpty();
        assertThat(BlackoutRule.parseDays(BlackoutRule.formatDays(WEEKDAYS))).isEqualTo(WEEKDAYS);
        assertThat(BlackoutRule.formatDays(WEEKDAYS)).isEqualTo("MO,TU,WE,TH,FR");
    }
}
