package org.patchcare.risk.domain;

/** SSVC deployer outcome: how soon to act. */
public enum Outcome {
    DEFER("defer"),
    SCHEDULED("scheduled"),
    OUT_OF_CYCLE("out-of-cycle"),
    IMMEDIATE("immediate");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** How a person reads it (SSVC's own wording). */
    public String label() {
        return label;
    }
}
