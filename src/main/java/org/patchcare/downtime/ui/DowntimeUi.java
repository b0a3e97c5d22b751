package org.patchcare.downtime.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.WindowStatus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** How downtime windows read on screen: local times of the facility, status badges with a symbol, request links. */
final class DowntimeUi {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private DowntimeUi() {
    }

    static ZoneId zoneOrNull(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The window's facility zone, or {@code fallback} when it has none. */
    static ZoneId zone(WindowView w, ZoneId fallback) {
        ZoneId z = zoneOrNull(w.zoneId());
        return z == null ? fallback : z;
    }

    static LocalDate localDay(WindowView w, ZoneId fallback) {
        return w.start().atZone(zone(w, fallback)).toLocalDate();
    }

    static String time(Instant i, ZoneId zone) {
        return TIME.format(i.atZone(zone));
    }

    /** "08:00–09:30", "22:00–02:00 next day", "22:00–Wed 26 Nov 06:00". */
    static String span(WindowView w, ZoneId fallback) {
        ZoneId z = zone(w, fallback);
        ZonedDateTime s = w.start().atZone(z);
        if (w.end() == null) {
            return TIME.format(s);
        }
        ZonedDateTime e = w.end().atZone(z);
        long days = e.toLocalDate().toEpochDay() - s.toLocalDate().toEpochDay();
        String end = days == 0 ? TIME.format(e) : days == 1 ? TIME.format(e) + " next day" : DAY.format(e) + " " + TIME.format(e);
        return TIME.format(s) + "–" + end;
    }

    /** "CET" or "CEST" for the moment, so that people see which clock the times are on. */
    static String zoneShort(Instant at, ZoneId zone) {
        return DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH).format(at.atZone(zone));
    }

    static String zoneName(ZoneId zone) {
        return zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " (" + zone.getId() + ")";
    }

    /** A symbol per status, so that it reads without colour too. */
    static String symbol(WindowStatus s) {
        return switch (s) {
            case PROPOSED -> "?";
            case APPROVED -> "✓";
            case IN_PROGRESS -> "▶";
            case DONE -> "■";
            case CANCELLED -> "✕";
        };
    }

    static String cssClass(WindowStatus s) {
        return "pc-dt-" + s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "✓ Approved" in the status colour. */
    static Span status(WindowStatus s) {
        Span span = new Span(symbol(s) + " " + s.label());
        span.addClassNames("pc-badge", "pc-dt-badge", cssClass(s));
        return span;
    }

    static String kind(ChangeRequestKind k) {
        if (k == null) {
            return "";
        }
        return switch (k) {
            case PATCH -> "Patch";
            case MITIGATION -> "Mitigation";
            case CONFIGURATION_CHANGE -> "Config change";
            case REPLACEMENT -> "Replacement";
            case VENDOR_SERVICE -> "Vendor visit";
        };
    }

    static String requestHref(WindowView w) {
        return "change-requests/" + w.requestId();
    }

    /** The request's reference and title, linking to its page; "EMERGENCY" in front when it is one. */
    static Anchor requestLink(WindowView w) {
        String ref = w.requestReference() == null ? "Request" : w.requestReference();
        Anchor a = new Anchor(requestHref(w), ref + (w.requestTitle() == null ? "" : " · " + w.requestTitle()));
        if (w.emergency()) {
            Span e = new Span("EMERGENCY");
            e.addClassName("pc-dt-emergency-tag");
            a.addComponentAsFirst(e);
        }
        return a;
    }

    static String text(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
