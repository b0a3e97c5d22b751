package org.patchcare.advisories.ui;

import com.vaadin.flow.component.html.Span;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Small display helpers shared by the advisory screens. */
final class AdvisoryFormats {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneId.systemDefault());
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private AdvisoryFormats() {
    }

    static String day(Instant i) {
        return i == null ? "" : DAY.format(i);
    }

    static String when(Instant i) {
        return i == null ? "" : WHEN.format(i);
    }

    /** A CVSS score as a coloured badge (NVD's qualitative ratings). */
    static Span cvss(BigDecimal score) {
        Span s = new Span(score == null ? "–" : score.toPlainString());
        s.addClassName("pc-badge");
        s.addClassName("pc-cvss");
        if (score != null) {
            double v = score.doubleValue();
            s.addClassName(v >= 9 ? "critical" : v >= 7 ? "high" : v >= 4 ? "medium" : "low");
            s.getElement().setAttribute("title", "CVSS " + score.toPlainString() + " – "
                    + (v >= 9 ? "critical" : v >= 7 ? "high" : v >= 4 ? "medium" : v > 0 ? "low" : "none"));
        }
        return s;
    }

    /** The CVSS badge, followed by the KEV badge when the CVE is known to be exploited. */
    static com.vaadin.flow.component.orderedlayout.HorizontalLayout cvssAndKev(BigDecimal score, boolean kev) {
        var h = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(cvss(score));
        h.setSpacing(false);
        h.getStyle().set("gap", "0.3em");
        if (kev) {
            h.add(kev());
        }
        return h;
    }

    static Span kev() {
        Span s = new Span("KEV");
        s.addClassNames("pc-badge", "pc-kev");
        s.getElement().setAttribute("title", "Known to be exploited (CISA KEV catalogue)");
        return s;
    }

    /** A VEX state as a badge. */
    static Span state(String state, String label) {
        Span s = new Span(label);
        s.addClassNames("pc-badge", "pc-exposure", state.toLowerCase(Locale.ROOT));
        return s;
    }
}
