package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.application.WindowFilter;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.RiskRollup;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The clinical manager's home in a browserless UI: the approval cards, one-click answers and upcoming downtime. */
@ExtendWith(BrowserlessUi.class)
class ApprovalsViewTest {

    private static final Instant NOW = Instant.parse("2026-10-28T12:00:00Z");
    private final FakeChangeRequests fake = new FakeChangeRequests();
    private final RiskService risk = new RiskService() {
        @Override
        public List<RiskRollup> departments() {
            return List.of(rollup("ICU"), rollup("ED"));
        }
    };

    static RiskRollup rollup(String code) {
        return new RiskRollup(code, code + " department", "St. Elsewhere General", 40, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @BeforeEach
    void setUp() {
        FakeChangeRequests.logInAs("manager", "CLINICAL_MANAGER");
        fake.awaiting = List.of(FakeChangeRequests.summary("cr-1", ChangeRequestStatus.SUBMITTED, false, false));
        fake.details = FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of("approve", "reject", "propose-window"));
        fake.calendarWindows = List.of(
                FakeChangeRequests.window("w-9", "cr-9", "BME-0009", "ICU", FakeChangeRequests.NEW_YORK,
                        Instant.parse("2026-10-29T13:00:00Z"), Instant.parse("2026-10-29T14:00:00Z"), WindowStatus.APPROVED),
                FakeChangeRequests.window("w-1", "cr-1", "BME-0001", "ICU", FakeChangeRequests.NEW_YORK, FakeChangeRequests.DST_START,
                        FakeChangeRequests.DST_END, WindowStatus.PROPOSED),
                FakeChangeRequests.window("w-8", "cr-8", "BME-0008", "ICU", FakeChangeRequests.NEW_YORK,
                        Instant.parse("2026-10-30T13:00:00Z"), Instant.parse("2026-10-30T14:00:00Z"), WindowStatus.CANCELLED));
    }

    private ApprovalsView open() {
        ApprovalsView view = new ApprovalsView(fake.service, fake.calendar, risk, Clock.fixed(NOW, ZoneOffset.UTC));
        UI.getCurrent().add(view);
        return view;
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void a_card_shows_devices_windows_in_hospital_time_impact_backup_conflicts_and_the_departments_week() {
        fake.details = FakeChangeRequests.withConflicts(fake.details, List.of(FakeChangeRequests.blackout()));
        ApprovalsView view = open();
        assertThat(view.waitingCount.getText()).isEqualTo("1 request");
        Component card = _get(view.cards, Component.class, s -> s.withId("approval-cr-1"));
        assertThat(text(card)).contains("CR-2026-0012 · Alaris firmware 12.1.3",
                "BME-0001 · Infusion pump (Intensive Care Unit)",
                "Sun 1 Nov 2026, 00:30 EDT – 02:00 EST · BME-0001", "Tue 1 Dec 2026, 08:00–10:00 CST · BME-0002",
                "Two pumps of eight out of use for 90 minutes", "Spare pumps from the equipment library",
                "Inside a blackout window: ICU does not allow downtime during the morning round.");

        WindowFilter icuWeek = fake.windowFilters.stream().filter(f -> "ICU".equals(f.departmentCode())
                && f.to().minusSeconds(1).isBefore(NOW.plusSeconds(7 * 86400))).findFirst().orElseThrow();
        assertThat(icuWeek.from()).as("Monday 26 Oct, 00:00 in New York").isEqualTo(Instant.parse("2026-10-26T04:00:00Z"));
        assertThat(icuWeek.to()).as("Monday 2 Nov, 00:00 EST").isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
        assertThat(text(card)).contains("Other downtime in Intensive Care Unit in the week of Mon 26 Oct 2026:",
                "Thu 29 Oct 2026, 09:00–10:00 EDT · BME-0009");
        assertThat(text(card)).as("its own window and cancelled ones are not 'other downtime'")
                .doesNotContain("BME-0008").doesNotContain("· BME-0001 Device");
        assertThat(text(card)).contains("No other downtime in Neonatal Intensive Care in the week of Mon 26 Oct 2026.");
    }

    @Test
    void approve_is_one_click_and_sends_the_version_on_the_card() {
        ApprovalsView view = open();
        _click(_get(view.cards, Button.class, s -> s.withId("approve-cr-1")));
        assertThat(fake.calls).contains("approve cr-1 v7 comment=null override=null");
        assertThat(_find(ActionDialog.class)).isEmpty();
    }

    @Test
    void with_conflicts_approve_asks_why_it_can_go_ahead() {
        fake.details = FakeChangeRequests.withConflicts(fake.details, List.of(FakeChangeRequests.blackout()));
        ApprovalsView view = open();
        _click(_get(view.cards, Button.class, s -> s.withId("approve-cr-1")));
        ActionDialog dialog = _get(ActionDialog.class);
        assertThat(dialog.action).isEqualTo(RequestAction.APPROVE);
        assertThat(fake.calls).noneMatch(c -> c.startsWith("approve"));
        dialog.override.setValue("Spare pumps on the ward");
        _click(dialog.confirm);
        assertThat(fake.calls).contains("approve cr-1 v7 comment=null override=Spare pumps on the ward");
    }

    @Test
    void reject_and_propose_open_their_dialogs() {
        ApprovalsView view = open();
        _click(_get(view.cards, Button.class, s -> s.withId("reject-cr-1")));
        ActionDialog reject = _get(ActionDialog.class);
        assertThat(reject.action).isEqualTo(RequestAction.REJECT);
        reject.comment.setValue("Not this week");
        _click(reject.confirm);
        assertThat(fake.calls).contains("reject cr-1 v7 comment=Not this week");

        _click(_get(view.cards, Button.class, s -> s.withId("propose-cr-1")));
        assertThat(_get(ActionDialog.class).action).isEqualTo(RequestAction.PROPOSE_WINDOW);
    }

    @Test
    void buttons_show_only_for_what_the_service_allows() {
        fake.details = FakeChangeRequests.details(ChangeRequestStatus.SUBMITTED, Set.of("reject"));
        ApprovalsView view = open();
        assertThat(_find(view.cards, Button.class, s -> s.withId("approve-cr-1"))).isEmpty();
        assertThat(_find(view.cards, Button.class, s -> s.withId("reject-cr-1"))).hasSize(1);
        assertThat(_find(view.cards, Button.class, s -> s.withId("propose-cr-1"))).isEmpty();
    }

    @Test
    void upcoming_downtime_covers_the_managers_departments_for_the_next_fourteen_days() {
        ApprovalsView view = open();
        List<WindowFilter> upcoming = fake.windowFilters.stream().filter(f -> f.from().equals(NOW)).toList();
        assertThat(upcoming).extracting(WindowFilter::departmentCode).containsExactly("ICU", "ED");
        assertThat(upcoming).allMatch(f -> f.to().equals(Instant.parse("2026-11-11T12:00:00Z")));
        String text = text(view.upcoming);
        assertThat(text).contains("Thu 29 Oct 2026, 09:00–10:00 EDT · BME-0009", "Sun 1 Nov 2026, 00:30 EDT – 02:00 EST")
                .doesNotContain("BME-0008");
        assertThat(text.indexOf("BME-0009")).as("soonest first").isLessThan(text.indexOf("BME-0001"));
    }

    @Test
    void it_security_sees_every_departments_downtime_and_an_empty_list_says_so() {
        FakeChangeRequests.logInAs("itsec", "IT_SECURITY");
        fake.awaiting = List.of();
        ApprovalsView view = open();
        assertThat(fake.windowFilters).extracting(WindowFilter::departmentCode).containsExactly((String) null);
        assertThat(view.waitingCount.getText()).isEqualTo("nothing waiting");
        assertThat(text(view.cards)).contains("Nothing is waiting for you.");
    }

    @Test
    void the_start_page_of_a_clinical_manager_is_my_approvals() {
        assertThat(ClinicalHome.onlyClinicalManager()).isTrue();
        FakeChangeRequests.logInAs("both", "CLINICAL_MANAGER", "BIOMED_TECH");
        assertThat(ClinicalHome.onlyClinicalManager()).isFalse();
        FakeChangeRequests.logInAs("itsec", "IT_SECURITY");
        assertThat(ClinicalHome.onlyClinicalManager()).isFalse();
    }

}
