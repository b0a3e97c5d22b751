package org.patchcare.patching.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The life of a patch record:
 * <pre>
 * in progress → recorded → verified
 * in progress | recorded → failed → rolled back
 * </pre>
 * Recorded may be recorded again (a correction before verification). Unplanned work is stored as verified at once.
 */
public enum PatchStatus {
    IN_PROGRESS("In progress"),
    RECORDED("Recorded"),
    VERIFIED("Verified"),
    FAILED("Failed"),
    ROLLED_BACK("Rolled back");

    private static final Map<PatchStatus, EnumSet<PatchStatus>> NEXT = Map.of(
            IN_PROGRESS, EnumSet.of(RECORDED, FAILED),
            RECORDED, EnumSet.of(RECORDED, VERIFIED, FAILED),
            FAILED, EnumSet.of(ROLLED_BACK),
            VERIFIED, EnumSet.noneOf(PatchStatus.class),
            ROLLED_BACK, EnumSet.noneOf(PatchStatus.class));

    private final String label;

    PatchStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public Set<PatchStatus> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    public boolean canBecome(PatchStatus to) {
        return NEXT.get(this).contains(to);
    }

    /** Verified or rolled back: nothing more happens to the record. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** The device is still being worked on: started or recorded, not yet verified or failed. */
    public boolean isOpen() {
        return this == IN_PROGRESS || this == RECORDED;
    }

    String lower() {
        return label.toLowerCase(Locale.ROOT);
    }

    static String list(Set<PatchStatus> states) {
        return states.stream().map(PatchStatus::lower).sorted().collect(Collectors.joining(", "));
    }
}
