package org.patchcare.planning.domain;

/** The SSVC outcome that drives a device's due date, most urgent first; the weight of a late hour. */
public enum Priority {
    IMMEDIATE("immediate", 8),
    OUT_OF_CYCLE("out-of-cycle", 4),
    SCHEDULED("scheduled", 2),
    DEFER("defer", 1);

    private final String label;
    private final int lateWeight;

    Priority(String label, int lateWeight) {
        this.label = label;
        this.lateWeight = lateWeight;
    }

    public String label() {
        return label;
    }

    public int lateWeight() {
        return lateWeight;
    }

    public boolean urgent() {
        return this == IMMEDIATE || this == OUT_OF_CYCLE;
    }

    /** From the outcome stored in exposure_decision (IMMEDIATE, OUT_OF_CYCLE, SCHEDULED, DEFER); unknown: scheduled. */
    public static Priority of(String outcome) {
        if (outcome == null) {
            return SCHEDULED;
        }
        try {
            return valueOf(outcome.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return SCHEDULED;
        }
    }
}
