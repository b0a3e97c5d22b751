package org.patchcare.downtime.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's iCalendar subscription to one department's downtime windows. The token in the feed's URL is the credential;
 * only its SHA-256 (hex) is kept, so the URL is shown once, when the feed is created. A revoked feed answers 404.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends BaseEntity {

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(nullable = false, updatable = false, length = 64)
    private String username;
    @Column(name = "department_id", nullable = false, updatable = false)
    private long departmentId;
    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;
    @Column(name = "last_used_at")
    private Instant lastUsedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(String username, long departmentId, String tokenHash) {
        this.username = username;
        this.departmentId = departmentId;
        this.tokenHash = tokenHash;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public void used(Instant at) {
        lastUsedAt = at;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public String getPublicId() { return publicId; }
    public String getUsername() { return username; }
    public long getDepartmentId() { return departmentId; }
    public String getTokenHash() { return tokenHash; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public Instant getRevokedAt() { return revokedAt; }
}
