package org.patchcare.reporting.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Expected values worked out by hand with h = (n − 1)·p (they equal Excel's PERCENTILE.INC and numpy's default). */
class PercentilesTest {

    @Test
    void median_of_an_odd_count_is_the_middle_value_whatever_the_order() {
        Percentiles p = Percentiles.of(9, 1, 5, 3, 7);
        assertThat(p.median()).isEqualTo(5.0);
        // h = 4 · 0.9 = 3.6 → 7 + 0.6 · (9 − 7)
        assertThat(p.p90()).isCloseTo(8.2, within(1e-9));
    }

    @Test
    void median_of_an_even_count_lies_halfway_between_the_two_middle_values() {
        Percentiles p = Percentiles.of(10, 20, 30, 40);
        assertThat(p.median()).isEqualTo(25.0);
        // h = 3 · 0.9 = 2.7 → 30 + 0.7 · 10
        assertThat(p.p90()).isCloseTo(37.0, within(1e-9));
    }

    @Test
    void ten_values_one_to_ten() {
        Percentiles p = Percentiles.of(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        assertThat(p.median()).isEqualTo(5.5);
        // h = 9 · 0.9 = 8.1 → 9 + 0.1 · 1
        assertThat(p.p90()).isCloseTo(9.1, within(1e-9));
        assertThat(p.at(0)).isEqualTo(1.0);
        assertThat(p.at(1)).isEqualTo(10.0);
        assertThat(p.count()).isEqualTo(10);
    }

    @Test
    void one_value_is_every_percentile() {
        Percentiles p = Percentiles.of(42.5);
        assertThat(p.median()).isEqualTo(42.5);
        assertThat(p.p90()).isEqualTo(42.5);
        assertThat(p.at(0)).isEqualTo(42.5);
    }

    @Test
    void no_values_have_no_percentile() {
        assertThat(Percentiles.of().median()).isNull();
        assertThat(Percentiles.of(List.of()).p90()).isNull();
    }

    @Test
    void ties_interpolate_between_equal_neighbours_to_the_same_value() {
        Percentiles p = Percentiles.of(3, 3, 3, 8);
        // h = 1.5 between 3 and 3
        assertThat(p.median()).isEqualTo(3.0);
        // h = 2.7 → 3 + 0.7 · 5
        assertThat(p.p90()).isCloseTo(6.5, within(1e-9));
        assertThat(Percentiles.of(2, 2, 2).p90()).isEqualTo(2.0);
    }

    @Test
    void fractional_days_are_kept() {
        // 0.5, 1.25, 2 → h(0.9) = 1.8 → 1.25 + 0.8 · 0.75
        assertThat(Percentiles.of(2, 0.5, 1.25).p90()).isCloseTo(1.85, within(1e-9));
    }

    @Test
    void refuses_a_percentile_outside_zero_to_one() {
        assertThatThrownBy(() -> Percentiles.of(1, 2).at(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(1, 2).at(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
