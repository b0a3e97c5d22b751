package org.patchcare.risk.domain;

import static org.patchcare.shared.domain.Texts.cut;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One change of an exposure's SSVC decision and what caused it (a KEV load, a control, a device move ...). Append-only. */
@Entity
@Table(name = "decision_change")
public class DecisionChange {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
    private Long id;
    @Column(name = "exposure_id", nullable = false, updatable = false)
    private long exposureId;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(nullable = false, updatable = false, length = 200)
    private String cause;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_outcome", updatable = false, length = 20)
    private Outcome fromOutcome;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_outcome", nullable = false, updatable = false, length = 20)
    private Outcome toOutcome;
    @Column(name = "from_score", updatable = false)
    private Integer fromScore;
    @Column(name = "to_score", nullable = false, updatable = false)
    private int toScore;
    @Column(nullable = false, updatable = false, length = 1000)
    private String detail;

    protected DecisionChange() {
    }

    public DecisionChange(long exposureId, Instant occurredAt, String cause, Outcome fromOutcome, Outcome toOutcome,
                          Integer fromScore, int toScore, String detail) {
        this.exposureId = exposureId;
        this.occurredAt = occurredAt;
        this.cause = cut(cause, 200);
        this.fromOutcome = fromOutcome;
        this.toOutcome = toOutcome;
        this.fromScore = fromScore;
        this.toScore = toScore;
        this.detail = cut(detail, 1000);
    }
}
