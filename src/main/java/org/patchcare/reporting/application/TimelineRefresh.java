package org.patchcare.reporting.application;

import java.time.Instant;

/**
 * What one refresh of the exposure timeline did.
 *
 * @param full       a full rebuild (every exposure) rather than the exposures changed since the last run
 * @param exposures  timeline rows written
 * @param changed    of those, the rows whose content differs from what was there before (new and removed rows
 *                   included); only a run that changed rows makes the stored whole-hospital charts stale
 * @param millis     how long it took
 * @param startedAt  when it started (the next incremental run looks at changes from here on)
 */
public record TimelineRefresh(boolean full, long exposures, long changed, long millis, Instant startedAt) {
}
