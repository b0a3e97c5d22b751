package org.patchcare.inventory.application;

import org.patchcare.inventory.domain.MissionImpact;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Read records of the organisation: facilities, departments, locations. */
public final class OrganisationViews {
    private OrganisationViews() {
    }

    public record FacilityView(String code, String name, String timeZone, int version) {
    }

    /**
     * The hospital's zone, in which the screens count days: the facilities' zone when they share one, else the first
     * facility's (by code) that names a known zone, else {@code fallback} (the server clock's).
     */
    public static ZoneId homeZone(List<FacilityView> facilities, ZoneId fallback) {
        for (FacilityView f : facilities) {
            if (f.timeZone() != null && !f.timeZone().isBlank()) {
                try {
                    return ZoneId.of(f.timeZone());
                } catch (DateTimeException e) {
                    // a facility with an unknown zone: try the next
                }
            }
        }
        return fallback;
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
