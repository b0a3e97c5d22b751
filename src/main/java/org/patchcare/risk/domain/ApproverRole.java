package org.patchcare.risk.domain;

/** The two approvals a risk acceptance needs, each from a different person than the requester. */
public enum ApproverRole {
    CLINICAL("clinical"),
    SECURITY("IT security");

    private final String label;

    ApproverRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
