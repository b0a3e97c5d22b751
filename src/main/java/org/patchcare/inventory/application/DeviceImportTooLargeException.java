package org.patchcare.inventory.application;

import org.patchcare.shared.domain.DomainException;

/** The import file is larger than the configured maximum; nothing was written. */
public class DeviceImportTooLargeException extends DomainException {

    private final long maxBytes;

    public DeviceImportTooLargeException(long maxBytes) {
        super("The file is larger than " + DeviceImportLimits.megabytes(maxBytes)
                + ", the most PatchCare imports at once. Split it into smaller files and import them one after the other.");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
