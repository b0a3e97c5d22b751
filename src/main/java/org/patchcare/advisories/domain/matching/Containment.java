package org.patchcare.advisories.domain.matching;

/** Whether a device's software version lies in the versions an advisory names. */
public enum Containment {
    /** The version is one of those named, or inside the range. */
    YES,
    /** The version is comparable and outside. */
    NO,
    /** The advisory's text or the device's version cannot be compared (prose, dates, another numbering, a condition). */
    UNKNOWN
}
