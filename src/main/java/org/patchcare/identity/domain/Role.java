package org.patchcare.identity.domain;

/** What a person may do in PatchCare. A user may hold several roles. */
public enum Role {
    BIOMED_TECH("Biomedical technician"),
    CLINICAL_MANAGER("Clinical manager"),
    IT_SECURITY("IT security"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
