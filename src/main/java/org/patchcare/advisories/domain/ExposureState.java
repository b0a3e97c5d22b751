package org.patchcare.advisories.domain;

/** The VEX status of one device for one vulnerability. */
public enum ExposureState {
    UNDER_INVESTIGATION("Under investigation"),
    AFFECTED("Affected"),
    NOT_AFFECTED("Not affected"),
    FIXED("Fixed");

    private final String label;

    ExposureState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Open exposures still need work; closed ones (not affected, fixed) do not. */
    public boolean isOpen() {
        return this == UNDER_INVESTIGATION || this == AFFECTED;
    }
}
