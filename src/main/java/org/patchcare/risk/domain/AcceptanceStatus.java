package org.patchcare.risk.domain;

/** Risk acceptance lifecycle: requested → approved (both approvals) or rejected; approved → expired; requested → withdrawn. */
public enum AcceptanceStatus {
    REQUESTED("Requested"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    WITHDRAWN("Withdrawn"),
    EXPIRED("Expired");

    private final String label;

    AcceptanceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
