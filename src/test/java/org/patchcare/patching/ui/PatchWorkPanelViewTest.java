package org.patchcare.patching.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.patching.domain.PatchAction;
import org.patchcare.patching.domain.PatchResult;
import org.patchcare.patching.domain.PatchStatus;
import org.patchcare.testsupport.BrowserlessUi;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device-by-device work panel of a change request and its dialogs in a browserless UI, against a fake patch
 * service: which buttons each device offers, what each dialog sends, and how refusals and stale edits are shown.
 */
@ExtendWith(BrowserlessUi.class)
class PatchWorkPanelViewTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private final FakePatches fake = new FakePatches("BME-0001", "BME-0002");
    private PatchWorkPanel panel;

    @BeforeEach
    void open() {
        panel = new PatchWorkPanel(fake.service, "cr-1", NEW_YORK, () -> panel.show(fake.service.work("cr-1")));
        UI.getCurrent().add(panel);
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    private Button button(String id) {
        return _get(panel, Button.class, s -> s.withId(id));
    }

    private boolean has(String id) {
        return !_find(panel, Button.class, s -> s.withId(id)).isEmpty();
    }

    private void startAndRecordSoftwareUpdate(String tag) {
        _click(button("start-" + tag));
        _click(button("record-" + tag));
        RecordWorkDialog d = _get(RecordWorkDialog.class);
        d.fields.toVersion.setValue("12.1.3");
        d.fields.vendorEngineer.setValue("J. Miller (BD)");
        d.fields.result.setValue(PatchResult.SUCCESS);
        _click(d.save);
    }

    @Test
    void a_scheduled_request_offers_start_on_every_device_and_nothing_else() {
        assertThat(text(panel)).contains("BME-0001", "Not started", "Start the work on a device");
        assertThat(has("start-BME-0001")).isTrue();
        assertThat(has("start-BME-0002")).isTrue();
        assertThat(has("record-BME-0001")).isFalse();
        assertThat(has("verify-BME-0001")).isFalse();
    }

    @Test
    void start_then_record_then_verify_moves_one_device_through_its_work() {
        _click(button("start-BME-0001"));
        assertThat(fake.calls).containsExactly("start BME-0001");
        assertThat(text(_get(panel, Component.class, s -> s.withId("work-state-BME-0001")))).isEqualTo("In progress");
        assertThat(has("start-BME-0001")).isFalse();
        assertThat(has("verify-BME-0001")).as("nothing recorded yet").isFalse();

        _click(button("record-BME-0001"));
        RecordWorkDialog record = _get(RecordWorkDialog.class);
        assertThat(record.fields.fromVersion.getValue()).as("the version the device ran").isEqualTo("12.1.2");
        record.fields.toVersion.setValue("12.1.3");
        record.fields.vendorEngineer.setValue("J. Miller (BD)");
        record.fields.result.setValue(PatchResult.SUCCESS);
        _click(record.save);
        assertThat(fake.calls).contains("record BME-0001@0");
        assertThat(fake.lastWork.action()).isEqualTo(PatchAction.SOFTWARE_UPDATE);
        assertThat(fake.lastWork.toVersion()).isEqualTo("12.1.3");
        assertThat(fake.lastWork.vendorEngineer()).isEqualTo("J. Miller (BD)");
        assertThat(record.isOpened()).isFalse();
        assertThat(text(_get(panel, Component.class, s -> s.withId("work-BME-0001"))))
                .contains("Recorded", "Software 12.1.2 → 12.1.3, success");

        _click(button("verify-BME-0001"));
        VerifyDialog verify = _get(VerifyDialog.class);
        verify.check.setValue("Self-test passed, alarms tested");
        verify.returned.setValue(true);
        _click(verify.save);
        assertThat(fake.calls).contains("verify BME-0001@1 Self-test passed, alarms tested true");
        assertThat(text(_get(panel, Component.class, s -> s.withId("work-state-BME-0001")))).isEqualTo("Verified");
        assertThat(has("verify-BME-0001")).isFalse();
        assertThat(has("record-BME-0001")).isFalse();
    }

    @Test
    void a_software_update_without_the_version_installed_is_refused_at_that_field_and_the_dialog_stays_open() {
        _click(button("start-BME-0001"));
        _click(button("record-BME-0001"));
        RecordWorkDialog d = _get(RecordWorkDialog.class);
        d.fields.result.setValue(PatchResult.SUCCESS);
        _click(d.save);

        assertThat(d.isOpened()).isTrue();
        assertThat(d.fields.toVersion.isInvalid()).isTrue();
        assertThat(d.fields.toVersion.getErrorMessage()).contains("to-version");
        assertThat(fake.calls).noneMatch(c -> c.startsWith("record"));
    }

    @Test
    void a_control_applied_hides_the_versions_and_asks_for_the_control() {
        _click(button("start-BME-0001"));
        _click(button("record-BME-0001"));
        RecordWorkDialog d = _get(RecordWorkDialog.class);
        d.fields.action.setValue(PatchAction.CONTROL_APPLIED);
        assertThat(d.fields.toVersion.isVisible()).isFalse();
        assertThat(d.fields.control.isVisible()).isTrue();
        d.fields.result.setValue(PatchResult.PARTIAL);
        _click(d.save);
        assertThat(d.fields.control.isInvalid()).isTrue();

        d.fields.control.setValue("SMB port 445 blocked on the device firewall");
        _click(d.save);
        assertThat(fake.lastWork.controlApplied()).isEqualTo("SMB port 445 blocked on the device firewall");
        assertThat(d.isOpened()).isFalse();
    }

    @Test
    void a_failed_result_needs_notes_then_offers_roll_back_which_sends_what_was_restored() {
        _click(button("start-BME-0002"));
        _click(button("record-BME-0002"));
        RecordWorkDialog d = _get(RecordWorkDialog.class);
        d.fields.toVersion.setValue("12.1.3");
        d.fields.result.setValue(PatchResult.FAILED);
        _click(d.save);
        assertThat(d.fields.notes.isInvalid()).as("say what went wrong").isTrue();
        d.fields.notes.setValue("Pump did not boot after the update");
        _click(d.save);
        assertThat(text(_get(panel, Component.class, s -> s.withId("work-state-BME-0002")))).isEqualTo("Failed");
        assertThat(has("verify-BME-0002")).isFalse();

        _click(button("roll-back-BME-0002"));
        RollBackDialog r = _get(RollBackDialog.class);
        _click(r.save);
        assertThat(r.restored.isInvalid()).isTrue();
        r.restored.setValue("Firmware 12.1.2 reinstalled from the USB key");
        _click(r.save);
        assertThat(fake.calls).contains("roll-back BME-0002@1 Firmware 12.1.2 reinstalled from the USB key");
        assertThat(text(_get(panel, Component.class, s -> s.withId("work-state-BME-0002")))).isEqualTo("Rolled back");
    }

    @Test
    void a_stale_version_keeps_the_input_and_offers_reload() {
        startAndRecordSoftwareUpdate("BME-0001");
        fake.stale = true;
        _click(button("verify-BME-0001"));
        VerifyDialog verify = _get(VerifyDialog.class);
        verify.check.setValue("Self-test passed");
        verify.returned.setValue(true);
        _click(verify.save);

        assertThat(fake.calls).noneMatch(c -> c.startsWith("verify"));
        Notification n = _find(Notification.class).stream().filter(x -> text(x).contains("changed by someone else"))
                .findFirst().orElseThrow();
        assertThat(verify.isOpened()).as("the input stays until the person reloads").isTrue();
        _click(_get(n, Button.class, s -> s.withId("conflict-reload")));
        assertThat(verify.isOpened()).isFalse();
    }

    @Test
    void an_attachment_is_uploaded_listed_with_its_checksum_and_a_forbidden_type_is_explained() {
        startAndRecordSoftwareUpdate("BME-0001");
        _click(button("attachments-BME-0001"));
        AttachmentsDialog d = _get(AttachmentsDialog.class);
        assertThat(text(d.list)).contains("No files yet.");

        d.received("service-report.pdf", "application/pdf", "%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII));
        assertThat(fake.calls).contains("attach service-report.pdf");
        assertThat(text(d.list)).contains("service-report.pdf", "15 bytes", "SHA-256 ");

        d.received("tool.exe", "application/x-msdownload", new byte[]{1, 2, 3});
        assertThat(fake.calls).doesNotContain("attach tool.exe");
        assertThat(_find(Notification.class).stream().map(n -> n.getElement().getProperty("text", "")))
                .anySatisfy(t -> assertThat(t).contains("tool.exe", "are not kept"));
    }

    @Test
    void a_finished_request_offers_no_start() {
        fake.requestStatus = "COMPLETED";
        panel.show(fake.service.work("cr-1"));
        assertThat(has("start-BME-0001")).isFalse();
        assertThat(text(panel)).doesNotContain("Start the work on a device");
    }

    @Test
    void unplanned_work_sends_the_times_in_the_facilitys_zone_and_refuses_a_future_date() {
        Clock clock = Clock.fixed(FakePatches.NOW, ZoneOffset.UTC);
        UnplannedWorkDialog d = DevicePatchRecords.openUnplanned(fake.service, "BME-0001", "12.1.2", NEW_YORK, clock,
                () -> fake.calls.add("done"));
        assertThat(d.fields.fromVersion.getValue()).isEqualTo("12.1.2");
        assertThat(d.fields.result.getListDataView().getItems()).doesNotContain(PatchResult.FAILED);
        d.fields.toVersion.setValue("12.1.3");
        d.fields.result.setValue(PatchResult.SUCCESS);
        d.check.setValue("Vendor's test protocol passed");
        d.performedAt.setValue(LocalDateTime.of(2026, 11, 24, 10, 0)); // tomorrow: in the future
        d.verifiedAt.setValue(LocalDateTime.of(2026, 11, 24, 11, 0));
        _click(d.save);
        assertThat(d.performedAt.isInvalid()).isTrue();
        assertThat(fake.calls).doesNotContain("unplanned BME-0001");

        d.performedAt.setValue(LocalDateTime.of(2026, 11, 20, 10, 0));
        d.verifiedAt.setValue(LocalDateTime.of(2026, 11, 20, 11, 30));
        _click(d.save);
        assertThat(fake.calls).contains("unplanned BME-0001", "done");
        assertThat(fake.lastUnplanned.performedAt()).isEqualTo(java.time.Instant.parse("2026-11-20T15:00:00Z"));
        assertThat(fake.lastUnplanned.work().toVersion()).isEqualTo("12.1.3");
        assertThat(d.isOpened()).isFalse();
    }

    @Test
    void the_device_page_lists_its_records_with_the_request_they_belong_to() {
        startAndRecordSoftwareUpdate("BME-0001");
        DevicePatchRecords records = new DevicePatchRecords(fake.service, "BME-0001", NEW_YORK);
        UI.getCurrent().add(records);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._size(records.grid)).isEqualTo(1);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(records.grid, 0))
                .contains("Software 12.1.2 → 12.1.3, success", PatchStatus.RECORDED.label());
    }
}
