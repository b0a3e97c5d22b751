package org.patchcare.downtime.domain;

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

/** One state change of a change request: who, when, from, to and a comment. Append-only. */
@Entity
@Table(name = "change_request_transition")
public class ChangeRequestTransition {

    public static final int COMMENT_MAX = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "change_request_id", nullable = false, updatable = false)
    private ChangeRequest request;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false, length = 20)
    private ChangeRequestStatus from;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false, length = 20)
    private ChangeRequestStatus to;
    @Column(nullable = false, updatable = false, length = 64)
    private String actor;
    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant at;
    @Column(updatable = false, length = COMMENT_MAX)
    private String comment;

    protected ChangeRequestTransition() {
    }

    ChangeRequestTransition(ChangeRequest request, ChangeRequestStatus from, ChangeRequestStatus to, String actor,
                            Instant at, String comment) {
        this.request = request;
        this.from = from;
        this.to = to;
        this.actor = actor;
        this.at = at;
        this.comment = comment;
    }

    public Long getId() { return id; }
    public ChangeRequestStatus getFrom() { return from; }
    public ChangeRequestStatus getTo() { return to; }
    public String getActor() { return actor; }
    public Instant getAt() { return at; }
    public String getComment() { return comment; }
}
