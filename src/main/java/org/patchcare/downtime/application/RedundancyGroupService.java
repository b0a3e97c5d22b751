package org.patchcare.downtime.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.patchcare.downtime.application.DowntimeViews.RedundancyGroupView;
import org.patchcare.shared.domain.Roles;

import java.util.List;

/** Redundancy groups with a minimum in service. Written by biomed and ADMIN. CONTRACT SHELL (issue 5 in progress). */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class RedundancyGroupService {

    public List<RedundancyGroupView> list() {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public RedundancyGroupView create(RedundancyGroupCommand command) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public RedundancyGroupView update(String id, int version, RedundancyGroupCommand command) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public void delete(String id, int version) {
        throw new UnsupportedOperationException("in progress");
    }
}
