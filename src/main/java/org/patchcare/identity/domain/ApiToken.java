package org.patchcare.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A credential for a machine client (scanner, CMMS, SIEM): the caller becomes {@code token:<name>} with exactly the
 * token's roles. Only the SHA-256 of the secret is stored; the secret is shown once when the token is created.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends BaseEntity {

    public static final int NAME_MAX = 58; // "token:" + name fits the 64 characters of an audit actor
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._ -]{1,57}";
    public static final String PRINCIPAL_PREFIX = "token:";
    /** Roles a token may hold: not ADMIN, so a leaked token cannot mint tokens, change users or settings. */
    public static final Set<Role> GRANTABLE = EnumSet.of(Role.BIOMED_TECH, Role.IT_SECURITY, Role.CLINICAL_MANAGER);

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();

    @Column(nullable = false, updatable = false, length = 80)
    private String name;

    @Column(nullable = false, updatable = false, length = 16)
    private String prefix;

    @Column(name = "secret_hash", nullable = false, updatable = false, length = 64)
    private String secretHash;

    @Column(nullable = false, updatable = false, length = 200)
    private String roles;

    @Column(name = "expires_at", nullable = false, updatable = false)
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by", length = 64)
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "last_used_ip", length = 45)
    private String lastUsedIp;

    protected ApiToken() {
    }

    public ApiToken(String name, String prefix, String secretHash, Set<Role> roles, Instant expiresAt) {
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash;
        this.roles = roles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.expiresAt = expiresAt;
    }

    public void revoke(String by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public String principal() {
        return PRINCIPAL_PREFIX + name;
    }

    public String getPublicId() { return publicId; }
    public String getName() { return name; }
    public String getPrefix() { return prefix; }
    public String getSecretHash() { return secretHash; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedBy() { return revokedBy; }
    public Instant getLastUsedAt() { return lastUsedAt; }
    public String getLastUsedIp() { return lastUsedIp; }

    public Set<Role> getRoles() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        Arrays.stream(roles.split(",")).filter(s -> !s.isBlank()).map(Role::valueOf).forEach(set::add);
        return set;
    }
}
