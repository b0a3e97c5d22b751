package org.patchcare.downtime.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of a change request:
 * <pre>
 * draft → submitted → approved → scheduled → in progress → completed
 *                                                        → failed → rolled back
 * submitted → rejected | draft (an approver proposed another window, or the requester takes it back to edit)
 * draft, submitted, approved, scheduled → cancelled;  submitted, approved, scheduled → expired (its windows passed)
 * </pre>
 * An emergency request becomes approved on one clinical manager's approval; the other approvals are collected
 * afterwards (see {@code ChangeRequest}).
 */
public enum ChangeRequestStatus {
    DRAFT("Draft"),
    SUBMITTED("Submitted"),
    APPROVED("Approved"),
    SCHEDULED("Scheduled"),
    IN_PROGRESS("In progress"),
    COMPLETED("Completed"),
    FAILED("Failed"),
    ROLLED_BACK("Rolled back"),
    REJECTED("Rejected"),
    CANCELLED("Cancelled"),
    EXPIRED("Expired");

    private static final Map<ChangeRequestStatus, EnumSet<ChangeRequestStatus>> NEXT = Map.ofEntries(
            Map.entry(DRAFT, EnumSet.of(SUBMITTED, CANCELLED)),
            Map.entry(SUBMITTED, EnumSet.of(APPROVED, REJECTED, DRAFT, CANCELLED, EXPIRED)),
            Map.entry(APPROVED, EnumSet.of(SCHEDULED, CANCELLED, EXPIRED)),
            Map.entry(SCHEDULED, EnumSet.of(IN_PROGRESS, CANCELLED, EXPIRED)),
            Map.entry(IN_PROGRESS, EnumSet.of(COMPLETED, FAILED)),
            Map.entry(FAILED, EnumSet.of(ROLLED_BACK)),
            Map.entry(COMPLETED, EnumSet.noneOf(ChangeRequestStatus.class)),
            Map.entry(ROLLED_BACK, EnumSet.noneOf(ChangeRequestStatus.class)),
            Map.entry(REJECTED, EnumSet.noneOf(ChangeRequestStatus.class)),
            Map.entry(CANCELLED, EnumSet.noneOf(ChangeRequestStatus.class)),
            Map.entry(EXPIRED, EnumSet.noneOf(ChangeRequestStatus.class)));

    private final String label;

    ChangeRequestStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states this one may move to. */
    public Set<ChangeRequestStatus> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }

    public boolean canBecome(ChangeRequestStatus to) {
        return NEXT.get(this).contains(to);
    }

    /** No way out: completed, rolled back, rejected, cancelled or expired. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Waiting for or holding downtime: its windows count as planned downtime in conflict checks. */
    public boolean holdsDowntime() {
        return this == SUBMITTED || this == APPROVED || this == SCHEDULED || this == IN_PROGRESS;
    }
}
