package org.patchcare.downtime.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestSummary;
import org.patchcare.downtime.application.DowntimeViews.ConflictView;
import org.patchcare.downtime.application.DowntimeViews.DeviceRef;
import org.patchcare.downtime.domain.ChangeRequestStatus;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How the downtime screens write times, states and requests: windows always in the device's facility zone with the
 * zone's short name ("Tue 2 Dec 2026, 08:00–10:00 EST"), so a nurse in another building reads the hospital's clock.
 */
final class DowntimeFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);

    private DowntimeFormats() {
    }

    /** A date-time picker writing days as the rest of PatchCare does (2026-12-01), 24-hour times, weeks from Monday. */
    static com.vaadin.flow.component.datetimepicker.DateTimePicker iso(
            com.vaadin.flow.component.datetimepicker.DateTimePicker picker) {
        picker.setDatePickerI18n(new com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n()
                .setDateFormats("yyyy-MM-dd", "dd.MM.yyyy", "dd/MM/yyyy").setFirstDayOfWeek(1));
        picker.setLocale(Locale.UK); // 24-hour clock, as on the wards
        picker.setDatePlaceholder("yyyy-mm-dd");
        picker.setTimePlaceholder("hh:mm");
        return picker;
    }

    /** The zone of a facility; UTC when unknown or unreadable. */
    static ZoneId zone(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zoneId);
        } catch (java.time.DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /**
     * A window in a zone: "Tue 2 Dec 2026, 08:00–10:00 EST" on one day, "Sat 31 Oct 2026, 22:00 – Sun 1 Nov 2026,
     * 02:00 EST" across midnight; each end gets its own zone name when the clocks change in between.
     */
    static String window(Instant start, Instant end, String zoneId) {
        if (start == null) {
            return "no window yet";
        }
        ZoneId z = zone(zoneId);
        ZonedDateTime s = start.atZone(z);
        if (end == null) {
            return when(start, zoneId);
        }
        ZonedDateTime e = end.atZone(z);
        String sz = ZONE.format(s);
        String ez = ZONE.format(e);
        boolean sameZone = sz.equals(ez);
        if (s.toLocalDate().equals(e.toLocalDate())) {
            return DAY.format(s) + ", " + TIME.format(s) + (sameZone ? "–" : " " + sz + " – ") + TIME.format(e) + " " + ez;
        }
        return DAY.format(s) + ", " + TIME.format(s) + (sameZone ? "" : " " + sz) + " – " + DAY.format(e) + ", "
                + TIME.format(e) + " " + ez;
    }

    /** One moment in a zone: "Tue 2 Dec 2026, 08:00 EST". */
    static String when(Instant at, String zoneId) {
        if (at == null) {
            return "—";
        }
        ZonedDateTime t = at.atZone(zone(zoneId));
        return DAY.format(t) + ", " + TIME.format(t) + " " + ZONE.format(t);
    }

    /** A day in a zone: "Tue 2 Dec 2026". */
    static String day(Instant at, String zoneId) {
        return at == null ? "—" : DAY.format(at.atZone(zone(zoneId)));
    }

    /** An enum name as words ("IN_SERVICE" → "in service"); other text as it is. */
    static String words(String value) {
        return value != null && value.matches("[A-Z_]+") ? value.toLowerCase(Locale.ROOT).replace('_', ' ') : value;
    }

    /** The zone of the request's first device (the hospital whose clock the people involved read). */
    static String zoneOf(ChangeRequestDetails d) {
        return d.devices().isEmpty() ? null : d.devices().getFirst().zoneId();
    }

    static Span statusChip(ChangeRequestStatus status) {
        Span s = new Span(status.label());
        s.addClassNames("pc-badge", "pc-cr-status", status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        s.getElement().setAttribute("title", explain(status));
        return s;
    }

    static Span emergencyChip() {
        Span s = new Span("Emergency");
        s.addClassNames("pc-badge", "pc-cr-emergency");
        s.getElement().setAttribute("title", "Urgent work: approved as soon as one clinical manager agrees; the other "
                + "approvals are collected afterwards.");
        return s;
    }

    static Span needsReviewChip() {
        Span s = new Span("Needs review");
        s.addClassNames("pc-badge", "pc-cr-review");
        s.getElement().setAttribute("title", "Something changed after approval (e.g. a device moved or a new conflict "
                + "appeared); look at it again.");
        return s;
    }

    /** State chip with its flags, as the list and the cards show them. */
    static Div chips(ChangeRequestSummary s) {
        Div box = new Div(statusChip(s.status()));
        if (s.emergency()) {
            box.add(emergencyChip());
        }
        if (s.needsReview()) {
            box.add(needsReviewChip());
        }
        box.addClassName("pc-chips");
        return box;
    }

    static String explain(ChangeRequestStatus status) {
        return switch (status) {
            case DRAFT -> "Being prepared by the requester; nobody has been asked yet.";
            case SUBMITTED -> "Waiting for the clinical managers of the affected departments and IT security.";
            case APPROVED -> "Everyone agreed; the work still has to be put in the calendar.";
            case SCHEDULED -> "In the calendar; the devices will be taken down in the window.";
            case IN_PROGRESS -> "The work is being done now; the devices are down.";
            case COMPLETED -> "Done; the devices are back.";
            case FAILED -> "The work did not succeed; the devices must be rolled back.";
            case ROLLED_BACK -> "The work failed and the devices were put back as they were.";
            case REJECTED -> "An approver said no.";
            case CANCELLED -> "Called off before the work started.";
            case EXPIRED -> "Its windows passed before it was approved or done.";
        };
    }

    /** "Patch of 2 devices in Intensive Care Unit, requested by itsec: waiting for approval." */
    static String sentence(ChangeRequestDetails d) {
        ChangeRequestSummary s = d.summary();
        int n = d.devices().isEmpty() ? s.deviceCount() : d.devices().size();
        String departments = d.devices().isEmpty() ? s.departments() : d.devices().stream()
                .map(DeviceRef::departmentName).distinct().collect(Collectors.joining(", "));
        StringBuilder b = new StringBuilder();
        b.append(s.emergency() ? "Emergency " : "").append(s.emergency() ? s.kind().label().toLowerCase(Locale.ROOT)
                : s.kind().label()).append(" of ").append(n).append(n == 1 ? " device" : " devices");
        if (departments != null && !departments.isBlank()) {
            b.append(" in ").append(departments);
        }
        if (s.requestedBy() != null) {
            b.append(", requested by ").append(s.requestedBy());
        }
        b.append(": ").append(explain(s.status()).substring(0, 1).toLowerCase(Locale.ROOT))
                .append(explain(s.status()).substring(1));
        if (!d.windows().isEmpty()) {
            b.append(" Downtime ").append(window(d.windows().getFirst().start(), d.windows().getFirst().end(),
                    d.windows().getFirst().zoneId()));
            if (d.windows().size() > 1) {
                b.append(" and ").append(d.windows().size() - 1).append(" more window")
                        .append(d.windows().size() == 2 ? "" : "s");
            }
            b.append('.');
        }
        return b.toString();
    }

    /** The conflicts as warnings ("Inside a blackout window: BME-1 ..."), or nothing. */
    static Div conflicts(List<ConflictView> conflicts, Function<String, String> zoneOfDevice) {
        Div box = new Div();
        box.addClassName("pc-conflicts");
        for (ConflictView c : conflicts) {
            Div line = new Div();
            line.addClassName("pc-conflict");
            Span type = new Span("⚠ " + c.type().label());
            type.addClassName("pc-conflict-type");
            line.add(type, new Span(": " + c.message()));
            if (c.from() != null) {
                Span when = new Span(" (" + window(c.from(), c.to(), zoneOfDevice.apply(c.assetTag())) + ")");
                when.addClassName("pc-muted");
                line.add(when);
            }
            box.add(line);
        }
        box.setVisible(!conflicts.isEmpty());
        return box;
    }
}
