package org.patchcare.shared.domain;

import java.util.function.Function;

/** Whole-number settings from the environment, read at start-up: a bad value stops the start naming the variable. */
public final class EnvNumbers {

    private EnvNumbers() {
    }

    /**
     * The value of {@code name} as a whole number of at least 1, or {@code fallback} when it is unset or blank.
     *
     * @throws IllegalStateException naming the variable, its value and the default when the value is not such a number
     */
    public static long positive(Function<String, String> env, String name, long fallback) {
        String raw = env.apply(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(raw.strip());
            if (v < 1) {
                throw new NumberFormatException("must be at least 1");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + "=" + raw + " is not a positive whole number (" + e.getMessage()
                    + "); default is " + fallback, e);
        }
    }
}
