package org.patchcare.advisories.domain;

/** How an advisory (revision) reached PatchCare. */
public enum AdvisoryOrigin {
    /** uploaded on the Advisories screen */
    UPLOAD,
    /** {@code POST /api/v1/advisories} */
    API,
    /** read from the configured import folder */
    FOLDER,
    /** fetched from a CSAF provider's feed */
    FEED,
    /** typed in from a vendor notice (PDF, e-mail) */
    MANUAL
}
