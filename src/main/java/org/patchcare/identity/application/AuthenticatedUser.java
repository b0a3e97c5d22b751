package org.patchcare.identity.application;

import java.util.Set;

/** Who logged in and what they may do; stored in the HTTP session after a form login. */
public record AuthenticatedUser(String username, String displayName, Set<String> roles) implements java.io.Serializable {
}
