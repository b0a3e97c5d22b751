package org.patchcare.reporting.ui;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.LocalDate;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.reporting.ui.ExecutiveDashboardViewTest.chartLinks;
import static org.patchcare.reporting.ui.ExecutiveDashboardViewTest.href;
import static org.patchcare.reporting.ui.FakeMetrics.TODAY;

/** The department dashboard in a browserless UI: the clinical manager's picker, the filter, links, empty states. */
@ExtendWith(BrowserlessUi.class)
class DepartmentDashboardViewTest {

    private FakeMetrics metrics;

    @BeforeEach
    void setUp() {
        metrics = new FakeMetrics().history();
        FakeMetrics.logInAs("manager", "CLINICAL_MANAGER");
    }

    private DepartmentDashboardView open(String... managerDepartments) {
        DepartmentDashboardView view = new DepartmentDashboardView(metrics, FakeMetrics.organisation(),
                FakeMetrics.riskSeenBy(managerDepartments), FakeMetrics.CLOCK);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void a_clinical_manager_picks_only_among_their_departments_and_sees_the_first_at_once() {
        DepartmentDashboardView view = open("ICU", "LAB");

        assertThat(view.department.getListDataView().getItems().map(d -> d.code()).toList())
                .containsExactly("ICU", "LAB");
        assertThat(view.department.getValue().code()).isEqualTo("ICU");
        assertThat(metrics.filters).containsOnly(MetricsFilter.all().withDepartment("ICU")
                .withPeriod(LocalDate.of(2025, 11, 24), TODAY));
        assertThat(metrics.calls).containsExactly("headline", "overdue OUTCOME", "burnDown", "timeToPatchTrend",
                "lags QUARTER", "topDevices 10");
    }

    @Test
    void another_department_of_theirs_reaches_the_service_but_a_department_from_the_url_that_is_not_theirs_does_not() {
        DepartmentDashboardView view = open("ICU", "LAB");
        view.select("lab");
        assertThat(metrics.filters.getLast().departmentCode()).isEqualTo("LAB");

        metrics.filters.clear();
        view.select("ED");
        assertThat(view.department.getValue().code()).isEqualTo("LAB");
        assertThat(metrics.filters).as("nothing asked for ED").isEmpty();
    }

    @Test
    void everyone_else_picks_among_all_departments() {
        FakeMetrics.logInAs("biomed", "BIOMED_TECH");
        DepartmentDashboardView view = open();
        assertThat(view.department.getListDataView().getItems().map(d -> d.code()).toList())
                .containsExactly("ED", "ICU", "LAB");
    }

    @Test
    void for_it_the_priority_bars_open_the_departments_overdue_and_open_exposures_in_the_work_queue() throws Exception {
        FakeMetrics.logInAs("itsec", "IT_SECURITY");
        DepartmentDashboardView view = open();
        view.select("ICU");

        assertThat(chartLinks(view, "chart-open-by-outcome"))
                .containsEntry("risk?department=ICU&outcome=IMMEDIATE&overdue=true", List.of("Immediate, Overdue: 2"))
                .containsEntry("risk?department=ICU&outcome=SCHEDULED&overdue=true", List.of("Scheduled, Overdue: 7"))
                .containsKey("risk?department=ICU&outcome=IMMEDIATE")
                .doesNotContainKey("risk?department=ICU&outcome=DEFER");
        assertThat(href(view, "tile-overdue")).isEqualTo("risk?department=ICU&overdue=true");
        assertThat(href(view, "tile-unsupported")).isEqualTo("devices?department=ICU&support=UNSUPPORTED");
        assertThat(_get(view, Anchor.class, s -> s.withId("chart-lags-list")).getHref())
                .isEqualTo("change-requests?department=ICU");
    }

    @Test
    void a_clinical_manager_opens_devices_and_change_requests_but_no_work_queue() throws Exception {
        DepartmentDashboardView view = open("ICU");

        assertThat(chartLinks(view, "chart-open-by-outcome")).isEmpty();
        assertThat(chartLinks(view, "chart-top-devices")).containsKey("devices/BME-000123");
        assertThat(href(view, "tile-open")).isNull();
        assertThat(_get(view, Anchor.class, s -> s.withId("chart-lags-list")).getHref())
                .isEqualTo("change-requests?department=ICU");
    }

    @Test
    void the_charts_speak_plainly() {
        DepartmentDashboardView view = open("ICU");
        List<String> titles = _find(view, ChartCard.class).stream().map(c -> c.spec.title()).toList();

        assertThat(titles).containsExactly("Open exposures by priority", "Open exposures over time",
                "Days from the vendor's warning to the patch on our devices", "Where the time goes",
                "The department's riskiest devices");
        assertThat(_find(view, ChartCard.class).get(3).spec.series().stream().map(s -> s.name()).toList())
                .containsExactly("Waiting for the vendor's fix", "Deciding what to do (triage)", "Waiting for approval",
                        "Waiting for the downtime window", "Patching", "Checking the device afterwards");
    }

    @Test
    void without_history_each_chart_says_so() {
        metrics = new FakeMetrics();
        DepartmentDashboardView view = open("ICU");

        assertThat(_find(view, Svg.class)).isEmpty();
        assertThat(_get(view, Paragraph.class, s -> s.withId("chart-burn-down-empty")).getText())
                .isEqualTo("No exposure history yet for this department and period.");
        assertThat(_get(view, Paragraph.class, s -> s.withId("chart-open-by-outcome-empty")).getText())
                .startsWith("No open exposure");
    }

    @Test
    void a_period_without_any_open_exposure_is_said_in_words_not_drawn_as_a_flat_line() {
        metrics.burnDown = metrics.burnDown.stream()
                .map(p -> new org.patchcare.reporting.application.MetricsViews.BurnDownPoint(p.day(), 0, 0)).toList();
        DepartmentDashboardView view = open("ICU");

        assertThat(_find(view, Svg.class, s -> s.withId("chart-burn-down-chart"))).isEmpty();
        assertThat(_get(view, Paragraph.class, s -> s.withId("chart-burn-down-empty")).getText())
                .isEqualTo("No exposure history yet for this department and period.");
    }

    @Test
    void a_clinical_manager_without_departments_is_told_who_assigns_them() {
        DepartmentDashboardView view = open();

        assertThat(_get(view, Paragraph.class, s -> s.withId("no-department")).getText())
                .contains("not responsible for any department");
        assertThat(metrics.calls).isEmpty();
    }
}
