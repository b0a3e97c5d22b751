package org.patchcare.planning.domain;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A technician as the solver sees it: skills as lower-case tags (a device type such as "infusion_pump" or a
 * manufacturer such as "siemens"), minutes of work per day, and the windows already booked for them elsewhere.
 * {@code placeholder} stands for "nobody named": only pinned windows may use it.
 */
public record PlanTechnician(String username, Set<String> skills, int dailyMinutes, List<Interval> booked,
                             boolean placeholder) {

    public static final String NOBODY = "(not named)";

    public PlanTechnician {
        skills = skills == null ? Set.of() : skills.stream().map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        booked = booked == null ? List.of() : List.copyOf(booked);
    }

    public static PlanTechnician nobody() {
        return new PlanTechnician(NOBODY, Set.of(), 24 * 60, List.of(), true);
    }

    /** Whether the technician may work on a device needing {@code skill} (null: any technician). */
    public boolean canDo(String skill) {
        return skill == null || skill.isBlank() || skills.contains(skill.strip().toLowerCase(Locale.ROOT));
    }

    public boolean bookedDuring(java.time.Instant s, java.time.Instant e) {
        for (Interval i : booked) {
            if (i.overlaps(s, e)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return username;
    }
}
