package org.patchcare.risk.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal stacked bar of plain divs: each part is as wide as its share of {@code scale}, so bars drawn with the
 * same scale can be compared; what is left of the track stays empty. Parts too narrow for their number show it in
 * the tooltip only.
 */
final class StackedBar {

    /** One coloured part: its value, CSS class (the colour), text inside and tooltip. */
    record Part(long value, String cssClass, String text, String title) {
    }

    /** Below this share (percent) a part shows no text inside. */
    static final double TEXT_MIN_PERCENT = 4;

    private StackedBar() {
    }

    static Div of(List<Part> parts, long scale, String ariaLabel) {
        Div bar = new Div();
        bar.addClassName("pc-stack");
        bar.getElement().setAttribute("role", "img");
        bar.getElement().setAttribute("aria-label", ariaLabel);
        for (Part p : parts) {
            if (p.value() <= 0) {
                continue;
            }
            double pct = percent(p.value(), scale);
            Div seg = new Div();
            seg.addClassNames("pc-seg", p.cssClass());
            seg.setWidth(width(pct));
            seg.getElement().setAttribute("title", p.title());
            if (pct >= TEXT_MIN_PERCENT && p.text() != null) {
                seg.add(new Span(p.text()));
            }
            bar.add(seg);
        }
        return bar;
    }

    /** The share of {@code value} in {@code scale}, in percent (0–100). */
    static double percent(long value, long scale) {
        return scale <= 0 ? 0 : Math.min(100.0, 100.0 * value / scale);
    }

    static String width(double percent) {
        return String.format(Locale.ROOT, "%.2f%%", percent);
    }
}
