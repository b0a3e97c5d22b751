package org.patchcare.identity.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.identity.application.ApiTokenViews.TokenOutcome;
import org.patchcare.identity.domain.ApiToken;
import org.patchcare.identity.domain.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/**
 * Checks a bearer token (one indexed read; the login mechanism trusts a valid answer for a few seconds, so a busy
 * client does not read the table on every request) and records its last use at most once a minute, with a conditional
 * update that needs no lock and no version.
 */
@Stateless
@PermitAll
public class TokenAuthenticator {

    static final Duration LAST_USE_GRANULARITY = Duration.ofMinutes(1);

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;

    public TokenOutcome authenticate(String secret, String address) {
        if (secret == null || !secret.startsWith(ApiTokenService.SECRET_PREFIX) || secret.length() > 100) {
            return TokenOutcome.refused("This is not a PatchCare API token (they start with pct_).");
        }
        ApiToken t = em.createQuery("select t from ApiToken t where t.secretHash = :h", ApiToken.class)
                .setParameter("h", ApiTokenService.hash(secret)).getResultStream().findFirst().orElse(null);
        Instant now = clock.instant();
        if (t == null) {
            return TokenOutcome.refused("This API token is not known to PatchCare.");
        }
        // Only someone holding the secret learns these states, so telling them apart leaks nothing (ADR 0017).
        if (t.isRevoked()) {
            return TokenOutcome.refused("This API token was revoked. Ask a PatchCare administrator for a new one.");
        }
        if (t.isExpired(now)) {
            return TokenOutcome.refused("This API token expired on "
                    + DateTimeFormatter.ISO_LOCAL_DATE.format(t.getExpiresAt().atOffset(ZoneOffset.UTC))
                    + ". Ask a PatchCare administrator for a new one.");
        }
        if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(LAST_USE_GRANULARITY))) {
            em.createQuery("update ApiToken t set t.lastUsedAt = :now, t.lastUsedIp = :ip where t.id = :id "
                            + "and (t.lastUsedAt is null or t.lastUsedAt < :cutoff)")
                    .setParameter("now", now).setParameter("ip", cut(address)).setParameter("id", t.getId())
                    .setParameter("cutoff", now.minus(LAST_USE_GRANULARITY)).executeUpdate();
        }
        return new TokenOutcome(true, t.principal(), t.getRoles().stream().map(Role::name)
                .collect(Collectors.toUnmodifiableSet()), null);
    }

    private static String cut(String s) {
        return s == null ? null : s.length() > 45 ? s.substring(0, 45) : s;
    }
}
