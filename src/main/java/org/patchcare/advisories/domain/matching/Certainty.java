package org.patchcare.advisories.domain.matching;

/**
 * The verdict for one (advisory product, device model, software version).
 * <ul>
 *   <li>{@link #CERTAIN}: the device is affected; no person needs to confirm.</li>
 *   <li>{@link #LIKELY}: the device may be affected; it goes to the review queue.</li>
 *   <li>{@link #NOT_AFFECTED_VERSION}: the advisory means this model, but this software version lies outside the
 *       affected versions (for example a device already patched). The application may record it as not affected, or
 *       as fixed when it was affected before.</li>
 *   <li>{@link #NONE}: not this device.</li>
 * </ul>
 */
public enum Certainty {
    /** Vendor matched exactly or by alias, name or identifier strong, version contained (YES). */
    CERTAIN,
    /**
     * A person should decide: the vendor matched only by spelling, or the name only moderately, or the version could
     * not be compared (UNKNOWN), or the advisory names no vendor.
     */
    LIKELY,
    /** Vendor and name as for {@link #CERTAIN}, but the version is outside (NO). */
    NOT_AFFECTED_VERSION,
    /** Vendor not matched, name weak, model number different, or version outside for a model matched only moderately. */
    NONE
}
