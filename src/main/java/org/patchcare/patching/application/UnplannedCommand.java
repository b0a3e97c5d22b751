package org.patchcare.patching.application;

import org.patchcare.patching.domain.PatchWork;

import java.time.Instant;

/**
 * Work done outside a change request, recorded afterwards: what was done, when (not in the future), the functional
 * check and when it was done.
 */
public record UnplannedCommand(PatchWork work, Instant performedAt, String functionalCheck, Instant verifiedAt) {
}
