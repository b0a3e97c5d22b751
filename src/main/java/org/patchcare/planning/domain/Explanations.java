package org.patchcare.planning.domain;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns Timefold's score analysis into sentences per device: every broken constraint's {@link Finding}, and for a
 * device scheduled after its due date the reason it could not go earlier ("… because every technician trained for it
 * is fully booked until then"), found by trying the slots before its due date against the hard rules.
 */
public final class Explanations {

    private Explanations() {
    }

    enum Blocker { BLACKOUT, DEVICE_DOWN, VENDOR, TECHNICIAN, REDUNDANCY, NONE }

    /** "2 days" or "5 hours". */
    public static String late(PlanTask t) {
        long h = t.hoursLate();
        if (h >= 24) {
            long d = (h + 12) / 24;
            return d + (d == 1 ? " day" : " days");
        }
        return h + (h == 1 ? " hour" : " hours");
    }

    /** The sentences per asset tag, most important first (hard, then due dates, then the rest). */
    public static Map<String, List<String>> byDevice(PlanSolution plan, ScoreAnalysis<HardMediumSoftScore> analysis) {
        Map<String, PlanTask> tasks = plan.getTasks().stream().collect(Collectors.toMap(PlanTask::getAssetTag,
                t -> t, (a, b) -> a, LinkedHashMap::new));
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<ConstraintAnalysis<HardMediumSoftScore>> ordered = new ArrayList<>(analysis.constraintAnalyses());
        ordered.sort((a, b) -> Integer.compare(rank(a.weight()), rank(b.weight())));
        for (ConstraintAnalysis<HardMediumSoftScore> c : ordered) {
            if (c.matches() == null || PlanConstraints.EVEN_LOAD.equals(c.constraintRef().id())) {
                continue;
            }
            for (MatchAnalysis<HardMediumSoftScore> m : c.matches()) {
                if (!(m.justification() instanceof Finding f)) {
                    continue;
                }
                String text = f.text();
                if (PlanConstraints.DUE.equals(f.constraint()) && f.assetTags().size() == 1) {
                    text = text + " because " + because(tasks.get(f.assetTags().getFirst()), plan);
                }
                for (String tag : f.assetTags()) {
                    out.computeIfAbsent(tag, k -> new ArrayList<>()).add(text + ".");
                }
            }
        }
        return out;
    }

    private static int rank(HardMediumSoftScore weight) {
        return weight.hardScore() != 0 ? 0 : weight.mediumScore() != 0 ? 1 : 2;
    }

    /** Why the task could not be placed before its due date. */
    public static String because(PlanTask t, PlanSolution plan) {
        if (t == null || t.getDue() == null) {
            return "of the rest of the plan";
        }
        Instant due = t.getDue();
        Duration length = Duration.ofMinutes(t.getMinutes());
        List<Slot> before = plan.getSlots().stream().filter(s -> !s.start().plus(length).isAfter(due)).toList();
        if (before.isEmpty()) {
            return "its due date " + PlanConstraints.DAY.format(due.atZone(t.getZone())) + " is before the first "
                    + "window of the horizon that fits it";
        }
        Map<Blocker, Integer> count = new EnumMap<>(Blocker.class);
        Map<Blocker, String> example = new EnumMap<>(Blocker.class);
        List<PlanGroup> groups = plan.getMemberships().stream().filter(m -> m.deviceId() == t.getId())
                .map(GroupMember::group).distinct().toList();
        for (Slot s : before) {
            int flags = t.getFacts() == null ? 0 : t.getFacts().at(s.index());
            Blocker b;
            String reason = t.getFacts() == null ? null : t.getFacts().reasons()[s.index()];
            if ((flags & PlanTask.BLACKOUT) != 0) {
                b = Blocker.BLACKOUT;
            } else if ((flags & PlanTask.DEVICE_DOWN) != 0) {
                b = Blocker.DEVICE_DOWN;
            } else if ((flags & PlanTask.NO_VENDOR) != 0) {
                b = Blocker.VENDOR;
            } else if (noTechnicianFree(t, s, plan)) {
                b = Blocker.TECHNICIAN;
            } else {
                String g = groupBroken(t, s, plan, groups);
                b = g == null ? Blocker.NONE : Blocker.REDUNDANCY;
                reason = g;
            }
            count.merge(b, 1, Integer::sum);
            if (reason != null) {
                example.putIfAbsent(b, reason);
            }
        }
        Blocker worst = count.entrySet().stream().filter(e -> e.getKey() != Blocker.NONE)
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(Blocker.NONE);
        if (count.getOrDefault(Blocker.NONE, 0) > 0 && count.getOrDefault(Blocker.NONE, 0) >= count.getOrDefault(worst, 0)) {
            worst = Blocker.NONE;
        }
        String by = " until then";
        return switch (worst) {
            case BLACKOUT -> "its free windows before then fall in " + strip(example.get(Blocker.BLACKOUT));
            case DEVICE_DOWN -> strip(example.get(Blocker.DEVICE_DOWN)) + by;
            case VENDOR -> "no " + t.getVendor() + " engineer is on site before then";
            case TECHNICIAN -> "every technician trained for it" + (t.getSkill() == null ? "" : " ('" + t.getSkill()
                    + "')") + " is fully booked" + by;
            case REDUNDANCY -> Objects.requireNonNullElse(example.get(Blocker.REDUNDANCY), "its redundancy group")
                    + " if it went earlier";
            case NONE -> "earlier windows were given to more urgent work";
        };
    }

    private static String strip(String s) {
        return s == null ? "a blackout" : s;
    }

    private static boolean noTechnicianFree(PlanTask t, Slot s, PlanSolution plan) {
        Instant start = s.start();
        Instant end = start.plus(Duration.ofMinutes(t.getMinutes()));
        java.time.LocalDate day = start.atZone(t.getZone()).toLocalDate();
        for (PlanTechnician tech : plan.getTechnicians()) {
            if (tech.placeholder() || !tech.canDo(t.getSkill()) || tech.bookedDuring(start, end)) {
                continue;
            }
            int used = 0;
            boolean clash = false;
            for (PlanTask o : plan.getTasks()) {
                if (o == t || o.getSlot() == null || !tech.equals(o.getTechnician())) {
                    continue;
                }
                if (o.start().isBefore(end) && start.isBefore(o.end())) {
                    clash = true;
                    break;
                }
                if (day.equals(o.day())) {
                    used += o.getMinutes();
                }
            }
            if (!clash && used + t.getMinutes() <= tech.dailyMinutes()) {
                return false;
            }
        }
        return true;
    }

    private static String groupBroken(PlanTask t, Slot s, PlanSolution plan, List<PlanGroup> groups) {
        for (PlanGroup g : groups) {
            List<Long> members = g.members().stream().map(m -> m.id()).toList();
            List<PlanTask> others = new ArrayList<>(plan.getTasks().stream()
                    .filter(o -> o != t && members.contains(o.getId())).toList());
            PlanTask moved = new PlanTask(t.getId(), t.getAssetTag(), t.getLabel(), t.getDepartment(), t.getZone(),
                    null, null, t.getMinutes(), t.getDue(), t.getPriority(), null, null);
            moved.setSlot(s);
            others.add(moved);
            var c = g.conflict(others);
            if (c.isPresent()) {
                return c.get().message();
            }
        }
        return null;
    }
}
