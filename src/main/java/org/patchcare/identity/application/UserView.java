package org.patchcare.identity.application;

import org.patchcare.identity.domain.Role;

import java.time.Instant;
import java.util.Set;

/** A user as the admin screens and the API show it; never the password hash. */
public record UserView(String username, String displayName, String email, boolean enabled, Set<Role> roles,
                       Set<String> departments, Instant lastLoginAt, int version) {
}
