package org.patchcare.identity.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLimitsTest {

    private static final Instant T0 = Instant.parse("2026-11-24T08:00:00Z");

    @Test
    void lockouts_double_from_one_minute_up_to_thirty() {
        LoginLimits l = LoginLimits.PER_USER;
        assertThat(l.lockFor(0)).isEqualTo(Duration.ofMinutes(1));
        assertThat(l.lockFor(1)).isEqualTo(Duration.ofMinutes(2));
        assertThat(l.lockFor(4)).isEqualTo(Duration.ofMinutes(16));
        assertThat(l.lockFor(5)).isEqualTo(Duration.ofMinutes(30));
        assertThat(l.lockFor(63)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void the_fifth_failure_in_a_row_locks_the_user_for_a_minute() {
        LoginAttempt a = new LoginAttempt(LoginAttempt.userKey("nurse"), T0);
        for (int i = 0; i < 4; i++) {
            assertThat(a.fail(T0.plusSeconds(i), LoginLimits.PER_USER)).isFalse();
        }
        assertThat(a.lockedFor(T0.plusSeconds(4))).isZero();
        assertThat(a.fail(T0.plusSeconds(4), LoginLimits.PER_USER)).isTrue();
        assertThat(a.lockedFor(T0.plusSeconds(4))).isEqualTo(Duration.ofMinutes(1));
        assertThat(a.lockedFor(T0.plusSeconds(64))).isZero();
    }

    @Test
    void the_next_five_failures_lock_for_twice_as_long() {
        LoginAttempt a = new LoginAttempt(LoginAttempt.userKey("nurse"), T0);
        for (int i = 0; i < 5; i++) {
            a.fail(T0, LoginLimits.PER_USER);
        }
        Instant later = T0.plus(Duration.ofMinutes(2));
        for (int i = 0; i < 4; i++) {
            assertThat(a.fail(later, LoginLimits.PER_USER)).isFalse();
        }
        assertThat(a.fail(later, LoginLimits.PER_USER)).isTrue();
        assertThat(a.lockedFor(later)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void failures_older_than_a_day_are_forgotten() {
        LoginAttempt a = new LoginAttempt(LoginAttempt.userKey("nurse"), T0);
        for (int i = 0; i < 9; i++) {
            a.fail(T0, LoginLimits.PER_USER); // one lockout and four failures
        }
        Instant nextDay = T0.plus(Duration.ofHours(25));
        assertThat(a.fail(nextDay, LoginLimits.PER_USER)).isFalse();
        assertThat(a.getFailures()).isEqualTo(1);
        assertThat(a.getLockouts()).isZero();
    }

    @Test
    void an_address_is_locked_only_after_thirty_failures() {
        LoginAttempt a = new LoginAttempt(LoginAttempt.addressKey("10.0.0.7"), T0);
        for (int i = 0; i < 29; i++) {
            assertThat(a.fail(T0.plusSeconds(i), LoginLimits.PER_ADDRESS)).isFalse();
        }
        assertThat(a.fail(T0.plusSeconds(29), LoginLimits.PER_ADDRESS)).isTrue();
    }

    @Test
    void keys_longer_than_the_column_are_cut() {
        assertThat(LoginAttempt.userKey("x".repeat(300))).hasSize(LoginAttempt.KEY_MAX);
    }
}
