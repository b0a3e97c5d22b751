package org.patchcare.risk.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The department dashboard in a browserless UI: proportional bars, the plain legend, links for the queue's users. */
class RiskDashboardViewTest {

    private FakeRisk risk;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        risk = new FakeRisk();
        risk.departments = List.of(FakeRisk.rollup("ICU", 2, 0, 6, 0), FakeRisk.rollup("ED", 0, 0, 0, 4),
                FakeRisk.rollup("RAD", 0, 0, 0, 0));
        risk.facilities = List.of(FakeRisk.rollup("St. Elsewhere General", 2, 0, 6, 4));
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private RiskDashboardView open() {
        RiskDashboardView view = new RiskDashboardView(risk);
        UI.getCurrent().add(view);
        return view;
    }

    private static List<String> widths(Component row, String outcome) {
        return _find(row, Div.class, s -> s.withClasses("pc-seg " + outcome)).stream().map(Div::getWidth).toList();
    }

    @Test
    void department_bars_share_one_scale_so_their_widths_are_proportional_to_the_counts() {
        RiskDashboardView view = open();
        Div icu = _get(view, Div.class, s -> s.withId("dept-ICU"));
        Div ed = _get(view, Div.class, s -> s.withId("dept-ED"));

        assertThat(widths(icu, "immediate")).containsExactly("25.00%");
        assertThat(widths(icu, "scheduled")).containsExactly("75.00%");
        assertThat(widths(ed, "defer")).as("4 of the largest total 8").containsExactly("50.00%");
        assertThat(_find(_get(view, Div.class, s -> s.withId("dept-RAD")), Div.class, s -> s.withClasses("pc-seg")))
                .as("no open exposures: no bar").isEmpty();
        assertThat(ExposureDecisionViewTest.text(_get(view, Div.class, s -> s.withId("dept-RAD")))).contains("none open");
    }

    @Test
    void the_legend_says_in_plain_words_what_each_priority_asks_with_the_policy_due_times() {
        RiskDashboardView view = open();
        List<String> items = _find(_get(view, Div.class, s -> s.withId("outcome-legend")), Div.class,
                s -> s.withClasses("pc-outcome-legend-item")).stream()
                .map(d -> d.getChildren().map(ExposureDecisionViewTest::text).reduce((a, b) -> a + " " + b).orElse(""))
                .toList();

        assertThat(items).containsExactly(
                "Immediate Act now: patch or protect the device within 72 hours, even outside working hours.",
                "Out-of-cycle Patch within 14 days, outside the normal maintenance cycle.",
                "Scheduled Patch in the next planned maintenance, within 90 days.",
                "Defer No action needed now; review within 365 days.");
    }

    @Test
    void people_who_work_the_queue_open_a_department_from_its_row_clinical_managers_only_see_it() {
        FakeRisk.logInAs("manager", "CLINICAL_MANAGER");
        RiskDashboardView managers = open();
        assertThat(_find(managers, Anchor.class)).isEmpty();

        UI.getCurrent().removeAll();
        FakeRisk.logInAs("itsec", "IT_SECURITY");
        RiskDashboardView it = open();
        assertThat(_find(_get(it, Div.class, s -> s.withId("dept-ICU")), Anchor.class)).singleElement()
                .satisfies(a -> assertThat(a.getHref()).isEqualTo("risk?department=ICU"));
    }
}
