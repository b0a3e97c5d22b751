package org.patchcare.inventory.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.patchcare.inventory.domain.Department;
import org.patchcare.inventory.domain.Facility;
import org.patchcare.inventory.domain.MissionImpact;

/**
 * What an administrator (screen) or a system (API) sends to record or change a department.
 *
 * @param code          the department's code, e.g. ICU; fixed once recorded
 * @param name          its name
 * @param facilityCode  the code of the facility it belongs to
 * @param missionImpact what the department loses while one of its devices is down
 * @param version       for changes: the version the editor started from; null for a new department
 */
public record DepartmentCommand(@NotBlank @Size(max = Department.CODE_MAX) String code,
                                @NotBlank @Size(max = Department.NAME_MAX) String name,
                                @NotBlank @Size(max = Facility.CODE_MAX) String facilityCode,
                                @NotNull MissionImpact missionImpact,
                                Integer version) {

    /** The same command for the department with this code (the API names it in the path). */
    public DepartmentCommand withCode(String newCode) {
        return new DepartmentCommand(newCode, name, facilityCode, missionImpact, version);
    }
}
