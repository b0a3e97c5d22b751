package org.patchcare.risk.domain;

/** A control is active until withdrawn or past its expiry date. */
public enum ControlStatus {
    ACTIVE("Active"),
    WITHDRAWN("Withdrawn"),
    EXPIRED("Expired");

    private final String label;

    ControlStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
