package org.patchcare.downtime.domain;

/** Who must approve: a clinical manager of each affected department, and IT security once. */
public enum ApproverRole {
    CLINICAL("Clinical manager"),
    SECURITY("IT security");

    private final String label;

    ApproverRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
