package org.patchcare.risk.domain;

/** What a compensating control covers: one device, a network segment, or every device of a model. */
public enum ControlScope {
    DEVICE("Device"),
    SEGMENT("Network segment"),
    MODEL("Device model");

    private final String label;

    ControlScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
