package org.patchcare.downtime.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.downtime.domain.ConflictRules.Blackout;
import org.patchcare.downtime.domain.ConflictRules.Conflict;
import org.patchcare.downtime.domain.ConflictRules.DeviceFact;
import org.patchcare.downtime.domain.ConflictRules.Group;
import org.patchcare.downtime.domain.ConflictRules.PlannedWindow;
import org.patchcare.downtime.domain.ConflictRules.Proposal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictRulesTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DeviceFact CT1 = new DeviceFact(1, "ED-CT-01", "IN_SERVICE", 10, BERLIN);
    static final DeviceFact CT2 = new DeviceFact(2, "ED-CT-02", "IN_SERVICE", 10, BERLIN);
    static final Map<Long, DeviceFact> DEVICES = Map.of(1L, CT1, 2L, CT2);
    static final Group CTS = new Group("ED CT scanners", 1, List.of(CT1, CT2));

    static Instant at(String local) {
        return ZonedDateTime.of(LocalDateTime.parse(local), BERLIN).toInstant();
    }

    static List<Conflict> check(List<Proposal> p, String tech, Map<Long, DeviceFact> devices, List<PlannedWindow> planned,
                                List<Blackout> blackouts, List<Group> groups) {
        return ConflictRules.check(p, tech, devices, planned, blackouts, groups);
    }

    @Test
    void device_already_down_names_the_other_request_in_the_facility_zone() {
        PlannedWindow other = new PlannedWindow(1, "ED-CT-01", at("2026-12-02T08:00"), at("2026-12-02T10:00"),
                "CR-1234ABCD", "Patch", null);
        List<Conflict> found = check(List.of(new Proposal(1, at("2026-12-02T09:00"), at("2026-12-02T11:00"))), null,
                DEVICES, List.of(other), List.of(), List.of());
        assertThat(found).extracting(Conflict::type).containsExactly(ConflictType.DEVICE_ALREADY_DOWN);
        assertThat(found.getFirst().message())
                .isEqualTo("ED-CT-01 is already down 2026-12-02 08:00–10:00 (CR-1234ABCD, Patch)");
        assertThat(check(List.of(new Proposal(1, at("2026-12-02T10:00"), at("2026-12-02T11:00"))), null, DEVICES,
                List.of(other), List.of(), List.of())).as("touching ends").isEmpty();
    }

    @Test
    void a_device_out_of_service_or_in_repair_is_already_down() {
        DeviceFact repair = new DeviceFact(1, "ED-CT-01", "IN_REPAIR", 10, BERLIN);
        List<Conflict> found = check(List.of(new Proposal(1, at("2026-12-02T09:00"), at("2026-12-02T11:00"))), null,
                Map.of(1L, repair), List.of(), List.of(), List.of());
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ConflictType.DEVICE_ALREADY_DOWN);
            assertThat(c.message()).startsWith("ED-CT-01 is in repair now");
        });
    }

    @Test
    void inside_a_blackout_of_the_devices_department_only() {
        BlackoutRule surgery = BlackoutRule.weekly("Weekday surgery", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(7, 0), LocalTime.of(17, 0));
        Proposal p = new Proposal(1, at("2026-12-02T07:30"), at("2026-12-02T08:30"));
        List<Conflict> found = check(List.of(p), null, DEVICES, List.of(),
                List.of(new Blackout(10, "OR", surgery), new Blackout(99, "ICU", surgery)), List.of());
        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ConflictType.BLACKOUT);
            assertThat(c.message()).contains("Inside OR blackout 'Weekday surgery' (Mon–Fri 07:00–17:00 Europe/Berlin)"
                    .substring(7));
            assertThat(c.from()).isEqualTo(at("2026-12-02T07:00"));
            assertThat(c.to()).isEqualTo(at("2026-12-02T17:00"));
        });
    }

    @Test
    void redundancy_counts_proposals_planned_windows_and_devices_out_of_service_together() {
        Proposal p = new Proposal(1, at("2026-12-02T08:00"), at("2026-12-02T10:00"));
        assertThat(check(List.of(p), null, DEVICES, List.of(), List.of(), List.of(CTS))).as("1 of 2 left").isEmpty();

        PlannedWindow other = new PlannedWindow(2, "ED-CT-02", at("2026-12-02T09:30"), at("2026-12-02T12:00"),
                "CR-2", "Patch", null);
        List<Conflict> found = check(List.of(p), null, DEVICES, List.of(other), List.of(), List.of(CTS));
        assertThat(found).filteredOn(c -> c.type() == ConflictType.REDUNDANCY_BELOW_MINIMUM).singleElement()
                .satisfies(c -> {
                    assertThat(c.message()).isEqualTo("ED CT scanners would have 0 of 2 in service, minimum 1 "
                            + "(2026-12-02 09:30–10:00)");
                    assertThat(c.from()).isEqualTo(at("2026-12-02T09:30"));
                    assertThat(c.to()).isEqualTo(at("2026-12-02T10:00"));
                });

        Map<Long, DeviceFact> ct2Broken = Map.of(1L, CT1, 2L, new DeviceFact(2, "ED-CT-02", "OUT_OF_SERVICE", 10, BERLIN));
        assertThat(check(List.of(p), null, ct2Broken, List.of(), List.of(),
                List.of(new Group("ED CT scanners", 1, List.of(CT1, ct2Broken.get(2L))))))
                .extracting(Conflict::type).containsExactly(ConflictType.REDUNDANCY_BELOW_MINIMUM);

        // both proposed in one request at the same time
        assertThat(check(List.of(p, new Proposal(2, at("2026-12-02T09:00"), at("2026-12-02T09:15"))), null, DEVICES,
                List.of(), List.of(), List.of(CTS))).extracting(Conflict::type)
                .containsExactly(ConflictType.REDUNDANCY_BELOW_MINIMUM);
        // one after the other: fine
        assertThat(check(List.of(p, new Proposal(2, at("2026-12-02T10:00"), at("2026-12-02T11:00"))), null, DEVICES,
                List.of(), List.of(), List.of(CTS))).isEmpty();
    }

    @Test
    void technician_double_booked_on_another_device() {
        PlannedWindow elsewhere = new PlannedWindow(7, "ICU-VENT-03", at("2026-12-02T08:30"), at("2026-12-02T09:30"),
                "CR-9", "Patch", "bob");
        Proposal p = new Proposal(1, at("2026-12-02T09:00"), at("2026-12-02T10:00"));
        assertThat(check(List.of(p), "BOB", DEVICES, List.of(elsewhere), List.of(), List.of()))
                .singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo(ConflictType.TECHNICIAN_DOUBLE_BOOKED);
                    assertThat(c.message()).isEqualTo("BOB is already booked 2026-12-02 08:30–09:30 on ICU-VENT-03 (CR-9)");
                });
        assertThat(check(List.of(p), "alice", DEVICES, List.of(elsewhere), List.of(), List.of())).isEmpty();
        assertThat(check(List.of(p), null, DEVICES, List.of(elsewhere), List.of(), List.of())).isEmpty();
    }

    @Test
    void spans_across_midnight_show_both_days() {
        assertThat(ConflictRules.span(at("2026-12-02T22:00"), at("2026-12-03T06:00"), BERLIN))
                .isEqualTo("2026-12-02 22:00 – 2026-12-03 06:00");
    }
}
