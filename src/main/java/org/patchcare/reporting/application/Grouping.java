package org.patchcare.reporting.application;

/** How a metric is rolled up. */
public enum Grouping {
    DEPARTMENT("Department"),
    MANUFACTURER("Manufacturer"),
    DEVICE_TYPE("Device type"),
    OUTCOME("SSVC outcome"),
    QUARTER("Quarter");

    private final String label;

    Grouping(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
