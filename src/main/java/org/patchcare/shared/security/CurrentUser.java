package org.patchcare.shared.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;

/** The caller of the current request, for stamping audit records and for showing what a role may use. */
@RequestScoped
public class CurrentUser {

    public static final String SYSTEM = "system";

    @Inject
    SecurityContext securityContext;

    public String username() {
        Principal p = principal();
        return p == null ? SYSTEM : p.getName();
    }

    public boolean isLoggedIn() {
        return principal() != null;
    }

    private Principal principal() {
        Principal p;
        try {
            p = securityContext.getCallerPrincipal();
        } catch (IllegalStateException e) {
            return null; // no web or EJB request, e.g. at start-up
        }
        return p == null || "anonymous".equals(p.getName()) ? null : p;
    }

    public boolean hasRole(String role) {
        return securityContext.isCallerInRole(role);
    }

    /**
     * A clinical manager without a role that sees the whole hospital (IT security, biomed, administrator) sees only
     * the departments assigned to them: their risk, approvals, change requests, calendars and blackouts.
     */
    public boolean limitedToOwnDepartments() {
        return hasRole(org.patchcare.shared.domain.Roles.CLINICAL_MANAGER)
                && !hasRole(org.patchcare.shared.domain.Roles.IT_SECURITY)
                && !hasRole(org.patchcare.shared.domain.Roles.ADMIN)
                && !hasRole(org.patchcare.shared.domain.Roles.BIOMED_TECH);
    }
}
