package org.patchcare.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.identity.domain.LoginAttempt;
import org.patchcare.identity.domain.LoginLimits;
import org.patchcare.shared.metrics.AppMetrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Counts failed logins in the database, each in its own transaction (a concurrent first failure of the same key on
 * another node may collide on insert; the caller then retries once). A failure that starts a lockout is audited once,
 * not every failed request of a flood.
 */
@Stateless
@PermitAll
public class LoginAttempts {

    private static final Logger LOG = Logger.getLogger(LoginAttempts.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditService audit;
    @Inject
    AppMetrics metrics;

    /** Counts one failure of {@code key}; answers the lock it started, or zero. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Duration fail(String key, LoginLimits limits) {
        Instant now = clock.instant();
        LoginAttempt a = em.find(LoginAttempt.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            a = new LoginAttempt(key, now);
            em.persist(a);
        }
        if (!a.fail(now, limits)) {
            em.flush();
            return Duration.ZERO;
        }
        Duration lock = a.lockedFor(now);
        int lockouts = a.getLockouts();
        LOG.warning(() -> "Login locked for " + key + " for " + lock.toMinutes() + " min (lockout " + lockouts + ")");
        boolean user = key.startsWith("user:");
        audit.event(user ? "User" : "Client address", key.substring(key.indexOf(':') + 1),
                "login locked for " + lock.toMinutes() + " min",
                limits.threshold() + " failed logins in a row; lockout " + lockouts);
        em.flush();
        metrics.count("patchcare_login_lockouts_total", "Lockouts after repeated failed logins, by what was locked "
                + "(a user name or a client address)", 1, "key", user ? "user" : "address");
        return lock;
    }
}
