package org.patchcare.patching.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a patch record: which step may follow which, what each step needs, and what the device runs after. */
class PatchRecordTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    private static PatchRecord started() {
        return PatchRecord.start(7, 11, "BME-0001", "12.1.2", "biomed", NOW);
    }

    private static PatchWork update(String to, PatchResult result, String notes) {
        return new PatchWork(PatchAction.SOFTWARE_UPDATE, null, to, null, "J. Miller (BD)", notes, result);
    }

    private static String field(InvalidInputException e) {
        return e.violations().getFirst().field();
    }

    @Test
    void a_started_record_keeps_the_version_the_device_ran_as_its_from_version() {
        PatchRecord r = started();
        assertThat(r.getStatus()).isEqualTo(PatchStatus.IN_PROGRESS);
        assertThat(r.getFromVersion()).isEqualTo("12.1.2");
        assertThat(r.getStartedBy()).isEqualTo("biomed");
        assertThat(r.isUnplanned()).isFalse();
        r.record(update("12.1.3", PatchResult.SUCCESS, null), "biomed", NOW.plusSeconds(600));
        assertThat(r.getFromVersion()).isEqualTo("12.1.2");
        assertThat(r.getToVersion()).isEqualTo("12.1.3");
        assertThat(r.getPerformedAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(r.getStatus()).isEqualTo(PatchStatus.RECORDED);
    }

    @Test
    void a_recorded_success_is_verified_and_then_the_device_runs_the_to_version() {
        PatchRecord r = started();
        r.record(update("12.1.3", PatchResult.SUCCESS, null), "biomed", NOW);
        r.verify("Self-test passed", true, "itsec", NOW.plusSeconds(60));
        assertThat(r.getStatus()).isEqualTo(PatchStatus.VERIFIED);
        assertThat(r.getVerifiedBy()).isEqualTo("itsec");
        assertThat(r.getReturnedToService()).isTrue();
        assertThat(r.softwareAfter()).isEqualTo("12.1.3");
    }

    @Test
    void a_partial_update_with_a_to_version_changes_the_software_and_a_control_does_not() {
        PatchRecord partial = started();
        partial.record(update("12.1.3", PatchResult.PARTIAL, null), "biomed", NOW);
        assertThat(partial.softwareAfter()).isEqualTo("12.1.3");

        PatchRecord control = started();
        control.record(new PatchWork(PatchAction.CONTROL_APPLIED, null, null, "SMB blocked on the device firewall",
                null, null, PatchResult.SUCCESS), "biomed", NOW);
        assertThat(control.softwareAfter()).isNull();
        assertThat(control.getControlApplied()).isEqualTo("SMB blocked on the device firewall");
    }

    @Test
    void recorded_work_may_be_corrected_until_it_is_verified() {
        PatchRecord r = started();
        r.record(update("12.1.3", PatchResult.SUCCESS, null), "biomed", NOW);
        r.record(update("12.1.4", PatchResult.SUCCESS, null), "itsec", NOW.plusSeconds(300));
        assertThat(r.getToVersion()).isEqualTo("12.1.4");
        assertThat(r.getPerformedAt()).as("patched when first recorded").isEqualTo(NOW);
        assertThat(r.getPerformedBy()).isEqualTo("biomed");
        r.verify("ok", true, "biomed", NOW);
        assertThatThrownBy(() -> r.record(update("12.1.5", PatchResult.SUCCESS, null), "biomed", NOW))
                .isInstanceOf(IllegalPatchTransitionException.class)
                .hasMessageContaining("BME-0001 is verified").hasMessageContaining("It is finished");
    }

    @Test
    void work_in_progress_cannot_be_verified_before_it_is_recorded() {
        assertThatThrownBy(() -> started().verify("ok", true, "biomed", NOW))
                .isInstanceOf(IllegalPatchTransitionException.class)
                .hasMessage("The patch work on BME-0001 is in progress; it cannot become verified. Record what was "
                        + "done first, then verify.");
    }

    @Test
    void a_failure_needs_notes_waits_for_its_rollback_and_changes_no_software() {
        PatchRecord r = started();
        InvalidInputException noNotes = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> r.record(update("12.1.3", PatchResult.FAILED, " "), "biomed", NOW));
        assertThat(field(noNotes)).isEqualTo("notes");
        r.record(update("12.1.3", PatchResult.FAILED, "Did not boot"), "biomed", NOW);
        assertThat(r.getStatus()).isEqualTo(PatchStatus.FAILED);
        assertThat(r.softwareAfter()).isNull();
        assertThatThrownBy(() -> r.verify("ok", true, "biomed", NOW))
                .isInstanceOf(IllegalPatchTransitionException.class).hasMessageContaining("record what was restored");

        InvalidInputException noRestore = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> r.rollBack("", null, "biomed", NOW));
        assertThat(field(noRestore)).isEqualTo("restored");
        r.rollBack("Firmware 12.1.2 from the USB key", "took 20 minutes", "biomed", NOW);
        assertThat(r.getStatus()).isEqualTo(PatchStatus.ROLLED_BACK);
        assertThat(r.getRollbackRestored()).isEqualTo("Firmware 12.1.2 from the USB key");
        assertThat(r.getStatus().isFinal()).isTrue();
    }

    @Test
    void only_failed_work_is_rolled_back() {
        assertThatThrownBy(() -> started().rollBack("x", null, "biomed", NOW))
                .isInstanceOf(IllegalPatchTransitionException.class)
                .hasMessageContaining("Only failed work is rolled back");
    }

    @Test
    void a_software_update_needs_the_version_installed_and_a_control_its_name() {
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> started().record(update(null, PatchResult.SUCCESS, null), "biomed", NOW));
        assertThat(field(e)).isEqualTo("toVersion");
        InvalidInputException same = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> started().record(new PatchWork(PatchAction.SOFTWARE_UPDATE, "12.1.2", "12.1.2", null, null, null,
                        PatchResult.SUCCESS), "biomed", NOW));
        assertThat(same.getMessage()).contains("already had");
        InvalidInputException control = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> started().record(new PatchWork(PatchAction.CONTROL_APPLIED, null, null, " ", null, null,
                        PatchResult.SUCCESS), "biomed", NOW));
        assertThat(field(control)).isEqualTo("controlApplied");
        InvalidInputException nothing = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> started().record(new PatchWork(null, null, null, null, null, null, null), "biomed", NOW));
        assertThat(nothing.violations()).extracting(InvalidInputException.Violation::field)
                .containsExactly("action", "result");
    }

    @Test
    void verification_puts_the_device_back_in_service_or_is_refused() {
        PatchRecord r = started();
        r.record(update("12.1.3", PatchResult.SUCCESS, null), "biomed", NOW);
        InvalidInputException e = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> r.verify("Self-test passed", false, "biomed", NOW));
        assertThat(field(e)).isEqualTo("returnedToService");
        assertThat(r.getStatus()).isEqualTo(PatchStatus.RECORDED);
    }

    @Test
    void unplanned_work_is_flagged_verified_at_the_given_times_and_never_in_the_future() {
        Instant done = NOW.minus(Duration.ofDays(3));
        PatchRecord r = PatchRecord.unplanned(11, "BME-0001", update("12.1.3", PatchResult.SUCCESS, null)
                .withFromVersion("12.1.2"), done, "Vendor test protocol", done.plusSeconds(3600), "biomed", NOW);
        assertThat(r.isUnplanned()).isTrue();
        assertThat(r.getChangeRequestId()).isNull();
        assertThat(r.getStatus()).isEqualTo(PatchStatus.VERIFIED);
        assertThat(r.getPerformedAt()).isEqualTo(done);
        assertThat(r.getVerifiedAt()).isEqualTo(done.plusSeconds(3600));
        assertThat(r.getFromVersion()).isEqualTo("12.1.2");

        InvalidInputException future = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> PatchRecord.unplanned(11, "BME-0001", update("12.1.3", PatchResult.SUCCESS, null),
                        NOW.plusSeconds(60), "ok", NOW.plusSeconds(120), "biomed", NOW));
        assertThat(future.violations()).extracting(InvalidInputException.Violation::field)
                .containsExactly("performedAt", "verifiedAt");
        InvalidInputException backwards = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> PatchRecord.unplanned(11, "BME-0001", update("12.1.3", PatchResult.SUCCESS, null), done, "ok",
                        done.minusSeconds(1), "biomed", NOW));
        assertThat(field(backwards)).isEqualTo("verifiedAt");
        InvalidInputException failed = (InvalidInputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> PatchRecord.unplanned(11, "BME-0001", update("12.1.3", PatchResult.FAILED, "no"), done, "ok",
                        done, "biomed", NOW));
        assertThat(field(failed)).isEqualTo("result");
    }

    @Test
    void the_state_table_allows_exactly_the_documented_moves() {
        assertThat(PatchStatus.IN_PROGRESS.next()).containsExactlyInAnyOrder(PatchStatus.RECORDED, PatchStatus.FAILED);
        assertThat(PatchStatus.RECORDED.next()).containsExactlyInAnyOrder(PatchStatus.RECORDED, PatchStatus.VERIFIED,
                PatchStatus.FAILED);
        assertThat(PatchStatus.FAILED.next()).containsExactly(PatchStatus.ROLLED_BACK);
        assertThat(PatchStatus.VERIFIED.isFinal()).isTrue();
        assertThat(PatchStatus.ROLLED_BACK.isFinal()).isTrue();
        assertThat(PatchStatus.IN_PROGRESS.isOpen()).isTrue();
        assertThat(PatchStatus.FAILED.isOpen()).isFalse();
    }
}
