package org.patchcare.downtime.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DowntimeSettingsTest {

    @Test
    void defaults_are_a_day_for_escalation_and_reminders() {
        DowntimeSettings s = new DowntimeSettings(name -> null);
        assertThat(s.escalateAfter()).isEqualTo(Duration.ofHours(24));
        assertThat(s.reminderBefore()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void values_come_from_the_environment_and_a_bad_one_names_its_variable() {
        Map<String, String> env = Map.of("PATCHCARE_DOWNTIME_ESCALATE_AFTER_HOURS", "8",
                "PATCHCARE_DOWNTIME_REMINDER_HOURS", "2");
        DowntimeSettings s = new DowntimeSettings(env::get);
        assertThat(s.escalateAfter()).isEqualTo(Duration.ofHours(8));
        assertThat(s.reminderBefore()).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> new DowntimeSettings(Map.of("PATCHCARE_DOWNTIME_REMINDER_HOURS", "0")::get))
                .hasMessageContaining("PATCHCARE_DOWNTIME_REMINDER_HOURS=0");
    }

    @Test
    void the_duration_suggestion_uses_the_median_of_past_work_plus_a_restart_and_says_why() {
        var none = ChangeRequestService.suggestion(List.of(), false, List.of("Alaris 8015"));
        assertThat(none.minutes()).isEqualTo(60);
        assertThat(none.reason()).contains("No earlier change request of Alaris 8015").contains("default of 60");
        var past = ChangeRequestService.suggestion(List.of(40L, 50L, 90L), true, List.of("Alaris 8015"));
        assertThat(past.minutes()).isEqualTo(80);
        assertThat(past.reason()).contains("3 earlier completed change requests of Alaris 8015 took 50 minutes (median)")
                .contains("requires a restart, which adds 30 minutes");
        assertThat(ChangeRequestService.suggestion(List.of(40L, 50L), false, List.of()).minutes()).isEqualTo(45);
    }
}
