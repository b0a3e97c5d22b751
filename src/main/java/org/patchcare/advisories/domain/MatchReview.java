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
import org.patchcare.shared.domain.DomainException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/**
 * A likely match IT must look at: an advisory product that may be this device model (fuzzy name, or versions that
 * cannot be compared). Confirming or dismissing it is remembered per model and product, so it is not asked again.
 */
@Entity
@Table(name = "match_review")
public class MatchReview extends BaseEntity {

    public enum Status { PENDING, CONFIRMED, DISMISSED }

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "advisory_id", nullable = false, updatable = false)
    private Advisory advisory;
    @Column(name = "model_id", nullable = false, updatable = false)
    private long modelId;
    @Column(name = "product_key", nullable = false, updatable = false, length = 64)
    private String productKey;
    @Column(name = "product_label", nullable = false, length = 1000)
    private String productLabel;
    @Column(nullable = false, precision = 4, scale = 3)
    private BigDecimal score;
    @Column(nullable = false, length = 1000)
    private String reason;
    @Column(nullable = false)
    private int devices;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;
    @Column(name = "decided_by", length = 64)
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(length = 1000)
    private String comment;

    protected MatchReview() {
    }

    public MatchReview(Advisory advisory, long modelId, String productKey, String productLabel, double score,
                       String reason, int devices) {
        this.advisory = advisory;
        this.modelId = modelId;
        this.productKey = productKey;
        update(productLabel, score, reason, devices);
    }

    public void update(String productLabel, double score, String reason, int devices) {
        this.productLabel = cut(productLabel, 1000);
        this.score = BigDecimal.valueOf(Math.max(0, Math.min(1, score))).setScale(3, RoundingMode.HALF_UP);
        this.reason = cut(reason, 1000);
        this.devices = devices;
    }

    public void decide(Status decision, String comment, String actor, Instant now) {
        if (status != Status.PENDING) {
            throw new DomainException("This match was already " + status.name().toLowerCase() + " by " + decidedBy + ".");
        }
        if (decision == Status.PENDING) {
            throw new DomainException("Confirm or dismiss the match.");
        }
        this.status = decision;
        this.comment = comment == null || comment.isBlank() ? null : within("comment", comment.strip(), 1000);
        this.decidedBy = actor;
        this.decidedAt = now;
        touch(actor, now);
    }

    public String getPublicId() { return publicId; }
    public Advisory getAdvisory() { return advisory; }
    public long getModelId() { return modelId; }
    public String getProductKey() { return productKey; }
    public String getProductLabel() { return productLabel; }
    public BigDecimal getScore() { return score; }
    public String getReason() { return reason; }
    public int getDevices() { return devices; }
    public Status getStatus() { return status; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public String getComment() { return comment; }
}
