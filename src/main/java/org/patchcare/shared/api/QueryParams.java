package org.patchcare.shared.api;

import org.patchcare.shared.domain.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads query parameters with messages that name the parameter. Resources take query parameters as text and read
 * them here, because JAX-RS answers a number it cannot convert with a bare 404.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static int integer(String name, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a whole number; use " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw new InvalidInputException(name, "must be between " + min + " and " + max + ", not " + n);
        }
        return n;
    }

    /** Case-insensitive enum constant, or null when the parameter is absent. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new InvalidInputException(name, "'" + value + "' is not one of "
                + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    /** {@code asc} (also when absent) or {@code desc}. */
    public static boolean ascending(String name, String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("asc")) {
            return true;
        }
        if (value.strip().equalsIgnoreCase("desc")) {
            return false;
        }
        throw new InvalidInputException(name, "'" + value + "' is not a direction; use asc or desc");
    }

    /** {@code true}/{@code yes}/{@code 1} or {@code false}/{@code no}/{@code 0}, or null when the parameter is absent. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw new InvalidInputException(name, "must be true or false");
        };
    }

    /** A CVSS score 0–10, or null when the parameter is absent. */
    public static java.math.BigDecimal cvss(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(value.strip());
            if (d.signum() < 0 || d.compareTo(java.math.BigDecimal.TEN) > 0) {
                throw new InvalidInputException(name, "must be a CVSS score between 0 and 10");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, "must be a CVSS score between 0 and 10, e.g. 7.5");
        }
    }

    /**
     * A day (YYYY-MM-DD) as the instant it starts in UTC, or, with {@code endOfDay}, the instant the next day starts;
     * null when the parameter is absent.
     */
    public static java.time.Instant day(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.time.LocalDate d = java.time.LocalDate.parse(value.strip());
            return (endOfDay ? d.plusDays(1) : d).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(name, "must be a date like 2024-05-31");
        }
    }

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
