package org.patchcare.downtime.domain;

import org.patchcare.shared.domain.InvalidInputException.Violation;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a department cannot take devices down, as local wall-clock rules evaluated in the facility's time zone:
 * <ul>
 *     <li>weekly: on the given days from {@code localStart} to {@code localEnd}; an end at or before the start runs
 *     past midnight into the next day (Fri 22:00–06:00 is Friday 22:00 to Saturday 06:00: the day is the day it
 *     starts);</li>
 *     <li>single days: every whole day from {@code firstDay} to {@code lastDay}, e.g. a public holiday.</li>
 * </ul>
 * Each occurrence is turned into instants in the zone at the time asked, so a daylight-saving change never moves a
 * rule: "07:00" is 07:00 on the wall clock in winter and in summer. A local time that does not exist on a spring-forward
 * night moves forward by the length of the gap (02:30 becomes 03:30), as java.time does; on a fall-back night an ambiguous time is its first (summer) instant.
 */
public record BlackoutRule(String title, boolean recurring, Set<DayOfWeek> days, LocalTime localStart,
                           LocalTime localEnd, LocalDate firstDay, LocalDate lastDay) {

    public static final int TITLE_MAX = 200;
    /** The longest single-day range (a holiday season, a renovation). */
    public static final int MAX_DAYS = 366;

    public BlackoutRule {
        days = days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
    }

    public static BlackoutRule weekly(String title, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        return new BlackoutRule(title, true, days, start, end, null, null);
    }

    public static BlackoutRule days(String title, LocalDate first, LocalDate last) {
        return new BlackoutRule(title, false, null, null, null, first, last == null ? first : last);
    }

    /** What is wrong with the rule, per field; empty when it is usable. */
    public List<Violation> problems() {
        List<Violation> out = new ArrayList<>();
        if (title == null || title.isBlank()) {
            out.add(new Violation("title", "Give the blackout a title, e.g. 'Weekday surgery' or 'Christmas Day'."));
        } else if (title.strip().length() > TITLE_MAX) {
            out.add(new Violation("title", "The title has at most " + TITLE_MAX + " characters."));
        }
        if (recurring) {
            if (days.isEmpty()) {
                out.add(new Violation("days", "A weekly blackout needs at least one day of the week, e.g. "
                        + "[\"MONDAY\", \"TUESDAY\"]."));
            }
            if (localStart == null) {
                out.add(new Violation("localStart", "A weekly blackout needs a start time, e.g. 07:00."));
            }
            if (localEnd == null) {
                out.add(new Violation("localEnd", "A weekly blackout needs an end time, e.g. 17:00 (an end before "
                        + "the start runs past midnight, e.g. 22:00–06:00)."));
            }
            if (localStart != null && localStart.equals(localEnd)) {
                out.add(new Violation("localEnd", "The end time equals the start time; for a whole day use single "
                        + "days, or 00:00–23:59."));
            }
            if (firstDay != null || lastDay != null) {
                out.add(new Violation("firstDay", "A weekly blackout has no first or last day; leave them empty or "
                        + "set recurring to false for single days."));
            }
        } else {
            if (firstDay == null) {
                out.add(new Violation("firstDay", "Single-day blackouts need the first day, e.g. 2026-12-25."));
            }
            if (firstDay != null && lastDay != null && lastDay.isBefore(firstDay)) {
                out.add(new Violation("lastDay", "The last day " + lastDay + " is before the first day " + firstDay
                        + "."));
            }
            if (firstDay != null && lastDay != null && !lastDay.isBefore(firstDay)
                    && firstDay.plusDays(MAX_DAYS).isBefore(lastDay.plusDays(1))) {
                out.add(new Violation("lastDay", "A single-day blackout covers at most " + MAX_DAYS + " days."));
            }
            if (!days.isEmpty() || localStart != null || localEnd != null) {
                out.add(new Violation("days", "Single-day blackouts cover whole days and take no days of the week or "
                        + "times; set recurring to true for a weekly rule."));
            }
        }
        return out;
    }

    /** The first occurrence of the rule that overlaps [start, end), as instants; empty when none does. */
    public Optional<Occurrence> firstOverlap(Instant start, Instant end, ZoneId zone) {
        if (!end.isAfter(start)) {
            return Optional.empty();
        }
        if (!recurring) {
            Instant from = firstDay.atStartOfDay(zone).toInstant();
            Instant to = (lastDay == null ? firstDay : lastDay).plusDays(1).atStartOfDay(zone).toInstant();
            return from.isBefore(end) && start.isBefore(to) ? Optional.of(new Occurrence(from, to)) : Optional.empty();
        }
        // an occurrence that started the day before may still run (past midnight)
        LocalDate day = start.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = end.atZone(zone).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Occurrence o = occurrence(day, zone);
            if (o.from().isBefore(end) && start.isBefore(o.to())) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    public boolean overlaps(Instant start, Instant end, ZoneId zone) {
        return firstOverlap(start, end, zone).isPresent();
    }

    /** The weekly rule's occurrence that starts on {@code day} (local), as instants. */
    Occurrence occurrence(LocalDate day, ZoneId zone) {
        boolean pastMidnight = !localEnd.isAfter(localStart);
        Instant from = ZonedDateTime.of(day, localStart, zone).toInstant();
        Instant to = ZonedDateTime.of(pastMidnight ? day.plusDays(1) : day, localEnd, zone).toInstant();
        return new Occurrence(from, to);
    }

    /** "Mon–Fri 07:00–17:00 Europe/Berlin", "Sat, Sun 22:00–06:00 (next day) …", "2026-12-25 (whole day) …". */
    public String describe(ZoneId zone) {
        if (!recurring) {
            LocalDate last = lastDay == null ? firstDay : lastDay;
            return (last.equals(firstDay) ? firstDay + " (whole day)" : firstDay + " to " + last + " (whole days)")
                    + " " + zone.getId();
        }
        return dayList(days) + " " + localStart + "–" + localEnd + (localEnd.isAfter(localStart) ? "" : " (next day)")
                + " " + zone.getId();
    }

    /** Days as "Mon–Fri" for a run of three or more, else "Sat, Sun". */
    public static String dayList(Set<DayOfWeek> days) {
        List<DayOfWeek> sorted = days.stream().sorted().toList();
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1).getValue() == sorted.get(j).getValue() + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(shortName(sorted.get(i)) + "–" + shortName(sorted.get(j)));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(shortName(sorted.get(k)));
                }
            }
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    private static String shortName(DayOfWeek d) {
        return d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }

    /** Days as stored (blackout_window.days_of_week, 30 characters): "MO,TU,WE" in week order, as iCalendar's BYDAY. */
    public static String formatDays(Set<DayOfWeek> days) {
        return days == null ? null : days.stream().sorted().map(d -> d.name().substring(0, 2))
                .collect(Collectors.joining(","));
    }

    public static Set<DayOfWeek> parseDays(String stored) {
        if (stored == null || stored.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(BlackoutRule::day)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    private static DayOfWeek day(String code) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(code)) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day of the week: " + code);
    }

    /** One occurrence of a rule as instants, [from, to). */
    public record Occurrence(Instant from, Instant to) {
    }
}
