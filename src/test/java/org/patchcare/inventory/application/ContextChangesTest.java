package org.patchcare.inventory.application;

import org.junit.jupiter.api.Test;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.MissionImpact;

import static org.assertj.core.api.Assertions.assertThat;

class ContextChangesTest {

    private static Snapshot device(String department, String location, DeviceStatus status, Criticality criticality,
                                   Connectivity connectivity, String segment, boolean redundant, String notes) {
        return Snapshot.empty().with("department", department).with("location", location).with("status", status)
                .with("criticality", criticality).with("connectivity", connectivity).with("networkSegment", segment)
                .with("redundant", redundant).with("notes", notes);
    }

    private static Snapshot icuMonitor() {
        return device("ICU", null, DeviceStatus.IN_SERVICE, Criticality.DIAGNOSTIC, Connectivity.CLINICAL_NETWORK,
                "VLAN 110", false, null);
    }

    @Test
    void a_change_of_connectivity_is_told_with_the_labels_a_person_reads() {
        Snapshot after = icuMonitor().with("connectivity", Connectivity.INTERNET_REACHABLE);

        assertThat(ContextChanges.ofDevice(icuMonitor(), after))
                .isEqualTo("connectivity Clinical network → Internet-reachable");
    }

    @Test
    void a_move_names_where_the_device_went_with_its_location() {
        assertThat(ContextChanges.ofDevice(icuMonitor(), icuMonitor().with("department", "ED")))
                .isEqualTo("moved to ED");
        assertThat(ContextChanges.ofDevice(icuMonitor(), icuMonitor().with("location", "Main Tower / 2 / ICU-201")))
                .isEqualTo("moved to ICU / Main Tower / 2 / ICU-201");
    }

    @Test
    void several_changes_are_joined_in_one_cause() {
        Snapshot after = device("ICU", null, DeviceStatus.IN_REPAIR, Criticality.LIFE_SUPPORTING,
                Connectivity.CLINICAL_NETWORK, null, true, null);

        assertThat(ContextChanges.ofDevice(icuMonitor(), after)).isEqualTo("status In service → In repair; "
                + "criticality Diagnostic → Life-supporting; network segment VLAN 110 → none; now redundant");
        assertThat(ContextChanges.ofDevice(after, icuMonitor())).endsWith("no longer redundant");
    }

    @Test
    void a_change_that_does_not_feed_risk_is_no_context_change() {
        assertThat(ContextChanges.ofDevice(icuMonitor(), icuMonitor().with("notes", "new battery"))).isNull();
        assertThat(ContextChanges.ofDevice(icuMonitor(), icuMonitor())).isNull();
    }

    @Test
    void a_long_cause_is_cut_to_what_the_risk_context_stores() {
        Snapshot after = icuMonitor().with("networkSegment", "V".repeat(300));

        assertThat(ContextChanges.ofDevice(icuMonitor(), after)).hasSize(ContextChanges.WHAT_MAX).endsWith("…");
    }

    @Test
    void a_department_tells_a_change_of_its_mission_impact_only() {
        Snapshot before = Snapshot.empty().with("name", "Intensive care").with("missionImpact", MissionImpact.MEF_SUPPORT_CRIPPLED);

        assertThat(ContextChanges.ofDepartment(before, Snapshot.empty().with("name", "Intensive care")
                .with("missionImpact", MissionImpact.MEF_FAILURE)))
                .isEqualTo("mission impact Essential support crippled → Essential function fails");
        assertThat(ContextChanges.ofDepartment(before, Snapshot.empty().with("name", "ICU")
                .with("missionImpact", MissionImpact.MEF_SUPPORT_CRIPPLED))).isNull();
    }
}
