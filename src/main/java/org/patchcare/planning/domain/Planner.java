package org.patchcare.planning.domain;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Solver configuration, the slot grid and the greedy earliest-due-date baseline (the benchmark's yardstick and a
 * sanity check: it places each device, most urgent due date first, in the first slot and technician that break no
 * hard rule given the devices placed before it).
 */
public final class Planner {

    /** Candidate starts every this many minutes. */
    public static final int STEP_MINUTES = 60;

    private Planner() {
    }

    /** A solver that stops after {@code limit} or when the plan cannot get better (feasible and nothing late). */
    public static SolverFactory<PlanSolution> factory(Duration limit) {
        SolverConfig config = new SolverConfig()
                .withSolutionClass(PlanSolution.class)
                .withEntityClasses(PlanTask.class)
                .withConstraintProviderClass(PlanConstraints.class)
                .withEnvironmentMode(EnvironmentMode.NON_REPRODUCIBLE)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
        return SolverFactory.create(config);
    }

    /** The candidate starts of [from, to): every {@code step} minutes, plus the exact starts of pinned windows. */
    public static List<Slot> slots(Instant from, Instant to, int stepMinutes, List<Instant> extra) {
        TreeSet<Instant> starts = new TreeSet<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(stepMinutes))) {
            starts.add(t);
        }
        starts.addAll(extra);
        List<Slot> out = new ArrayList<>();
        int i = 0;
        for (Instant s : starts) {
            out.add(new Slot(i++, s));
        }
        return out;
    }

    /** Places the unpinned tasks greedily (earliest due date first) and scores the result with the same rules. */
    public static HardMediumSoftScore greedy(PlanSolution plan, SolverFactory<PlanSolution> factory) {
        List<PlanTask> placed = new ArrayList<>(plan.getTasks().stream().filter(PlanTask::isPinned).toList());
        Map<String, Map<LocalDate, Integer>> used = new HashMap<>();
        placed.forEach(t -> used.computeIfAbsent(t.getTechnician().username(), k -> new HashMap<>())
                .merge(t.day(), t.getMinutes(), Integer::sum));
        Map<Long, List<PlanGroup>> groupsOf = new HashMap<>();
        plan.getMemberships().forEach(m -> groupsOf.computeIfAbsent(m.deviceId(), k -> new ArrayList<>()).add(m.group()));
        List<PlanTask> order = plan.getTasks().stream().filter(t -> !t.isPinned())
                .sorted(Comparator.comparing(PlanTask::getDue, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(PlanTask::getPriority)).toList();
        for (PlanTask t : order) {
            boolean done = false;
            for (Slot s : plan.getSlots()) {
                int f = t.getFacts().at(s.index()) & ~PlanTask.BUSY_HOURS;
                if (f != 0) {
                    continue;
                }
                t.setSlot(s);
                if (groupsOf.getOrDefault(t.getId(), List.of()).stream().anyMatch(g -> g.broken(
                        placed.stream().filter(p -> g.members().stream().anyMatch(m -> m.id() == p.getId()))
                                .collect(java.util.stream.Collectors.collectingAndThen(
                                        java.util.stream.Collectors.toList(), l -> { l.add(t); return l; }))))) {
                    continue;
                }
                for (PlanTechnician tech : plan.getTechnicians()) {
                    if (tech.placeholder() || !tech.canDo(t.getSkill()) || tech.bookedDuring(t.start(), t.end())
                            || used.getOrDefault(tech.username(), Map.of()).getOrDefault(t.day(), 0) + t.getMinutes()
                            > tech.dailyMinutes()
                            || placed.stream().anyMatch(p -> tech.equals(p.getTechnician())
                            && p.start().isBefore(t.end()) && t.start().isBefore(p.end()))) {
                        continue;
                    }
                    t.setTechnician(tech);
                    used.computeIfAbsent(tech.username(), k -> new HashMap<>()).merge(t.day(), t.getMinutes(),
                            Integer::sum);
                    done = true;
                    break;
                }
                if (done) {
                    break;
                }
            }
            if (!done) {
                // nothing fits: the last slot with the first technician, so the score shows it as broken
                t.setSlot(plan.getSlots().getLast());
                t.setTechnician(plan.getTechnicians().stream().filter(x -> !x.placeholder()).findFirst()
                        .orElse(plan.getTechnicians().getFirst()));
            }
            placed.add(t);
        }
        return SolutionManager.<PlanSolution, HardMediumSoftScore>create(factory).update(plan);
    }
}
