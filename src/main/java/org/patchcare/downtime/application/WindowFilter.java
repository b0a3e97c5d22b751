package org.patchcare.downtime.application;

import org.patchcare.downtime.domain.WindowStatus;

import java.time.Instant;
import java.util.Set;

/** Windows overlapping [from, to), optionally of one department, facility, device type (model category) or device. */
public record WindowFilter(Instant from, Instant to, String departmentCode, String facilityCode, String deviceType,
                           String assetTag, Set<WindowStatus> statuses) {

    public static WindowFilter between(Instant from, Instant to) {
        return new WindowFilter(from, to, null, null, null, null, null);
    }
}
