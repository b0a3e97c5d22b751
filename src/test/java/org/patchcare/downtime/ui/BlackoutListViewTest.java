package org.patchcare.downtime.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.application.BlackoutCommand;
import org.patchcare.downtime.application.DowntimeViews.BlackoutView;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.downtime.ui.DowntimeUiFixtures.DEPARTMENTS;

/** Blackout windows in a browserless UI, on a fake service. */
@ExtendWith(BrowserlessUi.class)
class BlackoutListViewTest {

    private final FakeDowntime fake = new FakeDowntime();

    private BlackoutListView view(boolean mayEdit) {
        fake.blackouts.add(new BlackoutView("b1", "ICU", "Intensive Care Unit", "Morning rounds", true,
                Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY), LocalTime.of(7, 0), LocalTime.of(9, 30), null, null, true, 4));
        fake.blackouts.add(new BlackoutView("b2", "ED", "Emergency Department", "New Year's Eve", false, Set.of(), null,
                null, LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01"), true, 1));
        BlackoutListView v = new BlackoutListView(fake.blackoutService, DEPARTMENTS, mayEdit);
        UI.getCurrent().add(v);
        return v;
    }

    private BlackoutForm openNew(BlackoutListView v) {
        _click(v.create);
        BlackoutForm f = _get(BlackoutDialog.class).form;
        f.department.setValue(DEPARTMENTS.get(1));
        f.title.setValue("Surgery list");
        return f;
    }

    @Test
    void lists_the_rules_in_plain_words_and_filters_by_department() {
        BlackoutListView v = view(true);
        assertThat(_size(v.grid)).isEqualTo(2);
        assertThat(_getFormatted(v.grid, 0, "when")).isEqualTo("2026-12-31 to 2027-01-01, all day");
        assertThat(_getFormatted(v.grid, 1, "when")).isEqualTo("Mon, Fri 07:00–09:30, every week");
        v.department.setValue(DEPARTMENTS.get(1));
        assertThat(fake.calls.getLast()).isEqualTo("list ICU");
        assertThat(_size(v.grid)).isEqualTo(1);
        assertThat(v.count.getText()).isEqualTo("1 rule");
    }

    @Test
    void a_weekly_rule_without_days_is_refused_with_a_message() {
        BlackoutListView v = view(true);
        BlackoutForm f = openNew(v);
        f.localStart.setValue(LocalTime.of(7, 0));
        f.localEnd.setValue(LocalTime.of(12, 0));
        _click(f.save);
        assertThat(f.days.isInvalid()).isTrue();
        assertThat(f.days.getErrorMessage()).isEqualTo(BlackoutForm.NO_DAYS);
        assertThat(f.formError.isVisible()).isTrue();
        assertThat(fake.blackoutCommands).isEmpty();
    }

    @Test
    void single_days_whose_last_day_is_before_the_first_are_refused() {
        BlackoutListView v = view(true);
        BlackoutForm f = openNew(v);
        f.recurring.setValue(false);
        assertThat(f.days.isVisible()).isFalse();
        assertThat(f.firstDay.isVisible()).isTrue();
        f.firstDay.setValue(LocalDate.parse("2026-12-26"));
        f.lastDay.setValue(LocalDate.parse("2026-12-24"));
        _click(f.save);
        assertThat(f.lastDay.isInvalid()).isTrue();
        assertThat(f.lastDay.getErrorMessage()).isEqualTo(BlackoutForm.LAST_BEFORE_FIRST);
        assertThat(fake.blackoutCommands).isEmpty();

        f.lastDay.setValue(LocalDate.parse("2026-12-27"));
        _click(f.save);
        assertThat(fake.blackoutCommands).containsExactly(new BlackoutCommand("ICU", "Surgery list", false, Set.of(),
                null, null, LocalDate.parse("2026-12-26"), LocalDate.parse("2026-12-27"), true));
    }

    @Test
    void saving_a_weekly_rule_passes_its_days_and_local_times_and_an_overnight_end() {
        BlackoutListView v = view(true);
        BlackoutForm f = openNew(v);
        f.days.setValue(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY));
        f.localStart.setValue(LocalTime.of(22, 0));
        f.localEnd.setValue(LocalTime.of(6, 0));
        _click(f.save);
        assertThat(fake.calls).contains("create Surgery list");
        assertThat(fake.blackoutCommands).containsExactly(new BlackoutCommand("ICU", "Surgery list", true,
                Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), null, null, true));
    }

    @Test
    void a_stale_change_offers_to_reload_and_keeps_the_dialog_until_then() {
        BlackoutListView v = view(true);
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(v.grid, 1, "actions");
        _click((Button) actions.getChildren().filter(c -> c.hasClassName("blackout-change")).findFirst().orElseThrow());
        BlackoutDialog d = _get(BlackoutDialog.class);
        assertThat(d.form.days.getValue()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        fake.stale = true;
        _click(d.form.save);
        assertThat(d.isOpened()).isTrue();
        int lists = (int) fake.calls.stream().filter(c -> c.startsWith("list")).count();
        _click(_get(Button.class, s -> s.withId("conflict-reload")));
        assertThat(d.isOpened()).isFalse();
        assertThat(fake.calls.stream().filter(c -> c.startsWith("list")).count()).isEqualTo(lists + 1);

        fake.stale = false;
        actions = (HorizontalLayout) _getCellComponent(v.grid, 1, "actions");
        _click((Button) actions.getChildren().filter(c -> c.hasClassName("blackout-change")).findFirst().orElseThrow());
        _click(_get(BlackoutDialog.class).form.save);
        assertThat(fake.calls).contains("update b1@4 Morning rounds");
    }

    @Test
    void removing_asks_first_and_passes_the_version() {
        BlackoutListView v = view(true);
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(v.grid, 0, "actions");
        _click((Button) actions.getChildren().filter(c -> c.hasClassName("blackout-delete")).findFirst().orElseThrow());
        _click(_get(Button.class, s -> s.withId("blackout-delete-confirm")));
        assertThat(fake.calls).contains("delete b2@1");
    }

    @Test
    void people_who_may_not_change_blackouts_only_read() {
        BlackoutListView v = view(false);
        assertThat(v.create.isVisible()).isFalse();
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(v.grid, 0, "actions");
        assertThat(actions.getChildren()).isEmpty();
    }
}
