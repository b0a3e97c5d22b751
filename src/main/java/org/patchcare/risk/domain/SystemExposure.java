package org.patchcare.risk.domain;

/** SSVC System Exposure: how reachable the vulnerable device is for an attacker. */
public enum SystemExposure {
    SMALL("small"),
    CONTROLLED("controlled"),
    OPEN("open");

    private final String label;

    SystemExposure(String label) {
        this.label = label;
    }

    /** How a person reads it (SSVC's own wording). */
    public String label() {
        return label;
    }
}
