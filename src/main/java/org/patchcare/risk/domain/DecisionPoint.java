package org.patchcare.risk.domain;

/** The four decision points of the deployer tree; each may be overridden by IT security. */
public enum DecisionPoint {
    EXPLOITATION("Exploitation"),
    SYSTEM_EXPOSURE("System exposure"),
    AUTOMATABLE("Automatable"),
    HUMAN_IMPACT("Human impact");

    private final String label;

    DecisionPoint(String label) {
        this.label = label;
    }

    /** How a person reads it (SSVC's own wording). */
    public String label() {
        return label;
    }
}
