package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.notification.Notification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A change request's screen in a browserless UI: what it shows, which actions it offers, what they send. */
@ExtendWith(BrowserlessUi.class)
class ChangeRequestViewTest {

    private final FakeChangeRequests fake = new FakeChangeRequests();
    private ChangeRequestView view;

    @BeforeEach
    void setUp() {
        FakeChangeRequests.logInAs("manager", "CLINICAL_MANAGER");
    }

    private void open(ChangeRequestDetailsBuilder b) {
        fake.details = b.build();
        view = new ChangeRequestView(fake.service, new org.patchcare.patching.ui.FakePatches("BME-0001", "BME-0002").service);
        UI.getCurrent().add(view);
        view.show(fake.details);
    }

    private interface ChangeRequestDetailsBuilder {
        org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails build();
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    private List<String> buttonIds() {
        return view.actions.getChildren().map(c -> c.getId().orElse("")).toList();
    }

    @Test
    void shows_the_summary_sentence_every_field_the_devices_and_a_link_to_each_exposure() {
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of()));

        assertThat(text(_get(view, Component.class, s -> s.withId("cr-title")))).isEqualTo(
                "CR-2026-0012 · Alaris firmware 12.1.3");
        assertThat(text(_get(view, Component.class, s -> s.withId("cr-sentence")))).startsWith(
                "Patch of 2 devices in Intensive Care Unit, Neonatal Intensive Care, requested by itsec: waiting for "
                        + "the clinical managers");
        String fields = text(_get(view, Component.class, s -> s.withId("cr-fields")));
        assertThat(fields).contains("Install firmware 12.1.3", "BD-PSA-2026-07", "Validated by the manufacturerYes",
                "1 h 30 min", "Two pumps of eight out of use", "Spare pumps from the equipment library",
                "Reinstall 12.1.2", "Techniciantech1");
        assertThat(text(_get(view, Component.class, s -> s.withId("cr-devices")))).contains(
                "BME-0001 · Infusion pump (Alaris 8015) · Intensive Care Unit · in service", "BME-0002");
        Anchor exposure = _get(view, Anchor.class, s -> s.withText("CVE-2016-8375 on BME-0001"));
        assertThat(exposure.getHref()).isEqualTo("risk/exposures/e-1");
        assertThat(text(_get(view, Component.class, s -> s.withId("cr-history")))).contains(
                "Draft → Submitted", "Please before the weekend");
    }

    @Test
    void windows_and_approvals_are_written_in_each_devices_hospital_time_also_across_the_daylight_saving_change() {
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of()));

        String windows = text(_get(view, Component.class, s -> s.withId("cr-windows")));
        assertThat(windows).contains("BME-0001 · Device BME-0001: Sun 1 Nov 2026, 00:30 EDT – 02:00 EST");
        assertThat(windows).contains("BME-0002 · Device BME-0002: Tue 1 Dec 2026, 08:00–10:00 CST");
        String approvals = text(_get(view, Component.class, s -> s.withId("cr-approvals")));
        assertThat(approvals).contains("Clinical manager · Intensive Care Unit: Approved by manager, "
                + "Wed 21 Oct 2026, 09:15 EDT", "“Fine after the morning round”", "IT security: Waiting");
    }

    @Test
    void offers_only_the_actions_the_service_allows_and_the_callers_roles_can_use() {
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of("approve", "reject", "proposeWindow",
                "cancel", "schedule")));
        assertThat(buttonIds()).as("schedule is for IT and biomed").containsExactly("action-approve", "action-reject",
                "action-propose-window", "action-cancel");

        FakeChangeRequests.logInAs("biomed", "BIOMED_TECH");
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.APPROVED, Set.of("SCHEDULE", "CANCEL", "approve")));
        assertThat(buttonIds()).containsExactly("action-schedule", "action-cancel");

        open(() -> FakeChangeRequests.details(ChangeRequestStatus.COMPLETED, Set.of()));
        assertThat(buttonIds()).isEmpty();
        assertThat(view.actions.isVisible()).isFalse();
    }

    @Test
    void approve_sends_the_version_the_person_saw_and_shows_the_new_state() {
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of("approve")));
        _click(_get(view, Button.class, s -> s.withId("action-approve")));
        ActionDialog dialog = _get(ActionDialog.class);
        assertThat(dialog.override.isAttached()).as("no conflicts, no reason asked").isFalse();
        dialog.comment.setValue("OK for ICU");
        _click(dialog.confirm);

        assertThat(fake.calls).contains("approve cr-1 v7 comment=OK for ICU override=null");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(view.shown().summary().status()).isEqualTo(ChangeRequestStatus.APPROVED);
    }

    @Test
    void conflicts_show_as_warnings_and_approving_despite_them_asks_why() {
        open(() -> FakeChangeRequests.withConflicts(FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of("approve")),
                List.of(FakeChangeRequests.blackout())));
        assertThat(text(_get(view, Component.class, s -> s.withId("cr-conflicts")))).contains(
                "Inside a blackout window: ICU does not allow downtime during the morning round.",
                "Sun 1 Nov 2026, 00:30 EDT – 02:00 EST");

        _click(_get(view, Button.class, s -> s.withId("action-approve")));
        ActionDialog dialog = _get(ActionDialog.class);
        _click(dialog.confirm);
        assertThat(dialog.override.isInvalid()).isTrue();
        assertThat(fake.calls).noneMatch(c -> c.startsWith("approve"));

        dialog.override.setValue("Two spare pumps on the ward");
        _click(dialog.confirm);
        assertThat(fake.calls).contains("approve cr-1 v7 comment=null override=Two spare pumps on the ward");
    }

    @Test
    void reject_needs_a_comment() {
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of("reject")));
        _click(_get(view, Button.class, s -> s.withId("action-reject")));
        ActionDialog dialog = _get(ActionDialog.class);
        _click(dialog.confirm);
        assertThat(dialog.comment.isInvalid()).isTrue();
        assertThat(fake.calls).noneMatch(c -> c.startsWith("reject"));

        dialog.comment.setValue("Not during the flu season peak");
        _click(dialog.confirm);
        assertThat(fake.calls).contains("reject cr-1 v7 comment=Not during the flu season peak");
    }

    @Test
    void propose_another_window_sends_the_local_times_of_the_hospital_as_instants() {
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of("propose-window")));
        _click(_get(view, Button.class, s -> s.withId("action-propose-window")));
        ActionDialog dialog = _get(ActionDialog.class);
        assertThat(dialog.proposedStart.getHelperText()).contains("America/New_York");
        dialog.proposedStart.setValue(LocalDateTime.parse("2026-11-03T14:00"));
        dialog.proposedEnd.setValue(LocalDateTime.parse("2026-11-03T15:30"));
        dialog.comment.setValue("Afternoons are quieter");
        _click(dialog.confirm);

        assertThat(fake.calls).contains("propose cr-1 v7 comment=Afternoons are quieter "
                + "2026-11-03T19:00:00Z/2026-11-03T20:30:00Z");
    }

    @Test
    void a_stale_version_closes_the_dialog_and_offers_to_reload() {
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of("cancel")));
        fake.failure = () -> ConflictException.staleEdit("Change request", "CR-2026-0012");
        _click(_get(view, Button.class, s -> s.withId("action-cancel")));
        ActionDialog dialog = _get(ActionDialog.class);
        _click(dialog.confirm);

        assertThat(dialog.isOpened()).isFalse();
        Notification n = _get(Notification.class);
        assertThat(text(n)).contains("was changed by someone else since you opened it");
        fake.failure = null;
        fake.calls.clear();
        _click(_get(n, Button.class, s -> s.withId("conflict-reload")));
        assertThat(fake.calls).containsExactly("get cr-1");
    }

    @Test
    void edit_of_a_draft_opens_the_scheduling_screen() {
        FakeChangeRequests.logInAs("itsec", "IT_SECURITY");
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.DRAFT, Set.of("edit", "submit")));
        assertThat(buttonIds()).containsExactly("action-edit", "action-submit");
        assertThat(_find(view, Button.class, s -> s.withId("action-approve"))).isEmpty();
        assertThat(ChangeRequestFormView.editLink("cr-1")).isEqualTo("change-requests/cr-1/edit");
    }

    @Test
    void a_scheduled_request_shows_the_device_by_device_work_and_a_draft_does_not() {
        open(() -> FakeChangeRequests.details(ChangeRequestStatus.SCHEDULED, Set.of("start")));
        assertThat(_find(view, org.patchcare.patching.ui.PatchWorkPanel.class)).hasSize(1);
        assertThat(_find(view, Button.class, s -> s.withId("start-BME-0001"))).hasSize(1);
        assertThat(buttonIds()).as("the work starts device by device, not for the whole request")
                .doesNotContain("action-start");

        open(() -> FakeChangeRequests.details(ChangeRequestStatus.DRAFT, Set.of("edit")));
        assertThat(_find(view, org.patchcare.patching.ui.PatchWorkPanel.class)).isEmpty();
    }
}
