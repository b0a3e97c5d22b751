package org.patchcare.inventory.domain;

/** How far the device's network reaches; feeds the SSVC system exposure. */
public enum Connectivity {
    STANDALONE("Standalone"),
    ISOLATED_NETWORK("Isolated network"),
    CLINICAL_NETWORK("Clinical network"),
    HOSPITAL_NETWORK("Hospital network"),
    INTERNET_REACHABLE("Internet-reachable");

    private final String label;

    Connectivity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
