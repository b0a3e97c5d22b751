package org.patchcare.downtime.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Function;

import static org.patchcare.shared.domain.EnvNumbers.positive;

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
}
