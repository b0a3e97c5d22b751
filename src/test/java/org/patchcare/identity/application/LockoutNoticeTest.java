package org.patchcare.identity.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutNoticeTest {

    @Test
    void the_message_names_the_count_the_address_and_the_time_in_the_hospitals_zone() {
        assertThat(LockoutNotice.text(5, "10.1.2.3", Instant.parse("2026-11-24T22:30:00Z"), ZoneId.of("Europe/Berlin")))
                .isEqualTo("Your PatchCare account was locked after 5 failed logins from 10.1.2.3 at 2026-11-24 23:30 "
                        + "(Europe/Berlin); if this was not you, tell IT security.");
    }

    @Test
    void an_unknown_address_is_said_so() {
        assertThat(LockoutNotice.text(5, null, Instant.EPOCH, ZoneId.of("UTC"))).contains("from an unknown address at");
    }

    @Test
    void counters_are_kept_a_day_beyond_the_longest_window_the_limits_look_back_on() {
        assertThat(LoginAttemptCleanup.KEEP).isEqualTo(Duration.ofHours(48));
    }
}
