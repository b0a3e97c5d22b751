package org.patchcare.downtime.application;

import org.patchcare.downtime.domain.ChangeRequestStatus;

import java.util.Set;

/** Change requests by state, department, requester or text (reference or title); nulls mean any. */
public record ChangeRequestFilter(Set<ChangeRequestStatus> statuses, String departmentCode, String requestedBy,
                                  String text) {

    public static ChangeRequestFilter all() {
        return new ChangeRequestFilter(null, null, null, null);
    }
}
