package org.patchcare.advisories.application;

/**
 * An advisory (or a new revision of it) was matched against the inventory, inside the import's transaction: its
 * exposures may be new, fixed or carry changed facts.
 */
public record AdvisoryMatched(long advisoryId, String trackingId, int revision) {
}
