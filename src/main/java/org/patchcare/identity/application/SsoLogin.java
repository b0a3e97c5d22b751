package org.patchcare.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.identity.domain.Role;
import org.patchcare.identity.domain.SsoLoginTicket;
import org.patchcare.identity.domain.User;
import org.patchcare.shared.domain.Digests;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The application's half of an SSO login (ADR 0018): consumes the login ticket the companion WAR wrote after the
 * identity provider authenticated someone, and finds, provisions or refreshes the PatchCare user linked to the
 * provider's account (issuer + subject). One transaction: the ticket's deletion, the user's changes and their audit
 * commit together. Used by the login mechanism only; the caller is nobody yet, hence {@code @PermitAll}.
 */
@Stateless
@PermitAll
public class SsoLogin {

    /** Stored instead of a password hash: no password verifies against it (PasswordHasher needs four parts). */
    public static final String NO_LOCAL_PASSWORD = "sso-only";
    private static final Logger LOG = Logger.getLogger(SsoLogin.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    AuditService audit;

    SsoSettings settings = SsoSettings.current();

    /** Consumes the ticket whose secret is {@code secret} (from the cookie) and answers who logged in, or why not. */
    public SsoLoginOutcome login(String secret, String address) {
        if (!settings.enabled()) {
            return SsoLoginOutcome.refused(SsoLoginOutcome.Result.NOT_CONFIGURED);
        }
        Instant now = clock.instant();
        em.createQuery("delete from SsoLoginTicket t where t.expiresAtMillis < :old")
                .setParameter("old", now.minusSeconds(3600).toEpochMilli()).executeUpdate(); // abandoned tickets
        if (secret == null || secret.isBlank() || secret.length() > 100) {
            return SsoLoginOutcome.refused(SsoLoginOutcome.Result.INVALID_TICKET);
        }
        String hash = Digests.sha256Hex(secret);
        SsoLoginTicket ticket = em.find(SsoLoginTicket.class, hash);
        if (ticket == null) {
            return SsoLoginOutcome.refused(SsoLoginOutcome.Result.INVALID_TICKET);
        }
        // delete-on-read: of two requests with the same secret, only the one whose DELETE removed the row goes on
        int deleted = em.createQuery("delete from SsoLoginTicket t where t.secretHash = :h")
                .setParameter("h", hash).executeUpdate();
        if (deleted != 1 || ticket.isExpired(now)) {
            em.detach(ticket);
            return SsoLoginOutcome.refused(SsoLoginOutcome.Result.INVALID_TICKET);
        }
        Set<Role> roles = settings.rolesFor(ticket.getClaimValues());
        User user = linked(ticket.getIssuer(), ticket.getSubject());
        if (user == null) {
            if (roles.isEmpty()) {
                LOG.info(() -> "SSO login of '" + ticket.getUsername() + "' refused: no group maps to a PatchCare role");
                return SsoLoginOutcome.refused(SsoLoginOutcome.Result.NO_ROLE);
            }
            user = provision(ticket, roles, now);
        } else {
            refresh(user, roles, now);
        }
        if (!user.isEnabled()) {
            String name = user.getUsername();
            LOG.info(() -> "SSO login of '" + name + "' refused: user disabled");
            return SsoLoginOutcome.refused(SsoLoginOutcome.Result.DISABLED);
        }
        if (roles.isEmpty()) {
            String name = user.getUsername();
            LOG.info(() -> "SSO login of '" + name + "' refused: no group maps to a PatchCare role any more");
            return SsoLoginOutcome.refused(SsoLoginOutcome.Result.NO_ROLE);
        }
        user.setLastLoginAt(now);
        audit.event("User", user.getUsername(), "logged in", "through single sign-on"
                + (address == null ? "" : " from " + address));
        AuthenticatedUser authenticated = Authenticator.authenticated(user);
        // an SSO session never has to change a local password first
        return new SsoLoginOutcome(SsoLoginOutcome.Result.SUCCESS, new AuthenticatedUser(authenticated.username(),
                authenticated.displayName(), authenticated.roles(), authenticated.credentialStamp(), false));
    }

    private User linked(String issuer, String subject) {
        List<User> found = em.createQuery("select u from User u where u.ssoIssuer = :i and u.ssoSubject = :s", User.class)
                .setParameter("i", issuer).setParameter("s", subject).getResultList();
        return found.isEmpty() ? null : found.getFirst();
    }

    /** A new user for the provider's account; never linked to an existing local user by name (the provider could claim any name). */
    private User provision(SsoLoginTicket ticket, Set<Role> roles, Instant now) {
        String username = freeUsername(baseUsername(ticket));
        String displayName = clip(firstNonBlank(ticket.getDisplayName(), ticket.getUsername(), username), User.NAME_MAX);
        User user = new User(username, displayName, NO_LOCAL_PASSWORD);
        String email = ticket.getEmail();
        if (email != null && email.length() <= User.EMAIL_MAX && email.matches("[^@\\s]+@[^@\\s]+")) {
            user.setEmail(email);
        }
        user.setRoles(roles);
        user.linkSso(ticket.getIssuer(), ticket.getSubject());
        user.touch(CurrentUser.SYSTEM, now);
        em.persist(user);
        audit.created("User", username, UserService.snap(user, java.util.Map.of()));
        audit.event("User", username, "provisioned by single sign-on",
                "identity provider account " + clip(ticket.getSubject(), 80) + " at " + clip(ticket.getIssuer(), 120));
        LOG.info(() -> "SSO login provisioned user '" + username + "' with roles " + roles);
        return user;
    }

    /** The roles follow the provider's groups at every SSO login; the departments stay as an administrator set them. */
    private void refresh(User user, Set<Role> roles, Instant now) {
        Set<Role> before = user.getRoles();
        if (!before.equals(roles)) {
            Snapshot was = Snapshot.empty().with("roles", new TreeSet<>(before.stream().map(Enum::name).toList()));
            user.setRoles(roles);
            user.touch(CurrentUser.SYSTEM, now);
            audit.changed("User", user.getUsername(), was,
                    Snapshot.empty().with("roles", new TreeSet<>(roles.stream().map(Enum::name).toList())),
                    "roles follow the identity provider's groups at single sign-on: " + names(before) + " → " + names(roles));
        }
    }

    private static String baseUsername(SsoLoginTicket ticket) {
        String raw = firstNonBlank(ticket.getUsername(), ticket.getEmail() == null ? null
                : ticket.getEmail().substring(0, Math.max(0, ticket.getEmail().indexOf('@'))), "sso-user");
        String cleaned = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        cleaned = clip(cleaned, User.USERNAME_MAX - 4);
        return cleaned.matches(User.USERNAME_PATTERN) ? cleaned : "sso-user";
    }

    /** {@code base}, or base-2, base-3, ... when a user (local or linked to another account) has it already. */
    private String freeUsername(String base) {
        for (int i = 1; i < 1000; i++) {
            String candidate = i == 1 ? base : base + "-" + i;
            Long n = em.createQuery("select count(u) from User u where u.username = :u", Long.class)
                    .setParameter("u", candidate).getSingleResult();
            if (n == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free user name for " + base);
    }

    private static String names(Set<Role> roles) {
        return roles.isEmpty() ? "(none)" : roles.stream().map(Role::name).sorted().collect(Collectors.joining(", "));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
