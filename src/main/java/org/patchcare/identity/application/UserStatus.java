package org.patchcare.identity.application;

/** What the login mechanism re-checks on every request of a session or a cached Basic login. */
public record UserStatus(boolean enabled, boolean mustChangePassword, String credentialStamp) {
}
