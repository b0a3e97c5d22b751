package org.patchcare.planning.domain;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.HardMediumSoftScore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The planning problem and, once solved, the plan: the slots of the horizon, the technicians, the redundancy groups
 * (as memberships) and the tasks. Hard: nothing broken. Medium: hours late, weighted by the SSVC outcome (a due date
 * weighs more than any convenience). Soft: urgent work early, low-census hours, one visit per model and place, an
 * even load.
 */
@PlanningSolution
public class PlanSolution {

    private Instant from;
    private Instant to;

    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<Slot> slots;

    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<PlanTechnician> technicians;

    @ProblemFactCollectionProperty
    private List<GroupMember> memberships;

    @PlanningEntityCollectionProperty
    private List<PlanTask> tasks;

    @PlanningScore
    private HardMediumSoftScore score;

    public PlanSolution() {
    }

    public PlanSolution(Instant from, Instant to, List<Slot> slots, List<PlanTechnician> technicians,
                        List<GroupMember> memberships, List<PlanTask> tasks) {
        this.from = from;
        this.to = to;
        this.slots = new ArrayList<>(slots);
        this.technicians = new ArrayList<>(technicians);
        this.memberships = new ArrayList<>(memberships);
        this.tasks = new ArrayList<>(tasks);
    }

    public Instant getFrom() {
        return from;
    }

    public Instant getTo() {
        return to;
    }

    public List<Slot> getSlots() {
        return slots;
    }

    public List<PlanTechnician> getTechnicians() {
        return technicians;
    }

    public List<GroupMember> getMemberships() {
        return memberships;
    }

    public List<PlanTask> getTasks() {
        return tasks;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
