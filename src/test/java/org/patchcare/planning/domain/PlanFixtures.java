package org.patchcare.planning.domain;

import org.patchcare.downtime.domain.BlackoutRule;
import org.patchcare.downtime.domain.ConflictRules.DeviceFact;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Generated planning problems for the constraint tests and the benchmark (seeded: the same problem every run). */
public final class PlanFixtures {

    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** A Monday. */
    public static final Instant FROM = Instant.parse("2026-12-07T00:00:00Z");
    static final String[] TYPES = {"infusion_pump", "ventilator", "ct", "monitor", "ultrasound"};
    static final String[] VENDORS = {"Siemens", "GE", "Philips", "Draeger"};

    private PlanFixtures() {
    }

    public static PlanTask task(long id, String tag, int minutes, Instant due, Priority p) {
        return new PlanTask(id, tag, "ventilator", "ICU", ZONE, null, null, minutes, due, p, null, null);
    }

    /**
     * {@code devices} devices over {@code days} days, {@code techs} technicians, {@code groups} redundancy groups of
     * two or three devices, blackouts in half of the ten departments, low-census hours in the outpatient ones, a
     * vendor engineer required for a fifth of the devices (visits two days a week per vendor).
     */
    public static PlanSolution generate(int devices, int days, int techs, int groups, long seed) {
        Random r = new Random(seed);
        Instant to = FROM.plus(Duration.ofDays(days));
        List<Slot> slots = Planner.slots(FROM, to, Planner.STEP_MINUTES, List.of());
        List<PlanTechnician> technicians = new ArrayList<>();
        for (int i = 0; i < techs; i++) {
            Set<String> skills = new java.util.HashSet<>();
            skills.add(TYPES[i % TYPES.length]);
            skills.add(TYPES[(i + 1) % TYPES.length]);
            skills.add(TYPES[(i + 3) % TYPES.length]);
            technicians.add(new PlanTechnician("tech" + (i + 1), skills, 8 * 60, List.of(), false));
        }
        List<List<BlackoutRule>> blackouts = new ArrayList<>();
        List<List<BlackoutRule>> lowCensus = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            blackouts.add(d % 2 == 0 ? List.of(BlackoutRule.weekly("Elective surgery", EnumSet.range(DayOfWeek.MONDAY,
                    DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(17, 0))) : List.of());
            lowCensus.add(d >= 7 ? List.of(BlackoutRule.weekly("Clinic closed", EnumSet.range(DayOfWeek.MONDAY,
                    DayOfWeek.FRIDAY), LocalTime.of(18, 0), LocalTime.of(7, 0)), BlackoutRule.weekly("Weekend",
                    EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), LocalTime.of(0, 0), LocalTime.of(23, 59)))
                    : List.of());
        }
        List<List<Interval>> visits = new ArrayList<>();
        for (int v = 0; v < VENDORS.length; v++) {
            List<Interval> vs = new ArrayList<>();
            for (int d = v % 3; d < days; d += 3) {
                Instant s = FROM.plus(Duration.ofDays(d)).plus(Duration.ofHours(6));
                vs.add(new Interval(s, s.plus(Duration.ofHours(14)), VENDORS[v] + " engineer"));
            }
            visits.add(vs);
        }
        List<PlanTask> tasks = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            int dep = i % 10;
            String type = TYPES[r.nextInt(TYPES.length)];
            Priority p = Priority.values()[Math.min(3, r.nextInt(10) < 1 ? 0 : r.nextInt(10) < 3 ? 1 : 2 + r.nextInt(2))];
            int dueDays = switch (p) {
                case IMMEDIATE -> 2 + r.nextInt(3);
                case OUT_OF_CYCLE -> 5 + r.nextInt(7);
                case SCHEDULED -> 10 + r.nextInt(days - 10);
                case DEFER -> days;
            };
            int vendor = r.nextInt(5) == 0 ? r.nextInt(VENDORS.length) : -1;
            PlanTask t = new PlanTask(1000 + i, "D-" + (1000 + i), type.replace('_', ' '), "DEP" + dep, ZONE,
                    "model-" + r.nextInt(40), "DEP" + dep + " floor " + r.nextInt(3), 30 + 30 * r.nextInt(4),
                    FROM.plus(Duration.ofDays(dueDays)), p, type, vendor < 0 ? null : VENDORS[vendor]);
            t.prepare(slots, to, blackouts.get(dep), List.of(), true, vendor < 0 ? List.of() : visits.get(vendor),
                    lowCensus.get(dep));
            tasks.add(t);
        }
        List<GroupMember> members = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            int size = 2 + g % 2;
            List<DeviceFact> facts = new ArrayList<>();
            for (int k = 0; k < size; k++) {
                PlanTask t = tasks.get(g * 3 + k);
                facts.add(new DeviceFact(t.getId(), t.getAssetTag(), "IN_SERVICE", 0, ZONE));
            }
            PlanGroup group = new PlanGroup("Group " + (g + 1), size - 1, facts, List.of());
            facts.forEach(f -> members.add(new GroupMember(group, f.id())));
        }
        return new PlanSolution(FROM, to, slots, technicians, members, tasks);
    }
}
