package org.patchcare.reporting.application;

import java.time.Instant;

/**
 * What one refresh of the exposure timeline did.
 *
 * @param full       a full rebuild (every exposure) rather than the exposures changed since the last run
 * @param exposures  timeline rows written
 * @param millis     how long it took
 * @param startedAt  when it started (the next incremental run looks at changes from here on)
 */
public record TimelineRefresh(boolean full, long exposures, long millis, Instant startedAt) {
}
