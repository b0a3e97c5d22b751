package org.patchcare.inventory.domain;

/** Clinical criticality; feeds the SSVC safety impact (life-sustaining → catastrophic). */
public enum Criticality {
    LIFE_SUSTAINING("Life-sustaining"),
    LIFE_SUPPORTING("Life-supporting"),
    DIAGNOSTIC("Diagnostic"),
    THERAPEUTIC_NON_CRITICAL("Therapeutic, non-critical"),
    NON_CLINICAL("Non-clinical");

    private final String label;

    Criticality(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
