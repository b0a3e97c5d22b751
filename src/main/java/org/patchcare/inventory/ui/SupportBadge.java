package org.patchcare.inventory.ui;

import com.vaadin.flow.component.html.Span;
import org.patchcare.inventory.domain.SupportStatus;

import java.time.LocalDate;
import java.util.Locale;

/** The coloured vendor-support badge (CSS classes {@code pc-badge} + the status in lower case). */
public final class SupportBadge {

    private SupportBadge() {
    }

    public static String cssClass(SupportStatus status) {
        return (status == null ? SupportStatus.UNKNOWN : status).name().toLowerCase(Locale.ROOT);
    }

    public static String shortLabel(SupportStatus status) {
        return switch (status == null ? SupportStatus.UNKNOWN : status) {
            case SUPPORTED -> "Supported";
            case ENDING_SOON -> "Ending soon";
            case UNSUPPORTED -> "Unsupported";
            case UNKNOWN -> "Unknown";
        };
    }

    public static Span of(SupportStatus status) {
        SupportStatus s = status == null ? SupportStatus.UNKNOWN : status;
        Span badge = new Span(shortLabel(s));
        badge.addClassNames("pc-badge", cssClass(s));
        badge.setTitle(s.label());
        return badge;
    }

    /** End-of-support date followed by its badge, for grids and the detail page. */
    public static Span withDate(LocalDate endOfSupport, SupportStatus status) {
        Span text = new Span(endOfSupport == null ? "—" : Formats.date(endOfSupport));
        Span wrapper = new Span(text, new Span(" "), of(status));
        wrapper.addClassName("pc-eos");
        return wrapper;
    }
}
