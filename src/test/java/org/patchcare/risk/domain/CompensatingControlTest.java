package org.patchcare.risk.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a compensating control: dates, scope, status. */
class CompensatingControlTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final DeviceRef CT = new DeviceRef(1, "BME-1", "VLAN-20", 7);
    private static final DeviceRef MONITOR = new DeviceRef(2, "BME-2", "vlan-30", 8);

    private static CompensatingControl control(ControlScope scope, Long device, String segment, Long model) {
        CompensatingControl c = new CompensatingControl(ControlType.IPS_IDS_RULE, "Block SMBv1", "IPS-1234", "itsec",
                "rule deployed");
        c.scopeTo(scope, device, segment, model);
        c.schedule(TODAY.minusDays(10), null, TODAY.plusDays(30), TODAY);
        return c;
    }

    @Test
    void refuses_an_expiry_that_is_not_after_the_day_the_control_was_applied() {
        CompensatingControl c = new CompensatingControl(ControlType.EDR_SIGNATURE, "x", null, "itsec", null);
        assertThatThrownBy(() -> c.schedule(TODAY, null, TODAY, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("expiresOn");
                            assertThat(v.message()).contains("after the day the control was applied");
                        }));
        assertThatThrownBy(() -> c.schedule(TODAY, null, TODAY.minusDays(1), TODAY))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void refuses_a_control_without_expiry_and_names_both_missing_dates() {
        CompensatingControl c = new CompensatingControl(ControlType.EDR_SIGNATURE, "x", null, "itsec", null);
        assertThatThrownBy(() -> c.schedule(null, null, null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("appliedOn", "expiresOn"));
    }

    @Test
    void refuses_a_new_expiry_in_the_past_and_a_review_date_outside_the_running_time() {
        CompensatingControl c = new CompensatingControl(ControlType.EDR_SIGNATURE, "x", null, "itsec", null);
        assertThatThrownBy(() -> c.schedule(TODAY.minusDays(30), null, TODAY.minusDays(1), TODAY))
                .hasMessageContaining("must not lie in the past");
        assertThatThrownBy(() -> c.schedule(TODAY, TODAY.plusDays(40), TODAY.plusDays(30), TODAY))
                .hasMessageContaining("reviewOn");
    }

    @Test
    void a_device_scope_covers_only_that_device() {
        CompensatingControl c = control(ControlScope.DEVICE, 1L, null, null);
        assertThat(c.covers(CT)).isTrue();
        assertThat(c.covers(MONITOR)).isFalse();
    }

    @Test
    void a_segment_scope_covers_devices_in_that_segment_whatever_the_case() {
        CompensatingControl c = control(ControlScope.SEGMENT, null, " Vlan-30 ", null);
        assertThat(c.covers(MONITOR)).isTrue();
        assertThat(c.covers(CT)).isFalse();
        assertThat(c.covers(new DeviceRef(3, "BME-3", null, 8))).as("a device without segment").isFalse();
    }

    @Test
    void a_model_scope_covers_every_device_of_the_model() {
        CompensatingControl c = control(ControlScope.MODEL, null, null, 7L);
        assertThat(c.covers(CT)).isTrue();
        assertThat(c.covers(new DeviceRef(9, "BME-9", null, 7))).isTrue();
        assertThat(c.covers(MONITOR)).isFalse();
    }

    @Test
    void a_scope_needs_its_target() {
        CompensatingControl c = new CompensatingControl(ControlType.OTHER, "x", null, "itsec", null);
        assertThatThrownBy(() -> c.scopeTo(ControlScope.SEGMENT, 1L, " ", null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("scopeKey"));
    }

    @Test
    void expires_once_past_its_date_and_is_then_no_longer_attachable() {
        CompensatingControl c = control(ControlScope.DEVICE, 1L, null, null);
        assertThat(c.expireIfDue(TODAY.plusDays(30))).as("the expiry day itself still counts").isFalse();
        assertThat(c.expireIfDue(TODAY.plusDays(31))).isTrue();
        assertThat(c.getStatus()).isEqualTo(ControlStatus.EXPIRED);
        assertThatThrownBy(() -> c.requireAttachable(TODAY)).isInstanceOf(DomainException.class)
                .hasMessageContaining("only an active control");
    }

    @Test
    void an_expired_control_renewed_with_a_future_expiry_is_active_again_and_warned_anew() {
        CompensatingControl c = control(ControlScope.DEVICE, 1L, null, null);
        c.warned(Instant.parse("2026-12-10T00:00:00Z"));
        c.expireIfDue(TODAY.plusDays(31));
        LocalDate later = TODAY.plusDays(31);
        c.schedule(TODAY.minusDays(10), null, later.plusDays(60), later);
        assertThat(c.getStatus()).isEqualTo(ControlStatus.ACTIVE);
        assertThat(c.getWarnedAt()).isNull();
    }

    @Test
    void warns_once_within_the_warning_period() {
        CompensatingControl c = control(ControlScope.DEVICE, 1L, null, null);
        assertThat(c.needsWarning(TODAY, 14)).as("30 days ahead").isFalse();
        assertThat(c.needsWarning(TODAY.plusDays(16), 14)).isTrue();
        c.warned(Instant.now());
        assertThat(c.needsWarning(TODAY.plusDays(16), 14)).isFalse();
    }

    @Test
    void withdrawing_needs_a_reason_and_happens_once() {
        CompensatingControl c = control(ControlScope.DEVICE, 1L, null, null);
        assertThatThrownBy(() -> c.withdraw(" ")).isInstanceOf(InvalidInputException.class);
        c.withdraw("rule removed with the firewall migration");
        assertThat(c.getStatus()).isEqualTo(ControlStatus.WITHDRAWN);
        assertThatThrownBy(() -> c.withdraw("again")).isInstanceOf(DomainException.class);
        assertThatThrownBy(c::requireEditable).hasMessageContaining("record a new control");
    }

    @Test
    void reads_as_kind_title_and_reference() {
        assertThat(control(ControlScope.DEVICE, 1L, null, null).label()).isEqualTo("IPS/IDS rule \"Block SMBv1\" (IPS-1234)");
    }
}
