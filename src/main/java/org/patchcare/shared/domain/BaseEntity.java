package org.patchcare.shared.domain;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TableGenerator;
import jakarta.persistence.Version;

import java.time.Instant;

/**
 * Common columns of every aggregate: a database id that never leaves the server, an optimistic-lock
 * version, and who created and last changed the row. Ids come from a pooled table generator so that
 * Hibernate can batch inserts on MySQL as well as on H2.
 */
@MappedSuperclass
public abstract class BaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
    @TableGenerator(name = "ids", table = "id_generator", pkColumnName = "sequence_name",
            valueColumnName = "next_val", pkColumnValue = "patchcare", allocationSize = 100)
    private Long id;

    @Version
    @Column(nullable = false)
    private int version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false, length = 64)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 64)
    private String updatedBy;

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    /** Stamps creation and change; called by the services, which know the caller and the clock. */
    public void touch(String actor, Instant now) {
        if (createdAt == null) {
            createdAt = now;
            createdBy = actor;
        }
        updatedAt = now;
        updatedBy = actor;
    }

    public boolean isNew() {
        return id == null;
    }
}
