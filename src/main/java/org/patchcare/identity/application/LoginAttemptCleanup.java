package org.patchcare.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.identity.domain.LoginLimits;
import org.patchcare.shared.domain.Roles;

import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Forgets failed logins that no longer count: a {@code login_attempt} row whose last failure is older than
 * {@link #KEEP} and that locks nothing any more. Such a row is the same as no row: {@link LoginLimits#forgetAfter()}
 * (at most 24 hours) has passed, so the next failure would count from zero anyway, and every lock ended. Run hourly by
 * {@link LoginAttemptCleanupJob}; not audited (no person's data changes, only counters nobody reads any more).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class LoginAttemptCleanup {

    /**
     * How long after its last failure a row is kept: the longest window the limits look back on (24 hours per user
     * name) plus a margin of 24 hours, so that the pruning can never shorten a window, whatever the clocks of the nodes.
     */
    public static final Duration KEEP = longestWindow().plus(Duration.ofHours(24));
    private static final Logger LOG = Logger.getLogger(LoginAttemptCleanup.class.getName());

    @PersistenceContext
    EntityManager em;

    /** Deletes the rows that no longer count at {@code now}; answers how many went. */
    public int prune(Instant now) {
        int gone = em.createQuery("delete from LoginAttempt a where a.lastFailureAt < :cutoff "
                        + "and (a.lockedUntil is null or a.lockedUntil < :now)")
                .setParameter("cutoff", now.minus(KEEP)).setParameter("now", now).executeUpdate();
        if (gone > 0) {
            LOG.info(() -> "Forgot " + gone + " failed-login counters older than " + KEEP.toHours() + " h");
        }
        return gone;
    }

    private static Duration longestWindow() {
        Duration user = LoginLimits.PER_USER.forgetAfter();
        Duration address = LoginLimits.PER_ADDRESS.forgetAfter();
        Duration window = user.compareTo(address) >= 0 ? user : address;
        Duration lock = LoginLimits.PER_USER.maxLock().compareTo(LoginLimits.PER_ADDRESS.maxLock()) >= 0
                ? LoginLimits.PER_USER.maxLock() : LoginLimits.PER_ADDRESS.maxLock();
        return window.compareTo(lock) >= 0 ? window : lock;
    }
}
