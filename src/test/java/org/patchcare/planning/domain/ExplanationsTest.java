package org.patchcare.planning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.planning.domain.PlanFixtures.ZONE;

import org.junit.jupiter.api.Test;
import org.patchcare.downtime.domain.BlackoutRule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sentences a person reads: which rule a window breaks, and why a late device could not go earlier. */
class ExplanationsTest {

    static final Instant MON = PlanFixtures.FROM;
    static final Instant END = MON.plus(Duration.ofDays(3));
    static final List<Slot> SLOTS = Planner.slots(MON, END, 60, List.of());

    static PlanSolution plan(PlanTask task, PlanTechnician tech) {
        return new PlanSolution(MON, END, SLOTS, List.of(tech), List.of(), List.of(task));
    }

    static PlanTask ventilator(Instant due, List<BlackoutRule> blackouts) {
        PlanTask t = new PlanTask(7, "V-07", "ventilator", "ICU", ZONE, null, null, 60, due, Priority.OUT_OF_CYCLE,
                "ventilator", null);
        t.prepare(SLOTS, END, blackouts, List.of(), true, List.of(), List.of());
        return t;
    }

    @Test
    void a_late_device_is_late_because_its_technician_is_fully_booked_until_then() {
        PlanTechnician anna = new PlanTechnician("anna", Set.of("ventilator"), 480,
                List.of(new Interval(MON, MON.plus(Duration.ofHours(30)), "CR-1 on V-01")), false);
        PlanTask t = ventilator(MON.plus(Duration.ofHours(20)), List.of());
        t.setTechnician(anna);
        t.setSlot(SLOTS.get(30));
        PlanSolution p = plan(t, anna);
        Map<String, List<String>> out = Explanations.byDevice(p);
        assertThat(out.get("V-07")).anySatisfy(s -> assertThat(s)
                .startsWith("ICU ventilator V-07 is scheduled 11 hours after its due date (out-of-cycle) because")
                .contains("every technician trained for it ('ventilator') is fully booked until then"));
    }

    @Test
    void a_late_device_is_late_because_of_the_departments_blackout_when_that_blocks_most_earlier_windows() {
        BlackoutRule always = BlackoutRule.weekly("Surgery", EnumSet.allOf(DayOfWeek.class), LocalTime.of(0, 0),
                LocalTime.of(23, 59));
        PlanTask t = ventilator(MON.plus(Duration.ofHours(20)), List.of(always));
        PlanTechnician anna = new PlanTechnician("anna", Set.of("ventilator"), 480, List.of(), false);
        t.setTechnician(anna);
        t.setSlot(SLOTS.get(40));
        assertThat(Explanations.because(t, plan(t, anna))).contains("ICU blackout 'Surgery'");
    }

    @Test
    void a_device_due_before_the_horizon_says_so() {
        PlanTask t = ventilator(MON.minus(Duration.ofDays(1)), List.of());
        PlanTechnician anna = new PlanTechnician("anna", Set.of("*"), 480, List.of(), false);
        t.setTechnician(anna);
        t.setSlot(SLOTS.getFirst());
        assertThat(Explanations.because(t, plan(t, anna))).contains("is before the first window of the horizon");
        assertThat(Explanations.late(t)).isEqualTo("1 day");
    }
}
