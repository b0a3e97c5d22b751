package org.patchcare.planning.application;

import java.time.Instant;
import java.util.List;

/**
 * What to plan: the horizon, optionally departments (by code), pending change requests (drafts, by id) or exposures
 * (by id); with neither requests nor exposures, every open exposure (not deferred) of a device in service without an
 * active change request, in the departments. {@code timeLimitSeconds} null: the configured default.
 */
public record PlanCommand(Instant from, Instant to, List<String> departments, List<String> requestIds,
                          List<String> exposureIds, Integer timeLimitSeconds) {
}
