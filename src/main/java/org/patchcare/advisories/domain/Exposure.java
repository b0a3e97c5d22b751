package org.patchcare.advisories.domain;

import static org.patchcare.shared.domain.Texts.cut;
import static org.patchcare.shared.domain.Texts.within;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.util.UUID;

/**
 * One device, one vulnerability (CVE) of one advisory. Created by matching; its state follows the VEX vocabulary and
 * every change is recorded as an {@link ExposureEvent} (who, when, from → to, why).
 */
@Entity
@Table(name = "exposure")
public class Exposure extends BaseEntity {

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(name = "device_id", nullable = false, updatable = false)
    private long deviceId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "advisory_id", nullable = false, updatable = false)
    private Advisory advisory;
    @Column(nullable = false, updatable = false, length = 20)
    private String cve;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ExposureState state;
    @Enumerated(EnumType.STRING)
    @Column(length = 60)
    private Justification justification;
    @Column(name = "state_reason", length = 1000)
    private String stateReason;
    @Column(name = "matched_product", nullable = false, length = 1000)
    private String matchedProduct;
    @Column(nullable = false, length = 20)
    private String certainty;
    @Column(name = "match_reason", nullable = false, length = 1000)
    private String matchReason;

    protected Exposure() {
    }

    public Exposure(long deviceId, Advisory advisory, String cve, String matchedProduct, String certainty,
                    String matchReason) {
        this.deviceId = deviceId;
        this.advisory = advisory;
        this.cve = cve;
        this.matchedProduct = cut(matchedProduct, 1000);
        this.certainty = certainty;
        this.matchReason = cut(matchReason, 1000);
    }

    /**
     * Moves to {@code to}. Not affected needs a justification; a reason is always needed.
     *
     * @return the event to store, or null when nothing changes
     */
    public ExposureEvent transition(ExposureState to, Justification why, String reason, String actor, Instant now) {
        if (to == null) {
            throw new InvalidInputException("state", "Choose the new state.");
        }
        if (to == ExposureState.NOT_AFFECTED && why == null) {
            throw new InvalidInputException("justification",
                    "Say why the device is not affected: component not present, vulnerable code not present, not in "
                            + "the execute path, cannot be controlled by an adversary, or inline mitigations exist.");
        }
        if (to != ExposureState.NOT_AFFECTED && why != null) {
            throw new InvalidInputException("justification", "A justification belongs only to \"not affected\".");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the state changes (it is kept in the exposure's history).");
        }
        if (to == state && why == justification) {
            return null;
        }
        ExposureState from = state;
        this.state = to;
        this.justification = why;
        this.stateReason = within("reason", reason.strip(), 1000);
        touch(actor, now);
        return new ExposureEvent(this, from, to, why, stateReason, actor, now);
    }

    /** Matching found a new product or reason for the same exposure (the advisory got a new revision). */
    public void rematched(String matchedProduct, String certainty, String matchReason) {
        this.matchedProduct = cut(matchedProduct, 1000);
        this.certainty = certainty;
        this.matchReason = cut(matchReason, 1000);
    }

    public String getPublicId() { return publicId; }
    public long getDeviceId() { return deviceId; }
    public Advisory getAdvisory() { return advisory; }
    public String getCve() { return cve; }
    public ExposureState getState() { return state; }
    public Justification getJustification() { return justification; }
    public String getStateReason() { return stateReason; }
    public String getMatchedProduct() { return matchedProduct; }
    public String getCertainty() { return certainty; }
    public String getMatchReason() { return matchReason; }
}
