package org.patchcare.risk.domain;

/** SSVC Safety Impact (v2.0.1), from the device's clinical criticality. */
public enum SafetyImpact {
    NEGLIGIBLE("negligible"),
    MARGINAL("marginal"),
    CRITICAL("critical"),
    CATASTROPHIC("catastrophic");

    private final String label;

    SafetyImpact(String label) {
        this.label = label;
    }

    /** How a person reads it (SSVC's own wording). */
    public String label() {
        return label;
    }
}
