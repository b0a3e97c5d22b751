package org.patchcare.downtime.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;

import java.time.Instant;

/**
 * One approval a change request needs: IT security's (slot {@code SECURITY}) or a clinical manager's of one affected
 * department (slot {@code DEPARTMENT:<id>}). Changed only through its {@link ChangeRequest}.
 */
@Entity
@Table(name = "approval")
public class Approval extends BaseEntity {

    public static final String SECURITY_SLOT = "SECURITY";
    public static final int COMMENT_MAX = 2000;
    public static final int OVERRIDE_MAX = 1000;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "change_request_id", nullable = false, updatable = false)
    private ChangeRequest request;
    @Column(nullable = false, updatable = false, length = 40)
    private String slot;
    @Enumerated(EnumType.STRING)
    @Column(name = "approver_role", nullable = false, updatable = false, length = 20)
    private ApproverRole role;
    @Column(name = "department_id", updatable = false)
    private Long departmentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ApprovalStatus status = ApprovalStatus.PENDING;
    @Column(name = "decided_by", length = 64)
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(length = COMMENT_MAX)
    private String comment;
    @Column(name = "proposed_start")
    private Instant proposedStart;
    @Column(name = "proposed_end")
    private Instant proposedEnd;
    @Column(name = "conflict_override", length = OVERRIDE_MAX)
    private String conflictOverride;
    @Column(name = "after_start", nullable = false)
    private boolean afterStart;
    @Column(name = "escalated_at")
    private Instant escalatedAt;

    protected Approval() {
    }

    Approval(ChangeRequest request, ApproverRole role, Long departmentId) {
        this.request = request;
        this.role = role;
        this.departmentId = role == ApproverRole.SECURITY ? null : departmentId;
        this.slot = slotOf(role, departmentId);
    }

    public static String slotOf(ApproverRole role, Long departmentId) {
        return role == ApproverRole.SECURITY ? SECURITY_SLOT : "DEPARTMENT:" + departmentId;
    }

    void decide(ApprovalStatus to, String actor, Instant now, String comment) {
        this.status = to;
        this.decidedBy = actor;
        this.decidedAt = now;
        this.comment = comment;
    }

    void propose(Instant start, Instant end) {
        this.proposedStart = start;
        this.proposedEnd = end;
    }

    void override(String reason) {
        this.conflictOverride = reason;
    }

    void withdraw() {
        if (status == ApprovalStatus.PENDING) {
            status = ApprovalStatus.WITHDRAWN;
        }
    }

    void reset() {
        status = ApprovalStatus.PENDING;
        decidedBy = null;
        decidedAt = null;
        comment = null;
        proposedStart = null;
        proposedEnd = null;
        conflictOverride = null;
        afterStart = false;
        escalatedAt = null;
    }

    void afterStart() {
        this.afterStart = true;
    }

    public void escalated(Instant at) {
        this.escalatedAt = at;
    }

    public boolean isPending() {
        return status == ApprovalStatus.PENDING;
    }

    public ChangeRequest getRequest() { return request; }
    public String getSlot() { return slot; }
    public ApproverRole getRole() { return role; }
    public Long getDepartmentId() { return departmentId; }
    public ApprovalStatus getStatus() { return status; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getComment() { return comment; }
    public Instant getProposedStart() { return proposedStart; }
    public Instant getProposedEnd() { return proposedEnd; }
    public String getConflictOverride() { return conflictOverride; }
    public boolean isAfterStart() { return afterStart; }
    public Instant getEscalatedAt() { return escalatedAt; }
}
