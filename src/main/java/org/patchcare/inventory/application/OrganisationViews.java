package org.patchcare.inventory.application;

import org.patchcare.inventory.domain.MissionImpact;

/** Read records of the organisation: facilities, departments, locations. */
public final class OrganisationViews {
    private OrganisationViews() {
    }

    public record FacilityView(String code, String name, String timeZone, int version) {
    }

    public record DepartmentView(String code, String name, String facilityCode, String facilityName,
                                 MissionImpact missionImpact, int version) {
        public String label() {
            return code + " – " + name;
        }
    }

    public record LocationView(String id, String departmentCode, String building, String floor, String room,
                               String label, int version) {
    }
}
