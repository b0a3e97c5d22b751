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

    /**
     * Whether the technician may work on a device needing {@code skill} (null: any technician). A skill may name
     * alternatives separated by '|' (the device type or the manufacturer); the skill "*" covers everything.
     */
    public boolean canDo(String skill) {
        if (skill == null || skill.isBlank() || skills.contains("*")) {
            return true;
        }
        for (String s : skill.split("\\|")) {
            if (skills.contains(s.strip().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    public boolean bookedDuring(java.time.Instant s, java.time.Instant e) {
        for (Interval i : booked) {
            if (i.overlaps(s, e)) {
                return true;
            }
        }
        return false;
    }

    /** One technician per user name (fast for the solver's joins). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlanTechnician t && t.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
