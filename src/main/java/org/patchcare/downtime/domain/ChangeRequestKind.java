package org.patchcare.downtime.domain;

/** What a change request does to its devices. */
public enum ChangeRequestKind {
    PATCH("Patch"),
    MITIGATION("Mitigation (apply a control)"),
    CONFIGURATION_CHANGE("Configuration change"),
    REPLACEMENT("Replacement"),
    VENDOR_SERVICE("Vendor service visit");

    private final String label;

    ChangeRequestKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
