package org.patchcare.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.identity.domain.LoginAttempt;
import org.patchcare.identity.domain.LoginLimits;
import org.patchcare.identity.domain.Role;
import org.patchcare.identity.domain.User;
import org.patchcare.shared.domain.Digests;
import org.patchcare.shared.security.PasswordHasher;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Checks a username and password against the users in the database, with lockout and back-off after repeated
 * failures per user name and per client address (see {@link LoginLimits}). Used by the login mechanism only.
 */
@Stateless
@PermitAll
public class Authenticator {

    private static final Logger LOG = Logger.getLogger(Authenticator.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    LoginAttempts attempts;
    @Inject
    AuditService audit;
    @Inject
    LockoutNotice lockoutNotice;

    /**
     * A login with a password. {@code address} is the client's address (per-address throttling);
     * {@code interactive} for the login form (records the login time and audits it), false for HTTP Basic.
     */
    public LoginOutcome login(String username, char[] password, String address, boolean interactive) {
        if (username == null || password == null || username.isBlank() || username.length() > User.USERNAME_MAX) {
            PasswordHasher.burn(password == null ? new char[0] : password);
            return LoginOutcome.failed();
        }
        String name = username.strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        String userKey = LoginAttempt.userKey(name);
        String addressKey = address == null ? null : LoginAttempt.addressKey(address);
        Duration wait = max(lockedFor(userKey, now), addressKey == null ? Duration.ZERO : lockedFor(addressKey, now));
        if (!wait.isZero()) {
            PasswordHasher.burn(password); // a locked login costs the same time and says nothing about the password
            return LoginOutcome.locked(wait);
        }
        List<User> found = em.createQuery("select u from User u where u.username = :u", User.class)
                .setParameter("u", name).getResultList();
        boolean ok;
        if (found.isEmpty()) {
            PasswordHasher.burn(password);
            ok = false;
        } else {
            ok = PasswordHasher.verify(password, found.getFirst().getPasswordHash()) && found.getFirst().isEnabled();
        }
        if (!ok) {
            Duration lock = fail(userKey, LoginLimits.PER_USER);
            if (!lock.isZero() && !found.isEmpty()) {
                tellOwner(found.getFirst().getUsername(), address, now);
            }
            if (addressKey != null) {
                lock = max(lock, fail(addressKey, LoginLimits.PER_ADDRESS));
            }
            return lock.isZero() ? LoginOutcome.failed() : LoginOutcome.locked(lock);
        }
        User user = found.getFirst();
        LoginAttempt previous = em.find(LoginAttempt.class, userKey);
        if (previous != null) {
            em.remove(previous); // a successful login forgets the user's failures (not the address's)
        }
        if (interactive) {
            user.setLastLoginAt(now);
            audit.event("User", user.getUsername(), "logged in", address == null ? null : "from " + address);
        }
        return LoginOutcome.success(authenticated(user));
    }

    /** The user's current state, re-checked for sessions and cached Basic logins; empty if the user is gone. */
    public Optional<UserStatus> status(String username) {
        return em.createQuery("select u from User u where u.username = :u", User.class)
                .setParameter("u", username).getResultStream().findFirst()
                .map(u -> new UserStatus(u.isEnabled(), u.isMustChangePassword(), stamp(u.getPasswordHash())));
    }

    static AuthenticatedUser authenticated(User user) {
        return new AuthenticatedUser(user.getUsername(), user.getDisplayName(),
                user.getRoles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet()),
                stamp(user.getPasswordHash()), user.isMustChangePassword());
    }

    /** A short fingerprint of the password hash: changes when the password does, reveals nothing of it. */
    static String stamp(String passwordHash) {
        return Digests.sha256Hex("stamp:" + passwordHash).substring(0, 16);
    }

    /**
     * This failure locked an existing user name: its owner hears of it (once per lockout; an unknown name gets no
     * message and the same answer). A failure to queue the message is logged and does not change the login's answer.
     */
    private void tellOwner(String username, String address, Instant now) {
        try {
            lockoutNotice.lockedOut(username, LoginLimits.PER_USER.threshold(), address, now);
        } catch (EJBException e) {
            LOG.log(Level.WARNING, "Could not tell " + username + " of the lockout", e);
        }
    }

    private Duration lockedFor(String key, Instant now) {
        LoginAttempt a = em.find(LoginAttempt.class, key);
        return a == null ? Duration.ZERO : a.lockedFor(now);
    }

    private Duration fail(String key, LoginLimits limits) {
        try {
            return attempts.fail(key, limits);
        } catch (EJBException e) {
            return attempts.fail(key, limits); // another request inserted the same key at the same moment
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
