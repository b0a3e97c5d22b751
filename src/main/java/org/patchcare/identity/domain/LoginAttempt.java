package org.patchcare.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins of one key: a user name ({@code user:name}) or a client address ({@code ip:address}). Kept in the
 * database so that all nodes of a cluster count together. No row means no recent failure.
 */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

    public static final int KEY_MAX = 100;

    @Id
    @Column(name = "attempt_key", length = KEY_MAX)
    private String key;

    @Column(nullable = false)
    private int failures;

    @Column(nullable = false)
    private int lockouts;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "last_failure_at", nullable = false)
    private Instant lastFailureAt;

    protected LoginAttempt() {
    }

    public LoginAttempt(String key, Instant now) {
        this.key = key.length() > KEY_MAX ? key.substring(0, KEY_MAX) : key;
        this.lastFailureAt = now;
    }

    public static String userKey(String username) {
        return cut("user:" + username);
    }

    public static String addressKey(String address) {
        return cut("ip:" + address);
    }

    private static String cut(String key) {
        return key.length() > KEY_MAX ? key.substring(0, KEY_MAX) : key;
    }

    /** The time left until the lock ends; zero when not locked. */
    public Duration lockedFor(Instant now) {
        return lockedUntil == null || !lockedUntil.isAfter(now) ? Duration.ZERO : Duration.between(now, lockedUntil);
    }

    /**
     * Counts one more failure at {@code now}. Answers true when this failure starts a lockout (then the failures
     * count again from zero, and the next lockout lasts twice as long).
     */
    public boolean fail(Instant now, LoginLimits limits) {
        if (lastFailureAt != null && Duration.between(lastFailureAt, now).compareTo(limits.forgetAfter()) > 0) {
            failures = 0;
            lockouts = 0;
        }
        lastFailureAt = now;
        failures++;
        if (failures < limits.threshold()) {
            return false;
        }
        lockedUntil = now.plus(limits.lockFor(lockouts));
        lockouts++;
        failures = 0;
        return true;
    }

    public String getKey() {
        return key;
    }

    public int getFailures() {
        return failures;
    }

    public int getLockouts() {
        return lockouts;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }
}
