package org.patchcare.inventory.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How dates, times and counts read on screen: unambiguous ISO dates, the server's time zone for times. */
public final class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    public static final long COUNT_CAP = 10_000;

    private Formats() {
    }

    /** Date pickers show and accept the same unambiguous yyyy-MM-dd as the rest of the screens. */
    public static <T extends com.vaadin.flow.component.datepicker.DatePicker> T iso(T picker) {
        picker.setI18n(new com.vaadin.flow.component.datepicker.DatePicker.DatePickerI18n()
                .setDateFormats("yyyy-MM-dd", "dd.MM.yyyy", "dd/MM/yyyy").setFirstDayOfWeek(1));
        picker.setPlaceholder("yyyy-mm-dd");
        return picker;
    }

    public static String date(LocalDate d) {
        return d == null ? "—" : d.toString();
    }

    public static String dateTime(Instant i) {
        return i == null ? "—" : DATE_TIME.format(i.atZone(ZoneId.systemDefault()));
    }

    public static String text(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }

    /** "1 device", "1,234 devices", or "10,000+ devices" when the count reached the cap. */
    public static String deviceCount(long counted) {
        if (counted > COUNT_CAP) {
            return String.format(Locale.ENGLISH, "%,d+ devices", COUNT_CAP);
        }
        return String.format(Locale.ENGLISH, "%,d %s", counted, counted == 1 ? "device" : "devices");
    }
}
