package org.patchcare.planning.domain;

/** A device's membership in a redundancy group (a problem fact joined to the tasks). */
public record GroupMember(PlanGroup group, long deviceId) {
}
