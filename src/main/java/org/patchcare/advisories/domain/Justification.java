package org.patchcare.advisories.domain;

/** Why a device is not affected (the CSAF VEX flag labels; CycloneDX has matching justifications). */
public enum Justification {
    COMPONENT_NOT_PRESENT("component_not_present", "code_not_present", "The vulnerable component is not in this device"),
    VULNERABLE_CODE_NOT_PRESENT("vulnerable_code_not_present", "code_not_present",
            "The component is there, but not the vulnerable code"),
    VULNERABLE_CODE_NOT_IN_EXECUTE_PATH("vulnerable_code_not_in_execute_path", "code_not_reachable",
            "The vulnerable code is never executed on this device"),
    VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY("vulnerable_code_cannot_be_controlled_by_adversary",
            "requires_environment", "An attacker cannot reach or control the vulnerable code"),
    INLINE_MITIGATIONS_ALREADY_EXIST("inline_mitigations_already_exist", "protected_by_mitigating_control",
            "Mitigations built into the device already prevent exploitation");

    private final String csafLabel;
    private final String cycloneDx;
    private final String label;

    Justification(String csafLabel, String cycloneDx, String label) {
        this.csafLabel = csafLabel;
        this.cycloneDx = cycloneDx;
        this.label = label;
    }

    /** The CSAF flag label. */
    public String csafLabel() {
        return csafLabel;
    }

    /** The CycloneDX analysis justification. */
    public String cycloneDx() {
        return cycloneDx;
    }

    public String label() {
        return label;
    }
}
