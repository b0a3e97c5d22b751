package org.patchcare.identity.application;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.patchcare.identity.domain.ApiToken;
import org.patchcare.identity.domain.Role;

import java.time.Instant;
import java.util.Set;

/** The reads and commands of API tokens. */
public final class ApiTokenViews {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 366;

    private ApiTokenViews() {
    }

    /** A token as lists show it: never the secret. {@code status} is ACTIVE, EXPIRED or REVOKED. */
    public record TokenView(String id, String name, String prefix, Set<Role> roles, Instant createdAt, String createdBy,
                            Instant expiresAt, Instant revokedAt, String revokedBy, Instant lastUsedAt,
                            String lastUsedIp, String status) {
    }

    /** The answer to a creation: the only time the secret is shown. */
    public record CreatedToken(TokenView token, String secret) {
    }

    /** A new token: a name (unique), its roles (not ADMIN) and how many days it lives (1 to 366). */
    public record TokenCommand(
            @NotBlank @Size(max = ApiToken.NAME_MAX)
            @Pattern(regexp = ApiToken.NAME_PATTERN, message = "{patchcare.token.name.pattern}") String name,
            @NotEmpty(message = "{patchcare.roles.required}") Set<Role> roles,
            @Min(1) @Max(MAX_DAYS) Integer expiresInDays) {
    }

    /** What the login mechanism learns from a bearer token. */
    public record TokenOutcome(boolean valid, String principal, Set<String> roles, String problem) {
        static TokenOutcome refused(String problem) {
            return new TokenOutcome(false, null, Set.of(), problem);
        }
    }
}
