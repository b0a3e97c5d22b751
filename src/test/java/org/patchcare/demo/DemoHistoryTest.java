package org.patchcare.demo;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DemoHistoryTest {

    @Test
    void the_version_before_a_patch_lowers_the_last_number() {
        assertThat(DemoHistory.fromVersion("4.2.1")).isEqualTo("4.2.0");
        assertThat(DemoHistory.fromVersion("7.10")).isEqualTo("7.9");
        assertThat(DemoHistory.fromVersion("R12b")).isEqualTo("R11b");
        assertThat(DemoHistory.fromVersion("2.0")).isEqualTo("before 2.0");
        assertThat(DemoHistory.fromVersion("SP")).isEqualTo("before SP");
    }

    @Test
    void work_starts_when_everything_is_ready() {
        Instant a = Instant.parse("2026-03-01T10:00:00Z");
        Instant b = Instant.parse("2026-03-05T10:00:00Z");
        assertThat(DemoHistory.latest(List.of(a, b), Instant.parse("2026-03-02T00:00:00Z"))).isEqualTo(b);
        assertThat(DemoHistory.latest(List.of(a), b)).as("the vendor fix came later").isEqualTo(b);
        assertThat(DemoHistory.latest(Arrays.asList(a, null), a)).as("one exposure not triaged yet").isNull();
    }
}
