package org.patchcare.risk.ui;

import com.vaadin.flow.component.html.Div;
import org.patchcare.risk.application.RiskViews.RiskRollup;

import java.util.List;
import java.util.Locale;

/** Open exposures by priority as a stacked bar (immediate, out-of-cycle, scheduled, defer), scaled to a shared maximum. */
final class OutcomeBar {

    private OutcomeBar() {
    }

    /** The open exposures of a roll-up: the sum of its four priorities. */
    static long total(RiskRollup r) {
        return r.immediate() + r.outOfCycle() + r.scheduled() + r.deferred();
    }

    /** The bar of {@code r}, as wide as its total is of {@code scale} (the largest total it is compared with). */
    static Div of(RiskRollup r, long scale) {
        long[] counts = {r.immediate(), r.outOfCycle(), r.scheduled(), r.deferred()};
        List<StackedBar.Part> parts = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            String outcome = RiskFormats.URGENT_FIRST.get(i).name();
            String label = RiskFormats.outcomeName(outcome).toLowerCase(Locale.ROOT);
            parts.add(new StackedBar.Part(counts[i], RiskFormats.outcomeClass(outcome), Long.toString(counts[i]),
                    counts[i] + " " + label));
        }
        return StackedBar.of(parts, scale, r.name() + ": " + describe(r));
    }

    /** "2 immediate, 5 scheduled" (priorities with none left out), or "none open". */
    static String describe(RiskRollup r) {
        long[] counts = {r.immediate(), r.outOfCycle(), r.scheduled(), r.deferred()};
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                parts.add(counts[i] + " " + RiskFormats.outcomeName(RiskFormats.URGENT_FIRST.get(i).name())
                        .toLowerCase(Locale.ROOT));
            }
        }
        return parts.isEmpty() ? "none open" : String.join(", ", parts);
    }
}
