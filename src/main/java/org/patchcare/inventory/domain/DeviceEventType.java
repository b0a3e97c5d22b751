package org.patchcare.inventory.domain;

/** Steps of a device's life, shown as its timeline. */
public enum DeviceEventType {
    RECEIVED("Received"),
    INSTALLED("Installed"),
    MOVED("Moved"),
    REPAIRED("Repaired"),
    PREVENTIVE_MAINTENANCE("Preventive maintenance"),
    SOFTWARE_CHANGED("Software changed"),
    TAKEN_OUT_OF_SERVICE("Taken out of service"),
    RETURNED_TO_SERVICE("Returned to service"),
    RETIRED("Retired");

    private final String label;

    DeviceEventType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
