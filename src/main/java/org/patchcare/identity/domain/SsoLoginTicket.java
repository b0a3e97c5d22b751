package org.patchcare.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * What the identity provider said about someone who just logged in through it: written by the SSO companion WAR
 * (org.patchcare.sso, plain JDBC), read and deleted once by the application's {@code /login/sso}. Never changed, so
 * no {@code @Version}. Keyed by the SHA-256 of the secret that travels in the browser's cookie.
 */
@Entity
@Table(name = "sso_login_ticket")
public class SsoLoginTicket {

    @Id
    @Column(name = "secret_hash", length = 64)
    private String secretHash;

    @Column(nullable = false)
    private String issuer;

    @Column(nullable = false)
    private String subject;

    private String username;

    private String email;

    @Column(name = "display_name")
    private String displayName;

    /** The values of the configured role claim (e.g. the groups), one per line. */
    @Column(name = "claim_values", nullable = false, length = 4000)
    private String claimValues;

    @Column(name = "created_at_ms", nullable = false)
    private long createdAtMillis;

    @Column(name = "expires_at_ms", nullable = false)
    private long expiresAtMillis;

    protected SsoLoginTicket() {
    }

    public SsoLoginTicket(String secretHash, String issuer, String subject, String username, String email,
                          String displayName, List<String> claimValues, Instant created, Instant expires) {
        this.secretHash = secretHash;
        this.issuer = issuer;
        this.subject = subject;
        this.username = username;
        this.email = email;
        this.displayName = displayName;
        this.claimValues = String.join("\n", claimValues);
        this.createdAtMillis = created.toEpochMilli();
        this.expiresAtMillis = expires.toEpochMilli();
    }

    public String getSecretHash() {
        return secretHash;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getSubject() {
        return subject;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public List<String> getClaimValues() {
        return claimValues.isEmpty() ? List.of() : Arrays.stream(claimValues.split("\n")).toList();
    }

    public boolean isExpired(Instant now) {
        return now.toEpochMilli() >= expiresAtMillis;
    }
}
