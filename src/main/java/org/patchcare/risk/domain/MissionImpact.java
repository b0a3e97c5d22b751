package org.patchcare.risk.domain;

/** SSVC Mission Impact (v2.0.0): what the department loses while the device is compromised or down. */
public enum MissionImpact {
    DEGRADED("degraded"),
    MEF_SUPPORT_CRIPPLED("MEF support crippled"),
    MEF_FAILURE("MEF failure"),
    MISSION_FAILURE("mission failure");

    private final String label;

    MissionImpact(String label) {
        this.label = label;
    }

    /** How a person reads it (SSVC's own wording). */
    public String label() {
        return label;
    }
}
