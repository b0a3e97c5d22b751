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
import java.util.Objects;
import java.util.UUID;

/**
 * A compensating control (an IPS rule, an EDR signature, segmentation ...) that covers one device, a network segment
 * or every device of a model. Active from the day it was applied until it is withdrawn or its expiry date has passed;
 * an expiry is always required, so no control lowers a decision forever. Attached to exposures, it lowers system
 * exposure one step or turns automatable from yes to no (see {@link SsvcEvaluator}).
 */
@Entity
@Table(name = "compensating_control")
public class CompensatingControl extends BaseEntity {

    public static final int TITLE_MAX = 200;
    public static final int REFERENCE_MAX = 200;
    public static final int SEGMENT_MAX = 100;
    public static final int OWNER_MAX = 64;
    public static final int EVIDENCE_MAX = 4000;
    public static final int REASON_MAX = 1000;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Enumerated(EnumType.STRING)
    @Column(name = "control_type", nullable = false, length = 30)
    private ControlType type;
    @Column(nullable = false, length = TITLE_MAX)
    private String title;
    @Column(length = REFERENCE_MAX)
    private String reference;
    @Enumerated(EnumType.STRING)
    @Column(name = "scope_type", nullable = false, length = 20)
    private ControlScope scope;
    @Column(name = "scope_device_id")
    private Long scopeDeviceId;
    @Column(name = "scope_segment", length = SEGMENT_MAX)
    private String scopeSegment;
    @Column(name = "scope_model_id")
    private Long scopeModelId;
    @Column(nullable = false, length = OWNER_MAX)
    private String owner;
    @Column(length = EVIDENCE_MAX)
    private String evidence;
    @Column(name = "applied_on", nullable = false)
    private LocalDate appliedOn;
    @Column(name = "review_on")
    private LocalDate reviewOn;
    @Column(name = "expires_on", nullable = false)
    private LocalDate expiresOn;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ControlStatus status = ControlStatus.ACTIVE;
    @Column(name = "status_reason", length = REASON_MAX)
    private String statusReason;
    @Column(name = "warned_at")
    private Instant warnedAt;

    protected CompensatingControl() {
    }

    public CompensatingControl(ControlType type, String title, String reference, String owner, String evidence) {
        describe(type, title, reference, owner, evidence);
    }

    /** What the control is, who answers for it and the evidence that it is in place. */
    public void describe(ControlType type, String title, String reference, String owner, String evidence) {
        List<InvalidInputException.Violation> v = new ArrayList<>();
        if (type == null) {
            v.add(new InvalidInputException.Violation("type", "Choose the kind of control."));
        }
        if (title == null || title.isBlank()) {
            v.add(new InvalidInputException.Violation("title", "Give the control a title, e.g. \"Block SMBv1 to the CT VLAN\"."));
        }
        if (owner == null || owner.isBlank()) {
            v.add(new InvalidInputException.Violation("owner", "Name the person who answers for the control."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        this.type = type;
        this.title = within("title", title.strip(), TITLE_MAX);
        this.reference = reference == null || reference.isBlank() ? null : within("reference", reference.strip(), REFERENCE_MAX);
        this.owner = owner.strip();
        this.evidence = evidence == null || evidence.isBlank() ? null : within("evidence", evidence.strip(), EVIDENCE_MAX);
    }

    /**
     * Sets the dates. The expiry is required and must come after the day the control was applied; a review date lies
     * between the two. A new or moved expiry must not lie in the past, and moving it re-arms the expiry warning; an
     * expired control whose expiry moves to today or later is active again.
     */
    public void schedule(LocalDate appliedOn, LocalDate reviewOn, LocalDate expiresOn, LocalDate today) {
        List<InvalidInputException.Violation> v = new ArrayList<>();
        if (appliedOn == null) {
            v.add(new InvalidInputException.Violation("appliedOn", "Say since when the control is in place."));
        }
        if (expiresOn == null) {
            v.add(new InvalidInputException.Violation("expiresOn", "Every control needs an expiry date; it is checked "
                    + "again or removed by then."));
        } else if (appliedOn != null && !expiresOn.isAfter(appliedOn)) {
            v.add(new InvalidInputException.Violation("expiresOn", "The expiry date must come after the day the "
                    + "control was applied (" + appliedOn + ")."));
        } else if (!expiresOn.equals(this.expiresOn) && expiresOn.isBefore(today)) {
            v.add(new InvalidInputException.Violation("expiresOn", "The expiry date must not lie in the past."));
        }
        if (reviewOn != null && appliedOn != null && expiresOn != null
                && (reviewOn.isBefore(appliedOn) || reviewOn.isAfter(expiresOn))) {
            v.add(new InvalidInputException.Violation("reviewOn", "The review date lies between the day the control "
                    + "was applied and its expiry."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        if (!expiresOn.equals(this.expiresOn)) {
            warnedAt = null;
            if (status == ControlStatus.EXPIRED && !expiresOn.isBefore(today)) {
                status = ControlStatus.ACTIVE;
                statusReason = "renewed until " + expiresOn;
            }
        }
        this.appliedOn = appliedOn;
        this.reviewOn = reviewOn;
        this.expiresOn = expiresOn;
    }

    /** What the control covers: exactly the target its scope names. */
    public void scopeTo(ControlScope scope, Long deviceId, String segment, Long modelId) {
        if (scope == null) {
            throw new InvalidInputException("scope", "Choose what the control covers: a device, a network segment or a model.");
        }
        String seg = segment == null || segment.isBlank() ? null : cut(segment.strip(), SEGMENT_MAX);
        switch (scope) {
            case DEVICE -> require(deviceId != null, "the device (asset tag) it protects");
            case SEGMENT -> require(seg != null, "the network segment it protects");
            case MODEL -> require(modelId != null, "the device model it protects");
        }
        this.scope = scope;
        this.scopeDeviceId = scope == ControlScope.DEVICE ? deviceId : null;
        this.scopeSegment = scope == ControlScope.SEGMENT ? seg : null;
        this.scopeModelId = scope == ControlScope.MODEL ? modelId : null;
    }

    private static void require(boolean present, String what) {
        if (!present) {
            throw new InvalidInputException("scopeKey", "Name " + what + ".");
        }
    }

    /** True when the scope changes (moving the scope of a control with attachments is refused by the service). */
    public boolean scopeDiffers(ControlScope scope, Long deviceId, String segment, Long modelId) {
        String seg = segment == null || segment.isBlank() ? null : segment.strip();
        return scope != this.scope || !Objects.equals(scope == ControlScope.DEVICE ? deviceId : null, scopeDeviceId)
                || !Objects.equals(scope == ControlScope.SEGMENT ? seg : null, scopeSegment)
                || !Objects.equals(scope == ControlScope.MODEL ? modelId : null, scopeModelId);
    }

    /** Whether the device lies inside the control's scope (segments compare without regard to case). */
    public boolean covers(DeviceRef device) {
        return switch (scope) {
            case DEVICE -> scopeDeviceId != null && scopeDeviceId == device.deviceId();
            case SEGMENT -> device.networkSegment() != null
                    && device.networkSegment().strip().toLowerCase(Locale.ROOT).equals(scopeSegment.toLowerCase(Locale.ROOT));
            case MODEL -> scopeModelId != null && scopeModelId == device.modelId();
        };
    }

    /** Only an active control that has not passed its expiry may be attached to exposures. */
    public void requireAttachable(LocalDate today) {
        if (status != ControlStatus.ACTIVE || expiresOn.isBefore(today)) {
            throw new DomainException("Control \"" + title + "\" is " + (status == ControlStatus.ACTIVE ? "expired"
                    : status.label().toLowerCase(Locale.ROOT)) + "; only an active control can be attached.");
        }
    }

    /** A withdrawn control no longer counts for any exposure; the reason is required and kept. */
    public void withdraw(String reason) {
        if (status == ControlStatus.WITHDRAWN) {
            throw new DomainException("Control \"" + title + "\" was already withdrawn.");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the control is withdrawn (it is kept in the audit trail).");
        }
        status = ControlStatus.WITHDRAWN;
        statusReason = within("reason", reason.strip(), REASON_MAX);
    }

    /** A withdrawn control cannot be edited: record a new one. */
    public void requireEditable() {
        if (status == ControlStatus.WITHDRAWN) {
            throw new DomainException("Control \"" + title + "\" was withdrawn and cannot be changed; record a new control.");
        }
    }

    /** Active past its expiry date → expired; true when it changed. */
    public boolean expireIfDue(LocalDate today) {
        if (status != ControlStatus.ACTIVE || !expiresOn.isBefore(today)) {
            return false;
        }
        status = ControlStatus.EXPIRED;
        statusReason = "expired on " + expiresOn;
        return true;
    }

    /** Active, not warned yet, and expiring within {@code warnDays} days. */
    public boolean needsWarning(LocalDate today, int warnDays) {
        return status == ControlStatus.ACTIVE && warnedAt == null && !expiresOn.isAfter(today.plusDays(warnDays));
    }

    public void warned(Instant at) {
        this.warnedAt = at;
    }

    /** How the control reads in evidence, history and VEX reasons, e.g. {@code IPS/IDS rule "Block X" (IPS-1234)}. */
    public String label() {
        return describe(type, title, reference);
    }

    public static String describe(ControlType type, String title, String reference) {
        return type.label() + " \"" + title + "\"" + (reference == null || reference.isBlank() ? "" : " (" + reference + ")");
    }

    /** A short name for causes such as "control IPS-1234 attached": the reference, else the title. */
    public String shortName() {
        return reference != null ? reference : "\"" + title + "\"";
    }

    public String getPublicId() { return publicId; }
    public ControlType getType() { return type; }
    public String getTitle() { return title; }
    public String getReference() { return reference; }
    public ControlScope getScope() { return scope; }
    public Long getScopeDeviceId() { return scopeDeviceId; }
    public String getScopeSegment() { return scopeSegment; }
    public Long getScopeModelId() { return scopeModelId; }
    public String getOwner() { return owner; }
    public String getEvidence() { return evidence; }
    public LocalDate getAppliedOn() { return appliedOn; }
    public LocalDate getReviewOn() { return reviewOn; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public ControlStatus getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public Instant getWarnedAt() { return warnedAt; }
}
