package org.patchcare.risk.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.patchcare.risk.domain.CompensatingControl;
import org.patchcare.risk.domain.ControlScope;
import org.patchcare.risk.domain.ControlType;

import java.time.LocalDate;

/**
 * What a person or a system sends to record or change a compensating control; bound by the control form
 * (BeanValidationBinder) and read from JSON by the API. {@code scopeKey} is the asset tag (scope DEVICE), the network
 * segment (SEGMENT) or the device model's public id (MODEL). {@code version} is the one the caller saw (updates).
 */
public class ControlCommand {

    @NotNull(message = "{patchcare.control.type.required}")
    private ControlType type;

    @NotBlank(message = "{patchcare.control.title.required}")
    @Size(max = CompensatingControl.TITLE_MAX)
    private String title;

    @Size(max = CompensatingControl.REFERENCE_MAX)
    private String reference;

    @NotNull(message = "{patchcare.control.scope.required}")
    private ControlScope scope;

    @NotBlank(message = "{patchcare.control.scopeKey.required}")
    @Size(max = CompensatingControl.SEGMENT_MAX)
    private String scopeKey;

    @NotBlank(message = "{patchcare.control.owner.required}")
    @Size(max = CompensatingControl.OWNER_MAX)
    private String owner;

    @Size(max = CompensatingControl.EVIDENCE_MAX)
    private String evidence;

    @NotNull(message = "{patchcare.control.appliedOn.required}")
    private LocalDate appliedOn;

    private LocalDate reviewOn;

    @NotNull(message = "{patchcare.control.expiresOn.required}")
    private LocalDate expiresOn;

    private Integer version;

    public ControlType getType() { return type; }
    public void setType(ControlType type) { this.type = type; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public ControlScope getScope() { return scope; }
    public void setScope(ControlScope scope) { this.scope = scope; }
    public String getScopeKey() { return scopeKey; }
    public void setScopeKey(String scopeKey) { this.scopeKey = scopeKey; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public LocalDate getAppliedOn() { return appliedOn; }
    public void setAppliedOn(LocalDate appliedOn) { this.appliedOn = appliedOn; }
    public LocalDate getReviewOn() { return reviewOn; }
    public void setReviewOn(LocalDate reviewOn) { this.reviewOn = reviewOn; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public void setExpiresOn(LocalDate expiresOn) { this.expiresOn = expiresOn; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }

    /** A command holding a control's current values, to edit. */
    public static ControlCommand of(MitigationViews.ControlView c) {
        ControlCommand cmd = new ControlCommand();
        cmd.setType(ControlType.valueOf(c.type()));
        cmd.setTitle(c.title());
        cmd.setReference(c.reference());
        cmd.setScope(ControlScope.valueOf(c.scope()));
        cmd.setScopeKey(c.scopeKey());
        cmd.setOwner(c.owner());
        cmd.setEvidence(c.evidence());
        cmd.setAppliedOn(c.appliedOn());
        cmd.setReviewOn(c.reviewOn());
        cmd.setExpiresOn(c.expiresOn());
        cmd.setVersion(c.version());
        return cmd;
    }
}
