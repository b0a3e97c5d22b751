package org.patchcare.risk.domain;

import static org.patchcare.shared.domain.Texts.cut;
import static org.patchcare.shared.domain.Texts.within;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The hospital accepts the risk of one open exposure until a date: requested by IT security or biomed, approved by a
 * clinical manager of the device's department and by IT security (two different people, neither the requester). While
 * approved, the exposure leaves the work queue and the roll-ups; when it expires, the SLA clock starts again.
 * Refusals of a person's right to decide are {@link InvalidInputException}s on the field {@code approver}.
 */
@Entity
@Table(name = "risk_acceptance")
public class RiskAcceptance extends BaseEntity {

    /** The longest an acceptance may run, counted from the day it is requested. */
    public static final int MAX_DAYS = 365;
    public static final int REASON_MAX = 2000;
    public static final int COMMENT_MAX = 1000;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(name = "exposure_id", nullable = false, updatable = false)
    private long exposureId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AcceptanceStatus status = AcceptanceStatus.REQUESTED;
    @Column(nullable = false, updatable = false, length = REASON_MAX)
    private String reason;
    @Column(name = "expires_on", nullable = false, updatable = false)
    private LocalDate expiresOn;
    @Column(name = "requested_by", nullable = false, updatable = false, length = 64)
    private String requestedBy;
    @Column(name = "clinical_approver", length = 64)
    private String clinicalApprover;
    @Column(name = "clinical_decided_at")
    private Instant clinicalDecidedAt;
    @Column(name = "security_approver", length = 64)
    private String securityApprover;
    @Column(name = "security_decided_at")
    private Instant securityDecidedAt;
    @Column(name = "decision_comment", length = COMMENT_MAX)
    private String decisionComment;
    @Column(name = "warned_at")
    private Instant warnedAt;

    protected RiskAcceptance() {
    }

    /** A request: a reason, and an expiry after today and at most {@value #MAX_DAYS} days ahead. */
    public RiskAcceptance(long exposureId, String reason, LocalDate expiresOn, String requestedBy, LocalDate today) {
        List<InvalidInputException.Violation> v = new ArrayList<>();
        if (reason == null || reason.isBlank()) {
            v.add(new InvalidInputException.Violation("reason", "Say why the risk can be accepted for now, e.g. the "
                    + "vendor has no patch yet and the device is isolated."));
        }
        if (expiresOn == null) {
            v.add(new InvalidInputException.Violation("expiresOn", "A risk acceptance always ends; choose the date."));
        } else if (!expiresOn.isAfter(today)) {
            v.add(new InvalidInputException.Violation("expiresOn", "The end date must lie in the future."));
        } else if (expiresOn.isAfter(today.plusDays(MAX_DAYS))) {
            v.add(new InvalidInputException.Violation("expiresOn", "A risk acceptance runs at most " + MAX_DAYS
                    + " days, so until " + today.plusDays(MAX_DAYS) + " at the latest."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        this.exposureId = exposureId;
        this.reason = within("reason", reason.strip(), REASON_MAX);
        this.expiresOn = expiresOn;
        this.requestedBy = requestedBy;
    }

    /**
     * One approval. Both given → approved. The requester never approves their own request, and one person never gives
     * both approvals; an approval already given, or a request no longer waiting, is refused.
     */
    public void approve(ApproverRole as, String actor, String comment, Instant now, LocalDate today) {
        requireDecidable(as, actor);
        if (expiresOn.isBefore(today)) {
            throw new DomainException("This risk acceptance ran out on " + expiresOn + " before it was approved; "
                    + "request a new one.");
        }
        record(as, actor, now);
        note(actor, "approved", comment);
        if (clinicalApprover != null && securityApprover != null) {
            status = AcceptanceStatus.APPROVED;
        }
    }

    /** One rejection is enough: the request ends; the comment says why. */
    public void reject(ApproverRole as, String actor, String comment, Instant now) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", "Say why you reject the risk acceptance.");
        }
        requireDecidable(as, actor);
        record(as, actor, now);
        note(actor, "rejected", comment);
        status = AcceptanceStatus.REJECTED;
    }

    private void requireDecidable(ApproverRole as, String actor) {
        if (status != AcceptanceStatus.REQUESTED) {
            throw new DomainException("This risk acceptance is " + status.label().toLowerCase(Locale.ROOT)
                    + "; it no longer waits for a decision.");
        }
        if (actor.equals(requestedBy)) {
            throw new InvalidInputException("approver", "You requested this risk acceptance, so you cannot decide on "
                    + "it; a clinical manager of the department and IT security decide.");
        }
        String given = as == ApproverRole.CLINICAL ? clinicalApprover : securityApprover;
        if (given != null) {
            throw new DomainException("The " + as.label() + " approval was already given by " + given + ".");
        }
        String other = as == ApproverRole.CLINICAL ? securityApprover : clinicalApprover;
        if (actor.equals(other)) {
            throw new InvalidInputException("approver", "You already gave the other approval; the " + as.label()
                    + " approval must come from someone else.");
        }
    }

    private void record(ApproverRole as, String actor, Instant now) {
        if (as == ApproverRole.CLINICAL) {
            clinicalApprover = actor;
            clinicalDecidedAt = now;
        } else {
            securityApprover = actor;
            securityDecidedAt = now;
        }
    }

    private void note(String actor, String what, String comment) {
        if (comment == null || comment.isBlank()) {
            return;
        }
        String line = actor + " " + what + ": " + comment.strip();
        decisionComment = cut(decisionComment == null ? line : decisionComment + "\n" + line, COMMENT_MAX);
    }

    /** The requester takes the request (or the approved acceptance) back. */
    public void withdraw(String actor, String reason) {
        if (!actor.equals(requestedBy)) {
            throw new InvalidInputException("approver", "Only " + requestedBy + ", who requested it, may withdraw "
                    + "this risk acceptance.");
        }
        if (status != AcceptanceStatus.REQUESTED && status != AcceptanceStatus.APPROVED) {
            throw new DomainException("This risk acceptance is " + status.label().toLowerCase(Locale.ROOT)
                    + " and cannot be withdrawn.");
        }
        status = AcceptanceStatus.WITHDRAWN;
        note(actor, "withdrew", reason == null || reason.isBlank() ? "no reason given" : reason);
    }

    /** Approved past its end date → expired; true when it changed. */
    public boolean expireIfDue(LocalDate today) {
        if (status != AcceptanceStatus.APPROVED || !expiresOn.isBefore(today)) {
            return false;
        }
        status = AcceptanceStatus.EXPIRED;
        return true;
    }

    /** Approved, not warned yet, and ending within {@code warnDays} days. */
    public boolean needsWarning(LocalDate today, int warnDays) {
        return status == AcceptanceStatus.APPROVED && warnedAt == null && !expiresOn.isAfter(today.plusDays(warnDays));
    }

    public void warned(Instant at) {
        this.warnedAt = at;
    }

    /** Whether the approval in this capacity is still missing. */
    public boolean awaits(ApproverRole as) {
        return status == AcceptanceStatus.REQUESTED
                && (as == ApproverRole.CLINICAL ? clinicalApprover == null : securityApprover == null);
    }

    public String getPublicId() { return publicId; }
    public long getExposureId() { return exposureId; }
    public AcceptanceStatus getStatus() { return status; }
    public String getReason() { return reason; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public String getRequestedBy() { return requestedBy; }
    public String getClinicalApprover() { return clinicalApprover; }
    public Instant getClinicalDecidedAt() { return clinicalDecidedAt; }
    public String getSecurityApprover() { return securityApprover; }
    public Instant getSecurityDecidedAt() { return securityDecidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public Instant getWarnedAt() { return warnedAt; }
}
