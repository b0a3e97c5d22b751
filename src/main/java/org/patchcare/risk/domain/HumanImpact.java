package org.patchcare.risk.domain;

/** SSVC Human Impact (v2.0.2): safety impact × mission impact. */
public enum HumanImpact {
    LOW("low"),
    MEDIUM("medium"),
    HIGH("high"),
    VERY_HIGH("very high");

    private final String label;

    HumanImpact(String label) {
        this.label = label;
    }

    /** How a person reads it (SSVC's own wording). */
    public String label() {
        return label;
    }
}
