package org.patchcare.downtime.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Function;

/**
 * The downtime workflow's settings from the environment, read once at start-up; a bad value stops the start with a
 * message naming the variable (docs/downtime.md lists them):
 * {@code PATCHCARE_DOWNTIME_ESCALATE_AFTER_HOURS} (24): pending approvals older than this escalate;
 * {@code PATCHCARE_DOWNTIME_REMINDER_HOURS} (24): how long before a window starts its people are reminded.
 */
@ApplicationScoped
public class DowntimeSettings {

    private final Duration escalateAfter;
    private final Duration reminderBefore;

    public DowntimeSettings() {
        this(System::getenv);
    }

    DowntimeSettings(Function<String, String> env) {
        escalateAfter = Duration.ofHours(positive(env, "PATCHCARE_DOWNTIME_ESCALATE_AFTER_HOURS", 24));
        reminderBefore = Duration.ofHours(positive(env, "PATCHCARE_DOWNTIME_REMINDER_HOURS", 24));
    }

    public Duration escalateAfter() {
        return escalateAfter;
    }

    public Duration reminderBefore() {
        return reminderBefore;
    }

    private static long positive(Function<String, String> env, String name, long fallback) {
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
