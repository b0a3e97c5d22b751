package org.patchcare.shared.metrics;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppMetricsTest {

    @Test
    void writesThePrometheusTextFormat() {
        AppMetrics m = new AppMetrics();
        m.count("patchcare_x_total", "Things", 2, "route", "/api/v1/devices", "status", "200");
        m.count("patchcare_x_total", "Things", 3, "route", "/api/v1/devices", "status", "200");
        m.time("patchcare_t_seconds", "Time", 1_500_000_000L, "mode", "import");
        m.set("patchcare_up", "Up", 1);
        m.add("patchcare_busy", "Busy", 500);
        m.add("patchcare_busy", "Busy", -200);
        assertEquals("""
                # HELP patchcare_busy Busy
                # TYPE patchcare_busy gauge
                patchcare_busy 300
                # HELP patchcare_t_seconds Time
                # TYPE patchcare_t_seconds summary
                patchcare_t_seconds_count{mode="import"} 1
                patchcare_t_seconds_sum{mode="import"} 1.500000
                # HELP patchcare_up Up
                # TYPE patchcare_up gauge
                patchcare_up 1
                # HELP patchcare_x_total Things
                # TYPE patchcare_x_total counter
                patchcare_x_total{route="/api/v1/devices",status="200"} 5
                """, m.prometheusText());
    }

    @Test
    void escapesLabelValuesAndCapsTheSeries() {
        AppMetrics m = new AppMetrics();
        m.count("patchcare_y_total", "Y", 1, "v", "a\"b\\c\nd");
        assertTrue(m.prometheusText().contains("patchcare_y_total{v=\"a\\\"b\\\\c\\nd\"} 1"), m.prometheusText());
        for (int i = 0; i < AppMetrics.MAX_SERIES + 50; i++) {
            m.count("patchcare_z_total", "Z", 1, "route", "/r" + i);
        }
        assertTrue(m.prometheusText().contains("patchcare_z_total{overflow=\"other\"} 50"), "series beyond the cap are pooled");
        assertThrows(IllegalArgumentException.class, () -> m.set("patchcare_y_total", "Y", 1));
    }
}
