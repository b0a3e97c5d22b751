package org.patchcare.patching.domain;

/** What was done to the device: its software updated (from → to version), or a compensating control applied. */
public enum PatchAction {
    SOFTWARE_UPDATE("Software update"),
    CONTROL_APPLIED("Control applied");

    private final String label;

    PatchAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
