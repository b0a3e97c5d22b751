package org.patchcare.downtime.domain;

/** Why a proposed downtime window clashes with something. */
public enum ConflictType {
    DEVICE_ALREADY_DOWN("Device already down"),
    BLACKOUT("Inside a blackout window"),
    REDUNDANCY_BELOW_MINIMUM("Redundancy group below its minimum"),
    TECHNICIAN_DOUBLE_BOOKED("Technician double-booked");

    private final String label;

    ConflictType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
