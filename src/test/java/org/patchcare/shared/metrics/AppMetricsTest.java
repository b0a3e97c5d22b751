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

    @Test
    void histograms_count_cumulatively_with_le_labels_and_inf_equal_to_the_count() {
        AppMetrics m = new AppMetrics();
        double[] bounds = {0.01, 0.1, 1};
        for (long nanos : new long[] {5_000_000L, 10_000_000L, 50_000_000L, 2_000_000_000L}) {
            m.histogram("patchcare_h_seconds", "H", nanos, bounds, "route", "/a\"b");
        }
        m.histogram("patchcare_h_seconds", "H", 500_000_000L, bounds, "route", "/c");
        assertEquals("""
                # HELP patchcare_h_seconds H
                # TYPE patchcare_h_seconds histogram
                patchcare_h_seconds_bucket{route="/a\\"b",le="0.01"} 2
                patchcare_h_seconds_bucket{route="/a\\"b",le="0.1"} 3
                patchcare_h_seconds_bucket{route="/a\\"b",le="1"} 3
                patchcare_h_seconds_bucket{route="/a\\"b",le="+Inf"} 4
                patchcare_h_seconds_count{route="/a\\"b"} 4
                patchcare_h_seconds_sum{route="/a\\"b"} 2.065000
                patchcare_h_seconds_bucket{route="/c",le="0.01"} 0
                patchcare_h_seconds_bucket{route="/c",le="0.1"} 0
                patchcare_h_seconds_bucket{route="/c",le="1"} 1
                patchcare_h_seconds_bucket{route="/c",le="+Inf"} 1
                patchcare_h_seconds_count{route="/c"} 1
                patchcare_h_seconds_sum{route="/c"} 0.500000
                """, m.prometheusText());
    }

    @Test
    void a_histogram_without_labels_has_only_le_and_the_shipped_bounds_are_written_in_plain_decimals() {
        AppMetrics m = new AppMetrics();
        m.histogram("patchcare_r_seconds", "R", 7_000_000_000L, AppMetrics.REQUEST_SECONDS);
        String text = m.prometheusText();
        assertTrue(text.contains("patchcare_r_seconds_bucket{le=\"0.005\"} 0\n"), text);
        assertTrue(text.contains("patchcare_r_seconds_bucket{le=\"5\"} 0\n"), text);
        assertTrue(text.contains("patchcare_r_seconds_bucket{le=\"10\"} 1\n"), text);
        assertTrue(text.contains("patchcare_r_seconds_bucket{le=\"+Inf\"} 1\n"), text);
        assertTrue(text.contains("patchcare_r_seconds_count 1\n"), text);
        assertEquals(AppMetrics.REQUEST_SECONDS.length + 1, text.lines().filter(l -> l.contains("_bucket")).count());
        m.histogram("patchcare_m_seconds", "M", 1, AppMetrics.MATCHING_SECONDS);
        assertTrue(m.prometheusText().contains("patchcare_m_seconds_bucket{le=\"120\"} 1\n"));
    }

    @Test
    void refuses_bucket_bounds_out_of_order_and_a_histogram_under_a_timer_name() {
        AppMetrics m = new AppMetrics();
        assertThrows(IllegalArgumentException.class,
                () -> m.histogram("patchcare_bad_seconds", "B", 1, new double[] {1, 0.5}));
        m.time("patchcare_t_seconds", "T", 1);
        assertThrows(IllegalArgumentException.class,
                () -> m.histogram("patchcare_t_seconds", "T", 1, AppMetrics.REQUEST_SECONDS));
    }
}
