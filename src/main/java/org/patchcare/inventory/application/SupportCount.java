package org.patchcare.inventory.application;

/** Devices of one department or model by vendor-support status. */
public record SupportCount(String key, String label, long unsupported, long endingSoon, long supported, long unknown) {
    public long total() {
        return unsupported + endingSoon + supported + unknown;
    }
}
