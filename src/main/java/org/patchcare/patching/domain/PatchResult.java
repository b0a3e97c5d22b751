package org.patchcare.patching.domain;

/** How the work went. */
public enum PatchResult {
    SUCCESS("Success"),
    PARTIAL("Partial"),
    FAILED("Failed");

    private final String label;

    PatchResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
