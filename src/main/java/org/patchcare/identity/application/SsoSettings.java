package org.patchcare.identity.application;

import org.patchcare.identity.domain.Role;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The optional SSO login (ADR 0018), from environment variables:
 * <ul>
 *     <li>{@code PATCHCARE_OIDC_ENABLED=true} switches it on (WildFly then also deploys the companion WAR /sso, which
 *     elytron-oidc-client secures with {@code PATCHCARE_OIDC_PROVIDER_URL}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET});</li>
 *     <li>{@code PATCHCARE_OIDC_DISPLAY_NAME}: the provider's name on the login button, default "single sign-on";</li>
 *     <li>{@code PATCHCARE_OIDC_ROLES}: which values of the role claim (PATCHCARE_OIDC_ROLE_CLAIM, default "groups",
 *     read by the companion WAR) give which PatchCare role, e.g.
 *     {@code patchcare-biomed:BIOMED_TECH,patchcare-managers:CLINICAL_MANAGER}. A value may be listed more than once
 *     to give several roles. Nothing is granted that is not listed: ADMIN only if mapped explicitly.</li>
 * </ul>
 */
public record SsoSettings(boolean enabled, String displayName, Map<String, Set<Role>> roleMapping) {

    public static final String DEFAULT_DISPLAY_NAME = "single sign-on";
    private static final Logger LOG = Logger.getLogger(SsoSettings.class.getName());
    private static volatile SsoSettings current;

    public SsoSettings {
        roleMapping = Collections.unmodifiableMap(new LinkedHashMap<>(roleMapping));
    }

    public static SsoSettings disabled() {
        return new SsoSettings(false, DEFAULT_DISPLAY_NAME, Map.of());
    }

    /**
     * Reads the settings from {@code env}.
     *
     * @throws IllegalArgumentException with a message naming the variable when SSO is on and a setting is wrong
     */
    public static SsoSettings parse(Map<String, String> env) {
        String enabled = env.getOrDefault("PATCHCARE_OIDC_ENABLED", "false").strip();
        if (!enabled.equalsIgnoreCase("true")) {
            if (!enabled.isEmpty() && !enabled.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("PATCHCARE_OIDC_ENABLED must be true or false, not '" + enabled + "'");
            }
            return disabled();
        }
        String name = env.getOrDefault("PATCHCARE_OIDC_DISPLAY_NAME", "").strip();
        if (name.length() > 60) {
            throw new IllegalArgumentException("PATCHCARE_OIDC_DISPLAY_NAME is longer than 60 characters");
        }
        Map<String, Set<Role>> mapping = parseRoles(env.getOrDefault("PATCHCARE_OIDC_ROLES", ""));
        if (mapping.isEmpty()) {
            throw new IllegalArgumentException("PATCHCARE_OIDC_ROLES is empty: with SSO on, map at least one group to "
                    + "a PatchCare role, e.g. patchcare-biomed:BIOMED_TECH");
        }
        return new SsoSettings(true, name.isEmpty() ? DEFAULT_DISPLAY_NAME : name, mapping);
    }

    /** {@code value:ROLE,value:ROLE,...}; a value may repeat; the role names are those of {@link Role}. */
    static Map<String, Set<Role>> parseRoles(String text) {
        Map<String, Set<Role>> mapping = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("PATCHCARE_OIDC_ROLES: '" + entry.strip()
                        + "' is not of the form group:ROLE");
            }
            String value = entry.substring(0, colon).strip();
            String roleName = entry.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
            Role role;
            try {
                role = Role.valueOf(roleName);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PATCHCARE_OIDC_ROLES: unknown role '" + roleName + "' for '" + value
                        + "'; the roles are " + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")));
            }
            mapping.computeIfAbsent(value, v -> EnumSet.noneOf(Role.class)).add(role);
        }
        return mapping;
    }

    /** The PatchCare roles the identity provider's claim values give; values are compared exactly (case matters). */
    public Set<Role> rolesFor(Collection<String> claimValues) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String v : claimValues) {
            roles.addAll(roleMapping.getOrDefault(v, Set.of()));
        }
        return roles;
    }

    /**
     * The settings of this server, read once from the environment. Wrong settings are logged and leave SSO off, so
     * the local login keeps working; the log says what to fix.
     */
    public static SsoSettings current() {
        SsoSettings s = current;
        if (s == null) {
            try {
                s = parse(System.getenv());
                if (s.enabled()) {
                    SsoSettings log = s;
                    LOG.info(() -> "SSO login on: button '" + log.displayName() + "', role mapping " + log.roleMapping());
                }
            } catch (IllegalArgumentException e) {
                LOG.log(Level.SEVERE, "SSO login left off: " + e.getMessage());
                s = disabled();
            }
            current = s;
        }
        return s;
    }
}
