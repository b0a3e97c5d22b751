package org.patchcare.risk.domain;

/** What a breach-and-attack simulation, penetration test or manual check found. */
public enum ValidationOutcome {
    EXPLOITABLE("Exploitable"),
    BLOCKED_BY_CONTROL("Blocked by control"),
    NOT_REACHABLE("Not reachable");

    private final String label;

    ValidationOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
