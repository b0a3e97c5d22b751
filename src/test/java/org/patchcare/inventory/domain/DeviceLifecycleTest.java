package org.patchcare.inventory.domain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.testsupport.TestIds;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceLifecycleTest {

    private Department icu;
    private Department ed;
    private Location icuBed3;
    private Location edTriage;
    private DeviceModel mx450;

    @BeforeEach
    void setUp() {
        Facility main = new Facility("MAIN", "Main Hospital", "Europe/Berlin");
        icu = TestIds.withId(new Department(main, "ICU", "Intensive Care Unit"), 1L);
        ed = TestIds.withId(new Department(main, "ED", "Emergency Department"), 2L);
        icuBed3 = TestIds.withId(new Location(icu, "Main", "2", "Bed 3"), 10L);
        edTriage = TestIds.withId(new Location(ed, "Main", "0", "Triage"), 11L);
        mx450 = new DeviceModel(new Manufacturer("Philips"), "IntelliVue MX450", "Patient monitor");
        mx450.setEndOfSupport(LocalDate.of(2027, 6, 30));
    }

    private Device device() {
        return new Device(" bme-004711 ", mx450, icu, Criticality.LIFE_SUPPORTING);
    }

    @Test
    void a_new_device_is_in_service_with_normalised_asset_tag_and_the_models_end_of_support() {
        Device d = device();
        assertThat(d.getStatus()).isEqualTo(DeviceStatus.IN_SERVICE);
        assertThat(d.getAssetTag()).isEqualTo("BME-004711");
        assertThat(d.getEndOfSupport()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(d.getSearchTokens()).contains("bme-004711", "004711");
    }

    @Test
    void an_end_of_support_override_wins_over_the_models_date() {
        Device d = device();
        d.setEndOfSupportOverride(LocalDate.of(2025, 1, 1));
        d.refreshDerived();
        assertThat(d.getEndOfSupport()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(d.supportStatus(LocalDate.of(2026, 1, 1))).isEqualTo(SupportStatus.UNSUPPORTED);
    }

    @Test
    void out_of_service_then_back_in_service() {
        Device d = device();
        d.takeOutOfService(false);
        assertThat(d.getStatus()).isEqualTo(DeviceStatus.OUT_OF_SERVICE);
        d.returnToService();
        assertThat(d.getStatus()).isEqualTo(DeviceStatus.IN_SERVICE);
        d.takeOutOfService(true);
        assertThat(d.getStatus()).isEqualTo(DeviceStatus.IN_REPAIR);
    }

    @Test
    void taking_a_device_out_of_service_twice_is_refused() {
        Device d = device();
        d.takeOutOfService(false);
        assertThatThrownBy(() -> d.takeOutOfService(false)).isInstanceOf(DomainException.class)
                .hasMessageContaining("BME-004711").hasMessageContaining("already out of service");
        assertThat(d.getStatus()).isEqualTo(DeviceStatus.OUT_OF_SERVICE);
    }

    @Test
    void sending_a_device_in_repair_to_repair_again_is_refused_but_out_of_service_to_repair_is_allowed() {
        Device d = device();
        d.takeOutOfService(true);
        assertThatThrownBy(() -> d.takeOutOfService(true)).isInstanceOf(DomainException.class)
                .hasMessageContaining("already in repair");
        d.takeOutOfService(false);
        assertThat(d.getStatus()).isEqualTo(DeviceStatus.OUT_OF_SERVICE);
    }

    @Test
    void returning_a_device_that_is_in_service_is_refused() {
        Device d = device();
        assertThatThrownBy(d::returnToService).isInstanceOf(DomainException.class).hasMessageContaining("already in service");
    }

    @Test
    void a_retired_device_cannot_be_moved_edited_returned_taken_out_or_retired_again() {
        Device d = device();
        d.retire();
        assertThat(d.getStatus()).isEqualTo(DeviceStatus.RETIRED);
        assertThatThrownBy(() -> d.moveTo(ed, null)).isInstanceOf(DomainException.class)
                .hasMessage("Device BME-004711 is retired; you cannot move it.");
        assertThatThrownBy(() -> d.requireNotRetired("edit it")).isInstanceOf(DomainException.class)
                .hasMessageContaining("retired; you cannot edit it");
        assertThatThrownBy(d::returnToService).isInstanceOf(DomainException.class).hasMessageContaining("retired");
        assertThatThrownBy(() -> d.takeOutOfService(true)).isInstanceOf(DomainException.class).hasMessageContaining("retired");
        assertThatThrownBy(d::retire).isInstanceOf(DomainException.class).hasMessageContaining("retired");
        assertThat(d.getDepartment()).isSameAs(icu);
        assertThat(d.getStatus()).isEqualTo(DeviceStatus.RETIRED);
    }

    @Test
    void moving_to_another_department_and_its_location() {
        Device d = device();
        d.moveTo(ed, edTriage);
        assertThat(d.getDepartment()).isSameAs(ed);
        assertThat(d.getLocation()).isSameAs(edTriage);
        d.moveTo(icu, null);
        assertThat(d.getLocation()).isNull();
    }

    @Test
    void a_location_of_another_department_is_refused_and_nothing_changes() {
        Device d = device();
        d.moveTo(icu, icuBed3);
        assertThatThrownBy(() -> d.moveTo(ed, icuBed3)).isInstanceOf(DomainException.class)
                .hasMessageContaining("belongs to department ICU, not ED");
        assertThat(d.getDepartment()).isSameAs(icu);
        assertThat(d.getLocation()).isSameAs(icuBed3);
    }

    @Test
    void changing_hostname_and_ip_refreshes_the_search_keys() {
        Device d = device();
        d.setHostname("icu-mon-07");
        d.setIpAddress("10.20.30.40");
        d.refreshDerived();
        assertThat(d.getSearchTokens()).contains("icu-mon-07", "10.20.30.40");
        d.setHostname(null);
        d.refreshDerived();
        assertThat(d.getSearchTokens()).doesNotContain("icu-mon-07", "mon");
    }
}
