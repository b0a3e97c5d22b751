package org.patchcare.reporting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.ui.DashboardParts.Period;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.reporting.ui.FakeMetrics.ICU;
import static org.patchcare.reporting.ui.FakeMetrics.MAIN;
import static org.patchcare.reporting.ui.FakeMetrics.NORTH;
import static org.patchcare.reporting.ui.FakeMetrics.TODAY;

/** The executive dashboard in a browserless UI, over a fake metrics service. */
@ExtendWith(BrowserlessUi.class)
class ExecutiveDashboardViewTest {

    private FakeMetrics metrics;

    @BeforeEach
    void setUp() {
        metrics = new FakeMetrics().history();
        FakeMetrics.logInAs("itsec", "IT_SECURITY");
    }

    private ExecutiveDashboardView open(String... managerDepartments) {
        ExecutiveDashboardView view = new ExecutiveDashboardView(metrics, FakeMetrics.organisation(),
                FakeMetrics.riskSeenBy(managerDepartments), FakeMetrics.CLOCK);
        UI.getCurrent().add(view);
        return view;
    }

    /** The links of a card's chart: href (parameters in alphabetical order, see {@link #sorted}) → tooltips. */
    static Map<String, List<String>> chartLinks(Component view, String card) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        ChartsTest.links(ChartsTest.parse(svg(view, card))).forEach((href, titles) -> out.put(sorted(href), titles));
        return out;
    }

    /** A link with its query parameters in alphabetical order (their order means nothing to the screens). */
    static String sorted(String href) {
        if (href == null || !href.contains("?")) {
            return href;
        }
        String[] parts = href.split("\\?", 2);
        return parts[0] + "?" + Arrays.stream(parts[1].split("&")).sorted().collect(Collectors.joining("&"));
    }

    static String svg(Component view, String card) {
        return _get(view, Svg.class, s -> s.withId(card + "-chart")).getElement().getProperty("innerHTML");
    }

    static String href(Component view, String tileId) {
        List<Anchor> a = _find(_get(view, Div.class, s -> s.withId(tileId)), Anchor.class);
        return a.isEmpty() ? null : sorted(a.getFirst().getHref());
    }

    @Test
    void opens_on_the_last_twelve_months_of_the_whole_hospital_and_asks_for_every_chart() {
        open();
        assertThat(metrics.calls).containsExactly("headline", "scoreTrend", "burnDown", "timeToPatch OUTCOME",
                "timeToPatch QUARTER", "timeToPatchTrend", "topDevices 10", "unsupportedByDepartment");
        assertThat(metrics.filters).containsOnly(MetricsFilter.all().withPeriod(LocalDate.of(2025, 11, 24), TODAY));
    }

    @Test
    void facility_department_and_period_reach_the_service() {
        ExecutiveDashboardView view = open();
        view.facility.setValue(MAIN);
        view.department.setValue(ICU);
        metrics.filters.clear();
        view.period.setValue(Period.DAYS_90);

        assertThat(metrics.filters).isNotEmpty().containsOnly(new MetricsFilter("MAIN", "ICU", null, null, null,
                LocalDate.of(2026, 8, 26), TODAY));
    }

    @Test
    void a_facility_offers_only_its_departments_and_drops_a_department_elsewhere() {
        ExecutiveDashboardView view = open();
        view.department.setValue(ICU);
        view.facility.setValue(NORTH);

        assertThat(view.department.getListDataView().getItems().map(d -> d.code()).toList()).containsExactly("LAB");
        assertThat(view.department.getValue()).isNull();
        assertThat(metrics.filters.getLast().departmentCode()).isNull();
        assertThat(metrics.filters.getLast().facilityCode()).isEqualTo("NORTH");
    }

    @Test
    void headline_numbers_open_their_lists() {
        ExecutiveDashboardView view = open();

        assertThat(_get(view, Div.class, s -> s.withId("tile-open")).getElement().getTextRecursively())
                .isEqualTo("57open exposures");
        assertThat(href(view, "tile-open")).isEqualTo("risk");
        assertThat(href(view, "tile-overdue")).isEqualTo("risk?overdue=true");
        assertThat(href(view, "tile-unsupported")).isEqualTo("devices?support=UNSUPPORTED");
        assertThat(_get(view, Div.class, s -> s.withId("tile-median")).getElement().getTextRecursively())
                .startsWith("21.5 days");
        assertThat(_get(view, Div.class, s -> s.withId("tile-sla")).getElement().getTextRecursively())
                .startsWith("82%");

        view.department.setValue(ICU);
        assertThat(href(view, "tile-overdue")).isEqualTo("risk?department=ICU&overdue=true");
    }

    @Test
    void each_chart_leads_to_the_list_behind_it() throws Exception {
        ExecutiveDashboardView view = open();

        assertThat(chartLinks(view, "chart-unsupported").get("devices?department=ICU&support=UNSUPPORTED"))
                .as("the bar and its label").containsExactlyInAnyOrder("Intensive Care Unit: 9", "Intensive Care Unit");
        assertThat(chartLinks(view, "chart-top-devices")).containsKeys("devices/BME-000123", "devices/BME-000200");
        assertThat(chartLinks(view, "chart-sla-outcome")).containsKeys("risk?outcome=IMMEDIATE");
        assertThat(_get(view, Anchor.class, s -> s.withId("chart-burn-down-list")).getHref()).isEqualTo("risk");
        assertThat(svg(view, "chart-unsupported")).as("a department named like markup stays text")
                .doesNotContain("<script").contains("&lt;script&gt;");
    }

    @Test
    void every_chart_has_a_text_alternative_and_a_table() throws Exception {
        ExecutiveDashboardView view = open();

        List<ChartCard> cards = _find(view, ChartCard.class);
        assertThat(cards).hasSize(7);
        for (ChartCard card : cards) {
            assertThat(card.chart).as(card.getId().orElseThrow()).isNotNull();
            assertThat(ChartsTest.parse(card.chart.getElement().getProperty("innerHTML")).getDocumentElement()
                    .getAttribute("aria-label")).startsWith(card.spec.title() + ". ");
            assertThat(card.table.getSummaryText()).isEqualTo("Show as table");
        }
        assertThat(_find(view, Paragraph.class, s -> s.withId("no-history"))).isEmpty();
    }

    @Test
    void a_clinical_manager_picks_only_among_their_departments_and_gets_no_link_to_the_work_queue() throws Exception {
        FakeMetrics.logInAs("manager", "CLINICAL_MANAGER");
        ExecutiveDashboardView view = open("ICU");

        assertThat(view.department.getListDataView().getItems().map(d -> d.code()).toList()).containsExactly("ICU");
        assertThat(href(view, "tile-overdue")).as("the work queue is IT's").isNull();
        assertThat(href(view, "tile-unsupported")).isEqualTo("devices?support=UNSUPPORTED");
        assertThat(chartLinks(view, "chart-sla-outcome")).isEmpty();
        assertThat(chartLinks(view, "chart-top-devices")).containsKey("devices/BME-000123");
    }

    @Test
    void without_history_it_says_so_instead_of_drawing_empty_axes() {
        metrics = new FakeMetrics();
        ExecutiveDashboardView view = open();

        assertThat(_get(view, Paragraph.class, s -> s.withId("no-history")).getText())
                .startsWith("There is no history yet");
        assertThat(_find(view, Svg.class)).isEmpty();
        assertThat(_get(view, Paragraph.class, s -> s.withId("chart-ttp-trend-empty")).getText())
                .isEqualTo("No exposure was patched in this period yet.");
        assertThat(_get(view, Div.class, s -> s.withId("tile-median")).getElement().getTextRecursively())
                .startsWith("—");
    }
}
