package org.patchcare.inventory.ui;

import org.junit.jupiter.api.Test;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.application.SupportCount;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleChartsTest {

    @Test
    void each_bar_and_segment_links_to_the_device_list_filtered_by_department_and_support() {
        List<SvgBarChart.Bar> bars = LifecycleCharts.bars(List.of(new SupportCount("ICU", "Intensive care", 4, 2, 10, 1)),
                (key, support) -> DeviceFilterParams.link(new DeviceFilter(null, key, null, null, null, null, support)));

        SvgBarChart.Bar icu = bars.getFirst();
        assertThat(icu.label()).isEqualTo("Intensive care");
        assertThat(icu.href()).isEqualTo("devices?department=ICU");
        assertThat(icu.segments()).extracting(SvgBarChart.Segment::value).containsExactly(4L, 2L);
        assertThat(icu.segments()).extracting(SvgBarChart.Segment::href).containsExactly(
                "devices?department=ICU&support=UNSUPPORTED", "devices?department=ICU&support=ENDING_SOON");
    }

    @Test
    void model_bars_link_with_the_model_id() {
        List<SvgBarChart.Bar> bars = LifecycleCharts.bars(List.of(new SupportCount("6f1c-uuid", "Philips MX450", 1, 0, 0, 0)),
                (key, support) -> DeviceFilterParams.link(new DeviceFilter(null, null, null, null, key, null, support)));

        assertThat(bars.getFirst().segments().getFirst().href()).isEqualTo("devices?model=6f1c-uuid&support=UNSUPPORTED");
    }
}
