package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** One state change of an exposure: who, when, from → to, and why. Append-only. */
@Entity
@Table(name = "exposure_event")
public class ExposureEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exposure_id", nullable = false, updatable = false)
    private Exposure exposure;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;
    @Column(nullable = false, updatable = false, length = 64)
    private String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", updatable = false, length = 30)
    private ExposureState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", nullable = false, updatable = false, length = 30)
    private ExposureState toState;
    @Enumerated(EnumType.STRING)
    @Column(updatable = false, length = 60)
    private Justification justification;
    @Column(nullable = false, updatable = false, length = 1000)
    private String reason;

    protected ExposureEvent() {
    }

    ExposureEvent(Exposure exposure, ExposureState from, ExposureState to, Justification justification, String reason,
                  String actor, Instant at) {
        this.exposure = exposure;
        this.fromState = from;
        this.toState = to;
        this.justification = justification;
        this.reason = reason;
        this.actor = actor;
        this.occurredAt = at;
    }

    public Exposure getExposure() { return exposure; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public ExposureState getFromState() { return fromState; }
    public ExposureState getToState() { return toState; }
    public Justification getJustification() { return justification; }
    public String getReason() { return reason; }
}
