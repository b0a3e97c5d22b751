package org.patchcare.inventory.ui;

import org.patchcare.inventory.application.SupportCount;
import org.patchcare.inventory.domain.SupportStatus;

import java.util.List;
import java.util.function.BiFunction;

/** Turns support counts into chart bars: unsupported (red) then ending soon (amber), each segment linked. */
public final class LifecycleCharts {

    static final String RED = "#b3261e";
    static final String AMBER = "#d29922";

    private LifecycleCharts() {
    }

    /**
     * @param linkOf the link of a key (department code or model id) with a support status, or without one (null)
     */
    public static List<SvgBarChart.Bar> bars(List<SupportCount> counts, BiFunction<String, SupportStatus, String> linkOf) {
        return counts.stream().map(c -> new SvgBarChart.Bar(c.label(), linkOf.apply(c.key(), null), List.of(
                new SvgBarChart.Segment("Unsupported", c.unsupported(), "unsupported", RED,
                        linkOf.apply(c.key(), SupportStatus.UNSUPPORTED)),
                new SvgBarChart.Segment("Ending within 12 months", c.endingSoon(), "ending_soon", AMBER,
                        linkOf.apply(c.key(), SupportStatus.ENDING_SOON))))).toList();
    }
}
