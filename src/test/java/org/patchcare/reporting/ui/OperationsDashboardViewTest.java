package org.patchcare.reporting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.ui.DashboardParts.Period;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.LocalDate;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.reporting.ui.ExecutiveDashboardViewTest.chartLinks;
import static org.patchcare.reporting.ui.ExecutiveDashboardViewTest.href;
import static org.patchcare.reporting.ui.ExecutiveDashboardViewTest.svg;
import static org.patchcare.reporting.ui.FakeMetrics.NORTH;
import static org.patchcare.reporting.ui.FakeMetrics.TODAY;

/** IT's operations dashboard in a browserless UI: the three numbers, the bars per department and their lists. */
@ExtendWith(BrowserlessUi.class)
class OperationsDashboardViewTest {

    private FakeMetrics metrics;

    @BeforeEach
    void setUp() {
        metrics = new FakeMetrics().history();
        FakeMetrics.logInAs("itsec", "IT_SECURITY");
    }

    private OperationsDashboardView open() {
        OperationsDashboardView view = new OperationsDashboardView(metrics, FakeMetrics.organisation(),
                FakeMetrics.CLOCK);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void overdue_due_this_week_and_blocked_by_approval_open_their_lists() {
        OperationsDashboardView view = open();

        assertThat(href(view, "tile-overdue")).isEqualTo("risk?overdue=true");
        assertThat(href(view, "tile-due-week")).as("the queue narrowed to what falls due within 7 days")
                .isEqualTo("risk?dueWithinWeek=true");
        assertThat(href(view, "tile-blocked")).isEqualTo("change-requests?status=SUBMITTED");
        assertThat(_get(view, com.vaadin.flow.component.html.Div.class, s -> s.withId("tile-blocked")).getElement()
                .getTextRecursively()).isEqualTo("3waiting for an approval");
    }

    @Test
    void each_department_bar_opens_its_list() throws Exception {
        OperationsDashboardView view = open();

        assertThat(chartLinks(view, "chart-operations"))
                .containsEntry("risk?department=ICU&overdue=true", List.of("Intensive Care Unit, Overdue: 5"))
                .containsEntry("change-requests?department=ICU&status=SUBMITTED",
                        List.of("Intensive Care Unit, Waiting for approval: 2"))
                .containsEntry("change-requests?department=ED&status=SUBMITTED",
                        List.of("Emergency Department, Waiting for approval: 1"));
        assertThat(chartLinks(view, "chart-operations").entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(t -> t.contains("Due within 7 days")))
                .map(java.util.Map.Entry::getKey).toList())
                .as("each department's 'due within 7 days' bar opens that department's queue, due within 7 days")
                .isNotEmpty()
                .allMatch(k -> k.matches("risk\\?(department=[A-Z]+&dueWithinWeek=true|dueWithinWeek=true&department=[A-Z]+)"));
        assertThat(svg(view, "chart-operations")).as("a department with nothing to do is left out")
                .doesNotContain("Laboratory");
    }

    @Test
    void time_to_patch_by_manufacturer_opens_the_manufacturers_devices_and_leaves_out_the_unpatched() throws Exception {
        OperationsDashboardView view = open();

        assertThat(chartLinks(view, "chart-ttp-manufacturer")).containsKeys("devices?manufacturer=m-bd",
                "devices?manufacturer=m-ge");
        assertThat(svg(view, "chart-ttp-manufacturer")).doesNotContain("Nobody patched");
        assertThat(chartLinks(view, "chart-lags")).containsKey("change-requests?department=ICU");
        assertThat(svg(view, "chart-lags")).doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void facility_and_period_reach_the_service() {
        OperationsDashboardView view = open();
        assertThat(metrics.calls).containsExactly("operations", "timeToPatch MANUFACTURER",
                "timeToPatch DEVICE_TYPE", "lags DEPARTMENT");
        view.facility.setValue(NORTH);
        metrics.filters.clear();
        view.period.setValue(Period.MONTHS_24);

        assertThat(metrics.filters).isNotEmpty().containsOnly(MetricsFilter.all().withFacility("NORTH")
                .withPeriod(LocalDate.of(2024, 11, 24), TODAY));
    }

    @Test
    void with_nothing_to_do_it_says_so() {
        metrics = new FakeMetrics();
        OperationsDashboardView view = open();

        assertThat(_get(view, Paragraph.class, s -> s.withId("chart-operations-empty")).getText())
                .isEqualTo("Nothing is overdue, due this week or waiting for an approval.");
    }
}
