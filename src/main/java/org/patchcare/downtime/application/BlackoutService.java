package org.patchcare.downtime.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.patchcare.downtime.application.DowntimeViews.BlackoutView;
import org.patchcare.shared.domain.Roles;

import java.util.List;

/**
 * Blackout windows per department. Read by everyone; written by ADMIN and by clinical managers of the department.
 * CONTRACT SHELL (issue 5 in progress).
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class BlackoutService {

    /** All blackouts, or one department's when {@code departmentCode} is not null. */
    public List<BlackoutView> list(String departmentCode) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.ADMIN})
    public BlackoutView create(BlackoutCommand command) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.ADMIN})
    public BlackoutView update(String id, int version, BlackoutCommand command) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.ADMIN})
    public void delete(String id, int version) {
        throw new UnsupportedOperationException("in progress");
    }
}
