package org.patchcare.downtime.domain;

/** One approval of a change request. */
public enum ApprovalStatus {
    PENDING("Waiting"),
    APPROVED("Approved"),
    REJECTED("Rejected"),
    PROPOSED_OTHER_WINDOW("Proposed another window"),
    /** The request was sent back, cancelled or expired before this approver decided. */
    WITHDRAWN("Withdrawn");

    private final String label;

    ApprovalStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
