package org.patchcare.risk.ui;

import com.vaadin.flow.component.html.Span;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.risk.application.MitigationViews.ControlView;

import java.util.Locale;

/** How the states of controls and acceptances read on screen. */
final class RiskBadges {

    private RiskBadges() {
    }

    /** Active, expiring (within the warning period), expired or withdrawn. */
    static Span control(ControlView c) {
        boolean expiring = "ACTIVE".equals(c.status()) && c.expiringSoon();
        Span s = new Span(expiring ? "Expiring" : c.statusLabel());
        s.addClassNames("pc-badge", "pc-control", expiring ? "expiring" : c.status().toLowerCase(Locale.ROOT));
        return s;
    }

    static Span acceptance(AcceptanceView a) {
        Span s = new Span(a.statusLabel());
        s.addClassNames("pc-badge", "pc-acceptance", a.status().toLowerCase(Locale.ROOT));
        return s;
    }

    /** "in 12 days", "today", "3 days ago". */
    static String relative(long days) {
        if (days == 0) {
            return "today";
        }
        long n = Math.abs(days);
        String unit = n == 1 ? " day" : " days";
        return days > 0 ? "in " + n + unit : n + unit + " ago";
    }
}
