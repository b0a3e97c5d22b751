package org.patchcare.downtime.domain;

/** A downtime window follows its request: proposed until approved, then approved, in progress, done or cancelled. */
public enum WindowStatus {
    PROPOSED("Proposed"),
    APPROVED("Approved"),
    IN_PROGRESS("In progress"),
    DONE("Done"),
    CANCELLED("Cancelled");

    private final String label;

    WindowStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Counts as the device being (planned to be) down. */
    public boolean blocksDevice() {
        return this != CANCELLED && this != DONE;
    }
}
