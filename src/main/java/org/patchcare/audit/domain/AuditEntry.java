package org.patchcare.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.Instant;

/** One state change: who, when, what, old → new values (JSON), and why. Append-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    public enum Action { CREATE, UPDATE, DELETE, EVENT }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "audit_ids")
    @TableGenerator(name = "audit_ids", table = "id_generator", pkColumnName = "sequence_name",
            valueColumnName = "next_val", pkColumnValue = "audit", allocationSize = 100)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 64)
    private String actor;

    @Column(name = "entity_type", nullable = false, updatable = false, length = 40)
    private String entityType;

    @Column(name = "entity_key", nullable = false, updatable = false, length = 80)
    private String entityKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private Action action;

    @Column(updatable = false)
    private String changes;

    @Column(updatable = false, length = 500)
    private String reason;

    /** The trail is append-only for the application: no code path may change or remove an entry. */
    @jakarta.persistence.PreUpdate
    @jakarta.persistence.PreRemove
    void refuseChange() {
        throw new IllegalStateException("The audit trail is append-only: entry " + id + " cannot be changed or removed");
    }

    protected AuditEntry() {
    }

    public AuditEntry(Instant occurredAt, String actor, String entityType, String entityKey, Action action,
                      String changes, String reason) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.entityType = entityType;
        this.entityKey = entityKey;
        this.action = action;
        this.changes = changes;
        this.reason = reason;
    }

    public Long getId() { return id; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getEntityType() { return entityType; }
    public String getEntityKey() { return entityKey; }
    public Action getAction() { return action; }
    public String getChanges() { return changes; }
    public String getReason() { return reason; }
}
