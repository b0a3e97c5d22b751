package org.patchcare.inventory.domain;

public enum DeviceStatus {
    IN_SERVICE("In service"),
    OUT_OF_SERVICE("Out of service"),
    IN_REPAIR("In repair"),
    RETIRED("Retired");

    private final String label;

    DeviceStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
