package org.patchcare.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Validator;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.identity.application.ApiTokenViews.CreatedToken;
import org.patchcare.identity.application.ApiTokenViews.TokenCommand;
import org.patchcare.identity.application.ApiTokenViews.TokenView;
import org.patchcare.identity.domain.ApiToken;
import org.patchcare.identity.domain.Role;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.Digests;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.PersistenceErrors;
import org.patchcare.shared.security.CurrentUser;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * API tokens of machine clients, managed by administrators: created with a role set and an expiry, the secret shown
 * once and stored as its SHA-256 (a 256-bit random secret needs no slow hash: nobody can guess it, and a fast hash
 * keeps every API request cheap); revoked at any time. See docs/adr/0017-api-tokens-and-login-protection.md.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ApiTokenService {

    public static final String SECRET_PREFIX = "pct_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditService audit;
    @Inject
    Validator validator;
    @Inject
    jakarta.enterprise.event.Event<ApiTokenRevoked> revoked;

    public List<TokenView> list() {
        Instant now = clock.instant();
        return em.createQuery("select t from ApiToken t order by t.revokedAt, t.name", ApiToken.class)
                .getResultStream().map(t -> view(t, now)).toList();
    }

    public CreatedToken create(TokenCommand cmd) {
        var violations = validator.validate(cmd);
        if (!violations.isEmpty()) {
            throw InvalidInputException.of(violations);
        }
        if (!ApiToken.GRANTABLE.containsAll(cmd.roles())) {
            throw new InvalidInputException("roles", "an API token cannot hold the ADMIN role");
        }
        String name = cmd.name().strip();
        if (!em.createQuery("select t.id from ApiToken t where t.name = :n", Long.class).setParameter("n", name)
                .getResultList().isEmpty()) {
            throw new ConflictException("An API token named '" + name + "' already exists.");
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        int days = cmd.expiresInDays() == null ? ApiTokenViews.DEFAULT_DAYS : cmd.expiresInDays();
        ApiToken t = new ApiToken(name, secret.substring(0, 12), hash(secret), cmd.roles(), now.plus(Duration.ofDays(days)));
        t.touch(currentUser.username(), now);
        em.persist(t);
        audit.created("ApiToken", name, Snapshot.empty().with("roles", new TreeSet<>(cmd.roles().stream().map(Enum::name).toList()))
                .with("prefix", t.getPrefix()).with("expiresAt", t.getExpiresAt().toString()));
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (PersistenceErrors.isConstraintViolation(e)) {
                throw new ConflictException("An API token named '" + name + "' already exists.");
            }
            throw e;
        }
        return new CreatedToken(view(t, now), secret);
    }

    /** Revokes the token at once; revoking a revoked token changes nothing. */
    public TokenView revoke(String id) {
        ApiToken t = em.createQuery("select t from ApiToken t where t.publicId = :id", ApiToken.class)
                .setParameter("id", id == null ? "" : id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("API token", id));
        Instant now = clock.instant();
        if (!t.isRevoked()) {
            t.revoke(currentUser.username(), now);
            t.touch(currentUser.username(), now);
            audit.event("ApiToken", t.getName(), "revoked", null);
            revoked.fire(new ApiTokenRevoked(t.getName()));
        }
        return view(t, now);
    }

    static String hash(String secret) {
        return Digests.sha256Hex(secret);
    }

    static TokenView view(ApiToken t, Instant now) {
        String status = t.isRevoked() ? "REVOKED" : t.isExpired(now) ? "EXPIRED" : "ACTIVE";
        return new TokenView(t.getPublicId(), t.getName(), t.getPrefix(), t.getRoles(), t.getCreatedAt(), t.getCreatedBy(),
                t.getExpiresAt(), t.getRevokedAt(), t.getRevokedBy(), t.getLastUsedAt(), t.getLastUsedIp(), status);
    }

    /** Roles that a token may hold, for the screens. */
    public List<Role> grantableRoles() {
        return ApiToken.GRANTABLE.stream().sorted().toList();
    }
}
