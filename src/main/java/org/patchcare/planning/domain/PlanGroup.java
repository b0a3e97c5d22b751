package org.patchcare.planning.domain;

import org.patchcare.downtime.domain.ConflictRules;
import org.patchcare.downtime.domain.ConflictRules.Conflict;
import org.patchcare.downtime.domain.ConflictRules.DeviceFact;
import org.patchcare.downtime.domain.ConflictRules.Group;
import org.patchcare.downtime.domain.ConflictRules.PlannedWindow;
import org.patchcare.downtime.domain.ConflictRules.Proposal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A redundancy group ("ED CT scanners: at least 1 of 2 in service") with its members as the downtime rules see them
 * and the members' windows of requests outside the plan. The shortfall of a set of planned tasks is decided by
 * {@link ConflictRules#redundancy}, the very rule the change-request screens and approvals use: one truth.
 */
public record PlanGroup(String name, int minimumAvailable, List<DeviceFact> members, List<PlannedWindow> planned) {

    public PlanGroup {
        members = List.copyOf(members);
        planned = planned == null ? List.of() : List.copyOf(planned);
    }

    private Map<Long, DeviceFact> byId() {
        return ConflictRules.byId(members);
    }

    /** The group's conflict when the tasks are down at their slots, if any. */
    public Optional<Conflict> conflict(Collection<PlanTask> tasks) {
        List<Proposal> proposals = tasks.stream().filter(t -> t.getSlot() != null)
                .map(t -> new Proposal(t.getId(), t.start(), t.end())).toList();
        if (proposals.isEmpty()) {
            return Optional.empty();
        }
        List<Conflict> c = ConflictRules.redundancy(proposals, byId(), planned,
                List.of(new Group(name, minimumAvailable, members)));
        return c.stream().findFirst();
    }

    /** Whether the tasks at their slots leave the group below its minimum at some moment. */
    public boolean broken(Collection<PlanTask> tasks) {
        return conflict(tasks).isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlanGroup g && g.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }
}
