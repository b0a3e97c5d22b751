package org.patchcare.identity.application;

/**
 * An API token was revoked: the login mechanism of this node forgets the tokens it checked recently at once (other
 * nodes check again within a few seconds). Fired after the revocation committed.
 */
public record ApiTokenRevoked(String name) {
}
