package org.patchcare.risk.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.patchcare.risk.domain.Outcome;
import org.patchcare.risk.domain.RiskPolicy;
import org.patchcare.risk.domain.SystemExposure;

import java.time.Duration;
import java.util.Map;

class RiskSettingsTest {

    @Test
    void without_settings_the_defaults_hold() {
        RiskPolicy p = RiskSettings.read(name -> null);
        assertThat(p.dueTime(Outcome.IMMEDIATE)).isEqualTo(Duration.ofHours(72));
        assertThat(p.dueTime(Outcome.OUT_OF_CYCLE)).isEqualTo(Duration.ofDays(14));
        assertThat(p.dueTime(Outcome.SCHEDULED)).isEqualTo(Duration.ofDays(90));
        assertThat(p.epssThreshold()).isEqualTo(0.1);
        assertThat(p.clinicalNetwork()).isEqualTo(SystemExposure.CONTROLLED);
    }

    @Test
    void due_times_threshold_and_network_rule_are_read_from_the_environment() {
        Map<String, String> env = Map.of("PATCHCARE_RISK_DUE_IMMEDIATE", "48h", "PATCHCARE_RISK_DUE_SCHEDULED", "30d",
                "PATCHCARE_RISK_DUE_DEFER", "P200D", "PATCHCARE_RISK_EPSS_THRESHOLD", "0.05",
                "PATCHCARE_RISK_CLINICAL_NETWORK", "open");
        RiskPolicy p = RiskSettings.read(env::get);
        assertThat(p.dueTime(Outcome.IMMEDIATE)).isEqualTo(Duration.ofHours(48));
        assertThat(p.dueTime(Outcome.SCHEDULED)).isEqualTo(Duration.ofDays(30));
        assertThat(p.dueTime(Outcome.DEFER)).isEqualTo(Duration.ofDays(200));
        assertThat(p.epssThreshold()).isEqualTo(0.05);
        assertThat(p.clinicalNetwork()).isEqualTo(SystemExposure.OPEN);
    }

    @Test
    void a_bad_value_names_the_variable() {
        assertThatThrownBy(() -> RiskSettings.read(Map.of("PATCHCARE_RISK_DUE_IMMEDIATE", "soon")::get))
                .hasMessageContaining("PATCHCARE_RISK_DUE_IMMEDIATE=soon");
        assertThatThrownBy(() -> RiskSettings.read(Map.of("PATCHCARE_RISK_EPSS_THRESHOLD", "1.5")::get))
                .hasMessageContaining("EPSS threshold");
        assertThatThrownBy(() -> RiskSettings.read(Map.of("PATCHCARE_RISK_CLINICAL_NETWORK", "wide")::get))
                .hasMessageContaining("PATCHCARE_RISK_CLINICAL_NETWORK");
    }
}
