package org.patchcare.shared.domain;

/** Role names as used in {@code @RolesAllowed}; the values of {@link org.patchcare.identity.domain.Role}. */
public final class Roles {
    public static final String BIOMED_TECH = "BIOMED_TECH";
    public static final String CLINICAL_MANAGER = "CLINICAL_MANAGER";
    public static final String IT_SECURITY = "IT_SECURITY";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
