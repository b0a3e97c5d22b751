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

    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
