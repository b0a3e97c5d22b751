package org.patchcare.identity.domain;

import java.time.Duration;

/**
 * When repeated failed logins lock a user name or a client address, and for how long (ASVS 2.2.1): after
 * {@code threshold} failures in a row the key is locked for {@code firstLock}; each further lockout doubles the time,
 * up to {@code maxLock}. Failures older than {@code forgetAfter} are forgotten, and a successful login of the user
 * forgets them too.
 */
public record LoginLimits(int threshold, Duration firstLock, Duration maxLock, Duration forgetAfter) {

    /** Per user name: 5 failures lock it for 1 minute, then 2, 4, 8, 16, 30 minutes. */
    public static final LoginLimits PER_USER = new LoginLimits(5, Duration.ofMinutes(1), Duration.ofMinutes(30),
            Duration.ofHours(24));
    /**
     * Per client address, against password spraying (many user names, few passwords each): 30 failures within
     * 15 minutes lock the address the same way. High enough for a ward behind one proxy address.
     */
    public static final LoginLimits PER_ADDRESS = new LoginLimits(30, Duration.ofMinutes(1), Duration.ofMinutes(30),
            Duration.ofMinutes(15));

    public LoginLimits {
        if (threshold < 1 || firstLock.isNegative() || firstLock.isZero() || maxLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("bad login limits");
        }
    }

    /** How long the next lockout lasts after {@code previousLockouts} earlier ones: doubling, capped. */
    public Duration lockFor(int previousLockouts) {
        int shift = Math.max(0, Math.min(previousLockouts, 20));
        Duration d = firstLock.multipliedBy(1L << shift);
        return d.compareTo(maxLock) > 0 ? maxLock : d;
    }
}
