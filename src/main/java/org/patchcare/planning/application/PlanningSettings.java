package org.patchcare.planning.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.function.Function;

import static org.patchcare.shared.domain.EnvNumbers.positive;

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
}
