package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.application.WindowFilter;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.downtime.ui.DowntimeUiFixtures.DEPARTMENTS;
import static org.patchcare.downtime.ui.DowntimeUiFixtures.FACILITIES;
import static org.patchcare.downtime.ui.DowntimeUiFixtures.window;

/** The downtime calendar in a browserless UI, on fake services, with the clock on Wednesday 25 March 2026 (UTC). */
@ExtendWith(BrowserlessUi.class)
class CalendarViewTest {

    private final FakeDowntime fake = new FakeDowntime();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-25T10:00:00Z"), ZoneOffset.UTC);

    private CalendarView view() {
        CalendarView v = new CalendarView(fake.calendar, FACILITIES, DEPARTMENTS, List.of("CT scanner", "Infusion pump"),
                clock);
        UI.getCurrent().add(v);
        return v;
    }

    private static List<Anchor> entries(Div day) {
        return day.getChildren().filter(c -> c instanceof Anchor).map(c -> (Anchor) c).toList();
    }

    private static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    @Test
    void a_window_shortly_after_midnight_on_the_day_berlin_springs_forward_is_on_that_sunday_in_local_time() {
        // 2026-03-29 00:30 CET = 2026-03-28 23:30 UTC (a Saturday in UTC); it ends at 03:30 CEST, after the clock jump
        fake.windows.add(window("1", "2026-03-28T23:30:00Z", "2026-03-29T01:30:00Z", WindowStatus.APPROVED));
        // Monday 30 March 00:30 CEST = 2026-03-29 22:30 UTC: next week
        fake.windows.add(window("2", "2026-03-29T22:30:00Z", "2026-03-29T23:30:00Z", WindowStatus.PROPOSED));
        CalendarView v = view();

        assertThat(v.days).hasSize(7);
        assertThat(v.days.keySet()).startsWith(LocalDate.parse("2026-03-23")).endsWith(LocalDate.parse("2026-03-29"));
        WindowFilter f = v.lastFilter();
        assertThat(f.from()).as("Monday 00:00 CET").isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
        assertThat(f.to()).as("the next Monday 00:00 CEST, a 167-hour week").isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));

        assertThat(entries(v.days.get(LocalDate.parse("2026-03-28")))).isEmpty();
        List<Anchor> sunday = entries(v.days.get(LocalDate.parse("2026-03-29")));
        assertThat(sunday).hasSize(1);
        assertThat(text(sunday.getFirst())).contains("00:30–03:30").contains("ED-CT-01 Patch").contains("✓ Approved");
        assertThat(sunday.getFirst().getHref()).isEqualTo("change-requests/r-1");

        _click(v.next);
        assertThat(v.lastFilter().from()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        List<Anchor> monday = entries(v.days.get(LocalDate.parse("2026-03-30")));
        assertThat(monday).extracting(a -> a.getId().orElseThrow()).containsExactly("cal-entry-2");
        assertThat(text(monday.getFirst())).contains("00:30–01:30").contains("? Proposed");
    }

    @Test
    void the_autumn_change_day_in_the_month_grid_shows_the_local_start() {
        // Sunday 25 October 2026 00:30 CEST = 24 October 22:30 UTC
        fake.windows.add(window("3", "2026-10-24T22:30:00Z", "2026-10-25T02:00:00Z", WindowStatus.IN_PROGRESS));
        CalendarView v = view();
        v.show(CalendarView.Mode.MONTH, LocalDate.parse("2026-10-10"));

        assertThat(v.lastFilter().from()).as("Monday 28 September 00:00 CEST")
                .isEqualTo(Instant.parse("2026-09-27T22:00:00Z"));
        assertThat(v.lastFilter().to()).as("Monday 2 November 00:00 CET").isEqualTo(Instant.parse("2026-11-01T23:00:00Z"));
        assertThat(entries(v.days.get(LocalDate.parse("2026-10-24")))).isEmpty();
        List<Anchor> sunday = entries(v.days.get(LocalDate.parse("2026-10-25")));
        assertThat(sunday).hasSize(1);
        assertThat(text(sunday.getFirst())).isEqualTo("▶ 00:30 ED-CT-01 Patch");
        assertThat(sunday.getFirst().hasClassName("pc-dt-in-progress")).isTrue();
    }

    @Test
    void switching_between_week_and_month_and_moving_change_the_range_asked_for() {
        CalendarView v = view();
        assertThat(v.rangeTitle.getText()).isEqualTo("Week of 23 Mar 2026 – 29 Mar 2026");

        v.mode.setValue(CalendarView.Mode.MONTH);
        assertThat(v.rangeTitle.getText()).isEqualTo("March 2026");
        assertThat(v.days).hasSize(42).containsKey(LocalDate.parse("2026-02-23")).containsKey(LocalDate.parse("2026-04-05"));
        assertThat(v.lastFilter().from()).isEqualTo(Instant.parse("2026-02-22T23:00:00Z"));
        assertThat(v.lastFilter().to()).isEqualTo(Instant.parse("2026-04-05T22:00:00Z"));

        _click(v.next);
        assertThat(v.rangeTitle.getText()).isEqualTo("April 2026");
        assertThat(v.lastFilter().from()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        _click(v.previous);
        _click(v.previous);
        assertThat(v.rangeTitle.getText()).isEqualTo("February 2026");
        assertThat(v.days).as("26 January to 1 March").hasSize(35);

        _click(v.today);
        assertThat(v.rangeTitle.getText()).isEqualTo("March 2026");
        v.mode.setValue(CalendarView.Mode.WEEK);
        _click(v.previous);
        assertThat(v.lastFilter().from()).isEqualTo(Instant.parse("2026-03-15T23:00:00Z"));
        assertThat(v.lastFilter().to()).isEqualTo(Instant.parse("2026-03-22T23:00:00Z"));
    }

    @Test
    void the_filters_go_to_the_service_and_a_facility_in_another_zone_counts_days_in_its_zone() {
        CalendarView v = view();
        assertThat(v.lastFilter().statuses()).containsExactlyInAnyOrder(WindowStatus.PROPOSED, WindowStatus.APPROVED,
                WindowStatus.IN_PROGRESS, WindowStatus.DONE);
        v.department.setValue(DEPARTMENTS.get(1));
        v.deviceType.setValue("Infusion pump");
        assertThat(v.lastFilter().departmentCode()).isEqualTo("ICU");
        assertThat(v.lastFilter().deviceType()).isEqualTo("Infusion pump");
        assertThat(v.lastFilter().facilityCode()).isNull();
        assertThat(fake.filters.getLast()).isEqualTo(v.lastFilter());

        v.department.clear();
        v.facility.setValue(FACILITIES.get(1));
        assertThat(fake.filters.getLast().facilityCode()).isEqualTo("NYC");
        assertThat(fake.filters.getLast().departmentCode()).isNull();
        assertThat(fake.filters.getLast().from()).as("Monday 00:00 in New York (EDT)")
                .isEqualTo(Instant.parse("2026-03-23T04:00:00Z"));
        assertThat(v.zoneNote.getText()).contains("America/New_York");
    }

    @Test
    void statuses_read_by_symbol_and_label_and_an_emergency_is_marked() {
        fake.windows.add(window("4", "ED-CT-01", "2026-03-24T07:00:00Z", "2026-03-24T08:00:00Z", WindowStatus.PROPOSED,
                false, "biomed", DowntimeUiFixtures.BERLIN));
        fake.windows.add(window("5", "ED-XR-02", "2026-03-24T09:00:00Z", "2026-03-24T10:00:00Z", WindowStatus.APPROVED,
                true, "biomed", DowntimeUiFixtures.BERLIN));
        CalendarView v = view();
        List<Anchor> tuesday = entries(v.days.get(LocalDate.parse("2026-03-24")));
        assertThat(tuesday).extracting(CalendarViewTest::text).containsExactly(
                "08:00–09:00ED-CT-01 PatchCT scanner ED-CT-01 · ED? Proposed",
                "⚠ 10:00–11:00ED-XR-02 PatchCT scanner ED-XR-02 · ED✓ Approved · Emergency");
        assertThat(tuesday.get(0).hasClassName("pc-dt-proposed")).isTrue();
        assertThat(tuesday.get(1).hasClassName("pc-cal-emergency")).isTrue();
        assertThat(tuesday.get(1).getElement().getAttribute("title")).startsWith("Approved, emergency: 10:00–11:00");
        assertThat(text(_get(Div.class, s -> s.withId("calendar-legend"))))
                .contains("? Proposed", "✓ Approved", "▶ In progress", "⚠ Emergency");
    }

    @Test
    void subscribing_asks_for_a_department_shows_the_address_once_and_lists_and_stops_feeds() {
        CalendarView v = view();
        _click(v.subscribe);
        FeedDialog d = _get(FeedDialog.class);
        _click(d.create);
        assertThat(d.department.isInvalid()).isTrue();
        assertThat(fake.calls).isEmpty();

        d.department.setValue(DEPARTMENTS.get(0));
        _click(d.create);
        assertThat(fake.calls).containsExactly("createFeed ED");
        assertThat(d.url.isVisible()).isTrue();
        assertThat(d.url.getValue()).endsWith("secret-token.ics");
        assertThat(d.copyHint.getText()).contains("shown only this once");
        assertThat(_size(d.feeds)).isEqualTo(1);

        Button stop = (Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(d.feeds, 0, "actions");
        _click(stop);
        assertThat(fake.calls).containsExactly("createFeed ED", "revokeFeed f1");
        assertThat(_size(d.feeds)).isZero();
    }
}
