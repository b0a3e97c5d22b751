package org.patchcare.planning.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Function;

/**
 * Planning settings from the environment, read once (docs/planning.md):
 * {@code PATCHCARE_PLANNING_TIME_LIMIT} (30): the default solving time in seconds;
 * {@code PATCHCARE_PLANNING_MAX_TIME_LIMIT} (300): the most a person may ask for;
 * {@code PATCHCARE_PLANNING_MAX_SOLVES} (1): solves at once on one node (each takes a core);
 * {@code PATCHCARE_PLANNING_STALE_SECONDS} (30): a solving run whose heartbeat is older is shown as failed.
 */
@ApplicationScoped
public class PlanningSettings {

    private final Duration defaultLimit;
    private final Duration maxLimit;
    private final int maxSolves;
    private final Duration stale;

    public PlanningSettings() {
        this(System::getenv);
    }

    PlanningSettings(Function<String, String> env) {
        maxLimit = Duration.ofSeconds(positive(env, "PATCHCARE_PLANNING_MAX_TIME_LIMIT", 300));
        defaultLimit = Duration.ofSeconds(Math.min(maxLimit.toSeconds(), positive(env,
                "PATCHCARE_PLANNING_TIME_LIMIT", 30)));
        maxSolves = (int) positive(env, "PATCHCARE_PLANNING_MAX_SOLVES", 1);
        stale = Duration.ofSeconds(positive(env, "PATCHCARE_PLANNING_STALE_SECONDS", 30));
    }

    public Duration defaultLimit() {
        return defaultLimit;
    }

    public Duration maxLimit() {
        return maxLimit;
    }

    public int maxSolves() {
        return maxSolves;
    }

    public Duration stale() {
        return stale;
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
            throw new IllegalStateException(name + " must be a whole number of at least 1, not '" + raw + "'", e);
        }
    }
}
