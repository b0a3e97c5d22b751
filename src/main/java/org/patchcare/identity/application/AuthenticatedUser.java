package org.patchcare.identity.application;

import java.util.Set;

/**
 * Who logged in and what they may do; stored in the HTTP session after a form login. {@code credentialStamp} changes
 * when the password changes, so other sessions and cached Basic logins of the old password end;
 * {@code mustChangePassword} after an administrator's reset.
 */
public record AuthenticatedUser(String username, String displayName, Set<String> roles, String credentialStamp,
                                boolean mustChangePassword) implements java.io.Serializable {

    public AuthenticatedUser passwordChanged(String newStamp) {
        return new AuthenticatedUser(username, displayName, roles, newStamp, false);
    }
}
