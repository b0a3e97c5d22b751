package org.patchcare.planning.domain;

import static org.patchcare.planning.domain.PlanFixtures.ZONE;

import ai.timefold.solver.core.api.score.stream.test.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.patchcare.downtime.domain.BlackoutRule;
import org.patchcare.downtime.domain.ConflictRules.DeviceFact;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Each rule of a downtime plan, on its own, with Timefold's ConstraintVerifier: penalized when broken, not when kept. */
class PlanConstraintsTest {

    private final ConstraintVerifier<PlanConstraints, PlanSolution> verifier = ConstraintVerifier.build(
            new PlanConstraints(), PlanSolution.class, PlanTask.class);

    /** Monday 2026-12-07 00:00 UTC = 01:00 Berlin. */
    static final Instant MON = PlanFixtures.FROM;
    static final Instant END = MON.plus(Duration.ofDays(7));
    static final List<Slot> SLOTS = Planner.slots(MON, END, 60, List.of());
    static final PlanTechnician ANNA = new PlanTechnician("anna", Set.of("ventilator"), 240, List.of(), false);
    static final PlanTechnician BEN = new PlanTechnician("ben", Set.of("ct"), 480, List.of(), false);

    static Slot at(int hoursFromMonday) {
        return SLOTS.get(hoursFromMonday);
    }

    static PlanTask task(long id, int minutes, int hour, PlanTechnician tech) {
        PlanTask t = new PlanTask(id, "V-0" + id, "ventilator", "ICU", ZONE, "Evita", "ICU floor 2", minutes,
                END, Priority.SCHEDULED, "ventilator", null);
        t.prepare(SLOTS, END, List.of(), List.of(), true, List.of(), List.of());
        t.setSlot(at(hour));
        t.setTechnician(tech);
        return t;
    }

    @Test
    void a_window_inside_the_departments_blackout_is_hard_broken_and_one_outside_is_not() {
        BlackoutRule surgery = BlackoutRule.weekly("Surgery", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(7, 0), LocalTime.of(17, 0));
        PlanTask inside = task(1, 60, 9, ANNA);   // 10:00 Berlin
        inside.prepare(SLOTS, END, List.of(surgery), List.of(), true, List.of(), List.of());
        PlanTask evening = task(2, 60, 18, ANNA); // 19:00 Berlin
        evening.prepare(SLOTS, END, List.of(surgery), List.of(), true, List.of(), List.of());
        verifier.verifyThat(PlanConstraints::blackout).given(inside).penalizesBy(1);
        verifier.verifyThat(PlanConstraints::blackout).given(evening).hasNoImpact();
    }

    @Test
    void a_device_not_in_service_or_already_down_then_cannot_be_planned() {
        PlanTask out = task(1, 60, 20, ANNA);
        out.prepare(SLOTS, END, List.of(), List.of(), false, List.of(), List.of());
        PlanTask busy = task(2, 60, 20, ANNA);
        busy.prepare(SLOTS, END, List.of(), List.of(new Interval(at(20).start(), at(22).start(), "CR-1")), true,
                List.of(), List.of());
        PlanTask free = task(3, 60, 23, ANNA);
        free.prepare(SLOTS, END, List.of(), List.of(new Interval(at(20).start(), at(22).start(), "CR-1")), true,
                List.of(), List.of());
        verifier.verifyThat(PlanConstraints::deviceDown).given(out, busy, free).penalizesBy(2);
    }

    @Test
    void a_device_needing_its_vendor_is_planned_only_while_the_engineer_is_on_site() {
        Interval visit = new Interval(at(30).start(), at(38).start(), "Draeger engineer");
        PlanTask t = new PlanTask(1, "V-01", "ventilator", "ICU", ZONE, null, null, 120, END, Priority.SCHEDULED,
                null, "Draeger");
        t.prepare(SLOTS, END, List.of(), List.of(), true, List.of(visit), List.of());
        t.setTechnician(ANNA);
        t.setSlot(at(31));
        verifier.verifyThat(PlanConstraints::vendor).given(t).hasNoImpact();
        t.setSlot(at(37)); // ends after the engineer leaves
        verifier.verifyThat(PlanConstraints::vendor).given(t).penalizesBy(1);
    }

    @Test
    void a_window_must_end_inside_the_horizon() {
        verifier.verifyThat(PlanConstraints::horizon).given(task(1, 120, 167, ANNA)).penalizesBy(1);
        verifier.verifyThat(PlanConstraints::horizon).given(task(1, 60, 167, ANNA)).hasNoImpact();
    }

    @Test
    void a_technician_without_the_skill_breaks_a_hard_rule() {
        verifier.verifyThat(PlanConstraints::skill).given(task(1, 60, 20, BEN)).penalizesBy(1);
        verifier.verifyThat(PlanConstraints::skill).given(task(1, 60, 20, ANNA)).hasNoImpact();
    }

    @Test
    void a_technician_booked_elsewhere_or_on_two_devices_at_once_breaks_a_hard_rule() {
        PlanTechnician booked = new PlanTechnician("anna", Set.of("ventilator"), 480,
                List.of(new Interval(at(20).start(), at(21).start(), "CR-9")), false);
        verifier.verifyThat(PlanConstraints::technicianBooked).given(task(1, 60, 20, booked)).penalizesBy(1);
        verifier.verifyThat(PlanConstraints::technicianBooked).given(task(1, 60, 21, booked)).hasNoImpact();
        verifier.verifyThat(PlanConstraints::doubleBooked).given(task(1, 120, 20, ANNA), task(2, 60, 21, ANNA),
                task(3, 60, 22, ANNA)).penalizesBy(1);
        verifier.verifyThat(PlanConstraints::doubleBooked).given(task(1, 60, 20, ANNA), task(2, 60, 20, BEN))
                .hasNoImpact();
    }

    @Test
    void a_technician_works_no_more_than_the_daily_minutes() {
        // anna: 240 min a day; 3 × 120 min on Monday = 120 over → 4 half hours
        verifier.verifyThat(PlanConstraints::dailyHours).given(task(1, 120, 18, ANNA), task(2, 120, 20,
                ANNA), task(3, 120, 15, ANNA)).penalizesBy(4);
        verifier.verifyThat(PlanConstraints::dailyHours).given(task(1, 120, 18, ANNA), task(2, 120, 44, ANNA))
                .hasNoImpact();
    }

    @Test
    void a_redundancy_group_keeps_its_minimum_in_service_counting_devices_already_out() {
        DeviceFact a = new DeviceFact(1, "V-01", "IN_SERVICE", 0, ZONE);
        DeviceFact b = new DeviceFact(2, "V-02", "IN_SERVICE", 0, ZONE);
        DeviceFact c = new DeviceFact(3, "V-03", "OUT_OF_SERVICE", 0, ZONE);
        PlanGroup icu = new PlanGroup("ICU ventilators", 1, List.of(a, b, c), List.of());
        GroupMember m1 = new GroupMember(icu, 1);
        GroupMember m2 = new GroupMember(icu, 2);
        GroupMember m3 = new GroupMember(icu, 3);
        verifier.verifyThat(PlanConstraints::redundancy).given(m1, m2, m3, task(1, 120, 20, ANNA), task(2, 60, 21,
                BEN)).penalizesBy(1);
        verifier.verifyThat(PlanConstraints::redundancy).given(m1, m2, m3, task(1, 120, 20, ANNA), task(2, 60, 22,
                BEN)).hasNoImpact();
    }

    @Test
    void lateness_costs_hours_weighted_by_the_ssvc_outcome() {
        PlanTask late = new PlanTask(1, "V-01", "ventilator", "ICU", ZONE, null, null, 60, at(10).start(),
                Priority.IMMEDIATE, null, null);
        late.prepare(SLOTS, END, List.of(), List.of(), true, List.of(), List.of());
        late.setSlot(at(12)); // ends at hour 13: 3 hours late × 8
        late.setTechnician(ANNA);
        verifier.verifyThat(PlanConstraints::dueDate).given(late).penalizesBy(24);
        late.setSlot(at(9));
        verifier.verifyThat(PlanConstraints::dueDate).given(late).hasNoImpact();
    }

    @Test
    void urgent_work_is_wanted_early_in_the_horizon() {
        PlanTask t = new PlanTask(1, "V-01", "ventilator", "ICU", ZONE, null, null, 60, END, Priority.OUT_OF_CYCLE,
                null, null);
        t.prepare(SLOTS, END, List.of(), List.of(), true, List.of(), List.of());
        t.setTechnician(ANNA);
        t.setSlot(at(5));
        verifier.verifyThat(PlanConstraints::urgentEarly).given(t).penalizesBy(5);
        verifier.verifyThat(PlanConstraints::urgentEarly).given(task(2, 60, 5, ANNA)).hasNoImpact();
    }

    @Test
    void outside_the_departments_low_census_hours_costs_and_inside_does_not() {
        BlackoutRule nights = BlackoutRule.weekly("Nights", EnumSet.allOf(DayOfWeek.class), LocalTime.of(20, 0),
                LocalTime.of(6, 0));
        PlanTask day = task(1, 60, 11, ANNA);   // 12:00 Berlin
        day.prepare(SLOTS, END, List.of(), List.of(), true, List.of(), List.of(nights));
        PlanTask night = task(2, 60, 21, ANNA); // 22:00 Berlin
        night.prepare(SLOTS, END, List.of(), List.of(), true, List.of(), List.of(nights));
        verifier.verifyThat(PlanConstraints::lowCensus).given(day, night).penalizesBy(1); // the day window only (× weight 10)
    }

    @Test
    void devices_of_one_model_or_one_place_on_several_days_cost_one_visit_per_extra_day() {
        verifier.verifyThat(PlanConstraints::sameModel).given(task(1, 60, 20, ANNA), task(2, 60, 21, ANNA))
                .hasNoImpact();
        verifier.verifyThat(PlanConstraints::sameModel).given(task(1, 60, 20, ANNA), task(2, 60, 50, ANNA),
                task(3, 60, 80, ANNA)).penalizesBy(2); // 2 extra days (× weight 8 in the score)
        verifier.verifyThat(PlanConstraints::samePlace).given(task(1, 60, 20, ANNA), task(2, 60, 50, ANNA))
                .penalizesBy(1);
    }

    @Test
    void an_uneven_load_costs_more_than_an_even_one() {
        // anna 240 min = 8 half hours → 64; split 4 + 4 → 16 + 16 = 32
        verifier.verifyThat(PlanConstraints::evenLoad).given(task(1, 120, 20, ANNA), task(2, 120, 30, ANNA))
                .penalizesBy(64);
        verifier.verifyThat(PlanConstraints::evenLoad).given(task(1, 120, 20, ANNA), task(2, 120, 30, BEN))
                .penalizesBy(32);
    }
}
