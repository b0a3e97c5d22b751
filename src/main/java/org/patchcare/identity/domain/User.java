package org.patchcare.identity.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.patchcare.shared.domain.BaseEntity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/** A person who logs in to PatchCare. Departments matter for clinical managers (approvals). */
@Entity
@Table(name = "app_user")
public class User extends BaseEntity {

    public static final int USERNAME_MAX = 64;
    public static final int NAME_MAX = 120;
    public static final int EMAIL_MAX = 254;
    public static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,63}";

    @NotBlank
    @Size(max = USERNAME_MAX)
    @Pattern(regexp = USERNAME_PATTERN, message = "{patchcare.username.pattern}")
    @Column(nullable = false, length = USERNAME_MAX, updatable = false)
    private String username;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(name = "display_name", nullable = false, length = NAME_MAX)
    private String displayName;

    @Email
    @Size(max = EMAIL_MAX)
    @Column(length = EMAIL_MAX)
    private String email;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Set by an administrator's reset: the next login must choose a new password before anything else. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    /** The identity provider's issuer and subject (ID token iss, sub) of a user an SSO login provisioned; null for local users. */
    @Column(name = "sso_issuer", updatable = false)
    private String ssoIssuer;

    @Column(name = "sso_subject", updatable = false)
    private String ssoSubject;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", nullable = false, length = 30)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_department", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "department_id", nullable = false)
    private Set<Long> departmentIds = new HashSet<>();

    protected User() {
    }

    public User(String username, String displayName, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    /** A new password hash; {@code temporary} when an administrator set it and the user must change it. */
    public void changePassword(String hash, boolean temporary, Instant now) {
        this.passwordHash = hash;
        this.mustChangePassword = temporary;
        this.passwordChangedAt = now;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public void setLastLoginAt(Instant lastLoginAt) {
        this.lastLoginAt = lastLoginAt;
    }

    public Set<Role> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    /** Links a new user to the identity provider's account it was provisioned from (ADR 0018). */
    public void linkSso(String issuer, String subject) {
        if (ssoIssuer != null) {
            throw new IllegalStateException("user " + username + " is already linked to an identity provider account");
        }
        this.ssoIssuer = issuer;
        this.ssoSubject = subject;
    }

    public String getSsoIssuer() {
        return ssoIssuer;
    }

    public String getSsoSubject() {
        return ssoSubject;
    }

    public Set<Long> getDepartmentIds() {
        return Set.copyOf(departmentIds);
    }

    public void setDepartmentIds(Set<Long> ids) {
        this.departmentIds.clear();
        this.departmentIds.addAll(ids);
    }
}
