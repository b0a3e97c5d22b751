package org.patchcare.risk.domain;

/** How an exposure was validated. */
public enum ValidationMethod {
    BREACH_AND_ATTACK_SIMULATION("Breach-and-attack simulation"),
    PENETRATION_TEST("Penetration test"),
    MANUAL_CHECK("Manual check");

    private final String label;

    ValidationMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
