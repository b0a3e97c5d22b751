package org.patchcare.inventory.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormatsTest {

    @Test
    void device_count_reads_naturally_and_caps_at_ten_thousand() {
        assertThat(Formats.deviceCount(0)).isEqualTo("0 devices");
        assertThat(Formats.deviceCount(1)).isEqualTo("1 device");
        assertThat(Formats.deviceCount(1234)).isEqualTo("1,234 devices");
        assertThat(Formats.deviceCount(10_000)).isEqualTo("10,000 devices");
        assertThat(Formats.deviceCount(10_001)).isEqualTo("10,000+ devices");
    }
}
