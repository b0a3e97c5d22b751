package org.patchcare.downtime.application;

import java.time.Instant;

/**
 * An approver's answer. {@code comment} is required to reject or propose; {@code conflictOverride} is the reason for
 * approving despite conflicts (audited); {@code proposedStart/End} is the other window an approver proposes.
 */
public record ApprovalDecision(String comment, String conflictOverride, Instant proposedStart, Instant proposedEnd) {

    public static ApprovalDecision comment(String comment) {
        return new ApprovalDecision(comment, null, null, null);
    }
}
