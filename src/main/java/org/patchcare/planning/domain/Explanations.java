package org.patchcare.planning.domain;


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
 * Sentences per device: every broken rule in the constraints' own words, and for a
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

    /**
     * The sentences per asset tag, most important first (hard rules, then the due date, then the rest), worked out from
     * the plan with the constraints' own predicates and sentences: Timefold 2.x's score analysis
     * ({@code SolutionManager.analyze}) is an enterprise feature (ADR 16).
     */
    public static Map<String, List<String>> byDevice(PlanSolution plan) {
        Map<String, List<String>> hard = new LinkedHashMap<>();
        Map<String, List<String>> medium = new LinkedHashMap<>();
        Map<String, List<String>> soft = new LinkedHashMap<>();
        List<PlanTask> tasks = plan.getTasks().stream().filter(t -> t.getSlot() != null && t.getTechnician() != null)
                .toList();
        for (PlanTask t : tasks) {
            String tag = t.getAssetTag();
            if (t.has(PlanTask.BLACKOUT)) {
                add(hard, tag, PlanConstraints.blackoutText(t));
            }
            if (t.has(PlanTask.DEVICE_DOWN)) {
                add(hard, tag, PlanConstraints.deviceDownText(t));
            }
            if (t.has(PlanTask.NO_VENDOR)) {
                add(hard, tag, PlanConstraints.vendorText(t));
            }
            if (t.has(PlanTask.PAST_HORIZON) && !t.isPinned()) {
                add(hard, tag, PlanConstraints.horizonText(t));
            }
            if (t.skillMissing()) {
                add(hard, tag, PlanConstraints.skillText(t));
            }
            if (!t.isPinned() && t.technicianBooked()) {
                add(hard, tag, PlanConstraints.bookedText(t));
            }
            if (t.hoursLate() > 0) {
                add(medium, tag, PlanConstraints.dueText(t) + " because " + because(t, plan));
            }
            if (t.getPriority().urgent() && !t.isPinned() && t.hoursFromStart() >= 24) {
                add(soft, tag, PlanConstraints.urgentText(t));
            }
            if (t.has(PlanTask.BUSY_HOURS) && !t.isPinned()) {
                add(soft, tag, PlanConstraints.lowCensusText(t));
            }
        }
        // technicians: two windows at once, too many minutes a day
        Map<PlanTechnician, List<PlanTask>> byTech = tasks.stream().filter(t -> !t.getTechnician().placeholder())
                .collect(Collectors.groupingBy(PlanTask::getTechnician, LinkedHashMap::new, Collectors.toList()));
        byTech.forEach((tech, mine) -> {
            for (int i = 0; i < mine.size(); i++) {
                for (int j = i + 1; j < mine.size(); j++) {
                    PlanTask a = mine.get(i);
                    PlanTask b = mine.get(j);
                    if (!(a.isPinned() && b.isPinned()) && a.start().isBefore(b.end()) && b.start().isBefore(a.end())) {
                        String text = PlanConstraints.doubleText(a, b);
                        add(hard, a.getAssetTag(), text);
                        add(hard, b.getAssetTag(), text);
                    }
                }
            }
            mine.stream().collect(Collectors.groupingBy(PlanTask::day)).forEach((day, onDay) -> {
                int minutes = onDay.stream().mapToInt(PlanTask::getMinutes).sum();
                if (minutes > tech.dailyMinutes()) {
                    onDay.forEach(t -> add(hard, t.getAssetTag(), PlanConstraints.dailyText(tech, day, minutes)));
                }
            });
        });
        // redundancy groups
        Map<PlanGroup, List<Long>> groups = new LinkedHashMap<>();
        plan.getMemberships().forEach(m -> groups.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(m.deviceId()));
        groups.forEach((g, ids) -> {
            List<PlanTask> members = tasks.stream().filter(t -> ids.contains(t.getId())).toList();
            g.conflict(members).ifPresent(c -> members.forEach(t -> add(hard, t.getAssetTag(), c.message())));
        });
        // one visit per model and per place
        visits(tasks, PlanTask::getModelKey, soft, PlanConstraints::sameModelText);
        visits(tasks, PlanTask::getLocationKey, soft, PlanConstraints::samePlaceText);

        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map<String, List<String>> level : List.of(hard, medium, soft)) {
            level.forEach((tag, texts) -> texts.forEach(x -> add(out, tag, x)));
        }
        out.replaceAll((tag, texts) -> texts.stream().map(x -> x + ".").toList());
        return out;
    }

    interface VisitText {
        String text(String key, long days, int devices);
    }

    private static void visits(List<PlanTask> tasks, java.util.function.Function<PlanTask, String> key,
                               Map<String, List<String>> out, VisitText text) {
        tasks.stream().filter(t -> key.apply(t) != null).collect(Collectors.groupingBy(key)).forEach((k, group) -> {
            int days = (int) group.stream().map(PlanTask::day).distinct().count();
            if (days > 1) {
                String s = text.text(k, days, group.size());
                group.forEach(t -> add(out, t.getAssetTag(), s));
            }
        });
    }

    private static void add(Map<String, List<String>> out, String tag, String text) {
        List<String> l = out.computeIfAbsent(tag, k -> new ArrayList<>());
        if (!l.contains(text)) {
            l.add(text);
        }
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
