package org.patchcare.notifications.application;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSettingsTest {

    @Test
    void mail_is_off_by_default_with_local_defaults() {
        MailSettings s = new MailSettings(Map.<String, String>of()::get);
        assertThat(s.enabled()).isFalse();
        assertThat(s.host()).isEqualTo("localhost");
        assertThat(s.port()).isEqualTo(25);
        assertThat(s.user()).isNull();
        assertThat(s.startTls()).isFalse();
        assertThat(s.baseUrl()).isEqualTo("http://localhost:8080");
        assertThat(s.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.maxAttempts()).isEqualTo(8);
    }

    @Test
    void deep_links_are_the_base_url_a_slash_and_the_route() {
        MailSettings s = new MailSettings(Map.of("PATCHCARE_BASE_URL", "https://pc.example/app//")::get);
        assertThat(s.deepLink("controls")).isEqualTo("https://pc.example/app/controls");
        assertThat(s.deepLink("/exposures/12")).isEqualTo("https://pc.example/app/exposures/12");
        assertThat(s.deepLink(null)).isNull();
        assertThat(s.deepLink(" ")).isNull();
    }

    @Test
    void back_off_doubles_per_attempt_up_to_an_hour() {
        MailSettings s = new MailSettings(Map.of("PATCHCARE_MAIL_RETRY", "60")::get);
        assertThat(s.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.backoff(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(s.backoff(30)).isEqualTo(MailSettings.MAX_BACKOFF);
    }

    @Test
    void a_bad_value_names_the_variable() {
        assertThatThrownBy(() -> new MailSettings(Map.of("PATCHCARE_SMTP_PORT", "smtp")::get))
                .hasMessageContaining("PATCHCARE_SMTP_PORT=smtp");
        assertThatThrownBy(() -> new MailSettings(Map.of("PATCHCARE_MAIL_ENABLED", "maybe")::get))
                .hasMessageContaining("PATCHCARE_MAIL_ENABLED");
        assertThatThrownBy(() -> new MailSettings(Map.of("PATCHCARE_BASE_URL", "patchcare.example")::get))
                .hasMessageContaining("PATCHCARE_BASE_URL");
    }

    @Test
    void the_subject_keeps_one_line() {
        assertThat(MailSender.subject("a\r\nBcc: x\n\tb")).isEqualTo("[PatchCare] a Bcc: x b");
    }
}
