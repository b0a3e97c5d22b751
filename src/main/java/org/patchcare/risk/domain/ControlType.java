package org.patchcare.risk.domain;

/** Kinds of compensating control. */
public enum ControlType {
    IPS_IDS_RULE("IPS/IDS rule"),
    EDR_SIGNATURE("EDR signature"),
    SEGMENTATION_ACL("Network segmentation or ACL"),
    SERVICE_DISABLED("Service disabled"),
    VENDOR_MITIGATION("Vendor mitigation applied"),
    PHYSICAL_ISOLATION("Physical isolation"),
    OTHER("Other");

    private final String label;

    ControlType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
