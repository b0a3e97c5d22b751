package org.patchcare.inventory.domain;

import java.time.LocalDate;

/** Whether the vendor still supports a device, judged from its effective end-of-support date. */
public enum SupportStatus {
    SUPPORTED("Supported"),
    ENDING_SOON("Support ends within 12 months"),
    UNSUPPORTED("Unsupported"),
    UNKNOWN("End of support unknown");

    public static final int SOON_MONTHS = 12;

    private final String label;

    SupportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SupportStatus of(LocalDate endOfSupport, LocalDate today) {
        if (endOfSupport == null) {
            return UNKNOWN;
        }
        if (endOfSupport.isBefore(today)) {
            return UNSUPPORTED;
        }
        if (endOfSupport.isBefore(today.plusMonths(SOON_MONTHS))) {
            return ENDING_SOON;
        }
        return SUPPORTED;
    }
}
