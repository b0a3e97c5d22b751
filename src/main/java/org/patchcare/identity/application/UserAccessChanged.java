package org.patchcare.identity.application;

/**
 * A user was disabled or enabled, or their password changed: the login mechanism of this node forgets what it cached of
 * them at once (other nodes re-read within a few seconds). Fired after the change committed.
 */
public record UserAccessChanged(String username) {
}
