package org.patchcare.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class SupportStatusTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void no_end_of_support_date_is_unknown() {
        assertThat(SupportStatus.of(null, TODAY)).isEqualTo(SupportStatus.UNKNOWN);
    }

    @Test
    void support_that_ended_yesterday_is_unsupported() {
        assertThat(SupportStatus.of(TODAY.minusDays(1), TODAY)).isEqualTo(SupportStatus.UNSUPPORTED);
        assertThat(SupportStatus.of(TODAY.minusYears(10), TODAY)).isEqualTo(SupportStatus.UNSUPPORTED);
    }

    @Test
    void support_ending_today_is_still_supported_but_ending_soon() {
        assertThat(SupportStatus.of(TODAY, TODAY)).isEqualTo(SupportStatus.ENDING_SOON);
    }

    @Test
    void support_ending_one_day_before_twelve_months_is_ending_soon() {
        assertThat(SupportStatus.of(TODAY.plusMonths(12).minusDays(1), TODAY)).isEqualTo(SupportStatus.ENDING_SOON);
    }

    @Test
    void support_ending_exactly_twelve_months_ahead_or_later_is_supported() {
        assertThat(SupportStatus.of(TODAY.plusMonths(12), TODAY)).isEqualTo(SupportStatus.SUPPORTED);
        assertThat(SupportStatus.of(TODAY.plusYears(5), TODAY)).isEqualTo(SupportStatus.SUPPORTED);
    }

    @Test
    void twelve_months_are_calendar_months_across_a_leap_day() {
        LocalDate leapDay = LocalDate.of(2028, 2, 29);
        assertThat(SupportStatus.of(LocalDate.of(2029, 2, 27), leapDay)).isEqualTo(SupportStatus.ENDING_SOON);
        assertThat(SupportStatus.of(LocalDate.of(2029, 2, 28), leapDay)).isEqualTo(SupportStatus.SUPPORTED);
    }

    @Test
    void every_status_has_a_label_for_people() {
        for (SupportStatus s : SupportStatus.values()) {
            assertThat(s.label()).isNotBlank().doesNotContain("_");
        }
    }
}
