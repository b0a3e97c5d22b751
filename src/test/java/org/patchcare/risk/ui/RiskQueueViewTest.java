package org.patchcare.risk.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.domain.MissionImpact;
import org.patchcare.risk.application.RiskViews.QueueFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._selectRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The IT work queue in a browserless UI: what a row shows, the filters it sends, and the bulk-action dialogs. */
class RiskQueueViewTest {

    private static final DepartmentView ICU = new DepartmentView("ICU", "Intensive care", "MAIN", "Main", MissionImpact.MEF_FAILURE, 0);
    private static final DepartmentView ED = new DepartmentView("ED", "Emergency", "MAIN", "Main", MissionImpact.MEF_FAILURE, 0);

    private FakeRisk risk;
    private OrganisationService organisation;
    private final FakeMitigation mitigation = new FakeMitigation();
    private RiskQueueView view;
    private final List<String> bulk = new ArrayList<>();

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        FakeRisk.logInAs("itsec", "IT_SECURITY");
        risk = new FakeRisk();
        risk.items.add(FakeRisk.item("e-1", "IMMEDIATE", true, "ACTIVE", "OPEN", "YES", "VERY_HIGH",
                List.of("EXPLOITATION")));
        risk.items.add(FakeRisk.item("e-2", "DEFER", false, "NONE", "SMALL", "NO", "LOW", List.of()));
        organisation = new OrganisationService() {
            @Override
            public List<DepartmentView> departments() {
                return List.of(ED, ICU);
            }
        };
        view = new RiskQueueView(risk, organisation, mitigation.controlService, mitigation.acceptanceService) {
            @Override
            void bulkAction(String action, List<String> exposureIds) {
                bulk.add(action + " " + exposureIds);
                super.bulkAction(action, exposureIds);
            }
        };
        UI.getCurrent().add(view);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private Component cell(int row, String key) {
        return _getCellComponent(view.grid, row, key);
    }

    @Test
    void a_row_shows_the_priority_badge_the_due_date_marked_overdue_and_the_four_decision_points_as_chips() {
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(view.count.getText()).isEqualTo("2 open exposures");

        Span outcome = (Span) cell(0, "outcome");
        assertThat(outcome.getText()).isEqualTo("Immediate");
        assertThat(outcome.getClassNames()).contains("pc-outcome", "immediate");

        Component due = cell(0, "due");
        assertThat(text(due)).isEqualTo("2026-11-20 overdue");
        assertThat(due.getElement().getClassList()).contains("pc-overdue");
        assertThat(text(cell(1, "due"))).as("not overdue: the date alone").isEqualTo("2026-11-20");
        assertThat(cell(1, "due").getElement().getClassList()).doesNotContain("pc-overdue");

        assertThat(text(cell(0, "device"))).contains("BME-0001", "ICU", "Alaris 8000 PC unit");
        assertThat(text(cell(0, "vulnerability"))).contains("CVE-2016-8375", "ICSMA-17-017-01");

        List<Component> chips = cell(0, "points").getChildren().toList();
        assertThat(chips).extracting(RiskQueueViewTest::text).containsExactly(
                "Exploitation active ✎", "Exposure open", "Automatable yes", "Human impact very high");
        assertThat(chips.get(0).getElement().getClassList()).contains("overridden", "lvl-high");
        assertThat(chips.get(1).getElement().getClassList()).doesNotContain("overridden");
        assertThat(chips.get(2).getElement().getAttribute("title"))
                .contains("Can an attacker exploit this without anyone's help, over the network?");
        assertThat(cell(1, "points").getChildren().map(RiskQueueViewTest::text).toList()).containsExactly(
                "Exploitation none", "Exposure small", "Automatable no", "Human impact low");
        assertThat(cell(1, "points").getChildren().toList().get(0).getElement().getClassList()).contains("lvl-low");
    }

    @Test
    void bulk_buttons_stay_disabled_until_rows_are_ticked_and_then_hand_the_ticked_exposures_to_the_dialogs() {
        assertThat(view.attachControl.isEnabled()).isFalse();
        assertThat(view.requestAcceptance.isEnabled()).isFalse();
        assertThat(view.createChangeRequest.isEnabled()).isFalse();

        _selectRow(view.grid, 1);
        assertThat(view.createChangeRequest.isEnabled()).isTrue();
        assertThat(view.attachControl.isEnabled()).isTrue();
        assertThat(view.requestAcceptance.isEnabled()).isTrue();
        _click(view.requestAcceptance);
        RequestAcceptanceDialog request = _get(RequestAcceptanceDialog.class);
        assertThat(request.isOpened()).isTrue();
        assertThat(request.getHeaderTitle()).isEqualTo("Request a risk acceptance");
        request.close();

        view.grid.select(risk.items.getFirst());
        _click(view.attachControl);
        AttachControlDialog attach = _get(AttachControlDialog.class);
        assertThat(attach.isOpened()).isTrue();
        assertThat(attach.getHeaderTitle()).isEqualTo("Attach a compensating control to 2 exposures");
        assertThat(mitigation.calls).contains("usableFor [e-2, e-1]");

        _click(view.requestAcceptance);
        assertThat(_find(RequestAcceptanceDialog.class)).as("one exposure at a time").isEmpty();
        assertThat(bulk).containsExactly("request-acceptance [e-2]", "attach-control [e-2, e-1]",
                "request-acceptance [e-2, e-1]");
    }

    @Test
    void each_bulk_button_shows_only_to_the_roles_that_may_use_it() {
        FakeRisk.logInAs("biomed", "BIOMED_TECH");
        RiskQueueView biomed = new RiskQueueView(risk, organisation, mitigation.controlService,
                mitigation.acceptanceService);
        assertThat(biomed.attachControl.isVisible()).isFalse();
        assertThat(biomed.requestAcceptance.isVisible()).isTrue();
        assertThat(biomed.createChangeRequest.isVisible()).isTrue();

        FakeRisk.logInAs("admin", "ADMIN");
        RiskQueueView admin = new RiskQueueView(risk, organisation, mitigation.controlService,
                mitigation.acceptanceService);
        assertThat(admin.attachControl.isVisible()).isTrue();
        assertThat(admin.requestAcceptance.isVisible()).isFalse();
        assertThat(admin.createChangeRequest.isVisible()).isFalse();
        assertThat(view.createChangeRequest.isVisible()).as("IT security").isTrue();
    }

    @Test
    void the_filters_reach_the_service_and_the_url() {
        view.department.setValue(ICU);
        view.overdueOnly.setValue(true);
        view.outcome.setValue("IMMEDIATE");
        view.search.setValue(" BME-0001 ");

        QueueFilter last = risk.filters.getLast();
        assertThat(last).isEqualTo(new QueueFilter("IMMEDIATE", "ICU", null, true, null, "BME-0001"));
        assertThat(RiskQueueView.toQuery(last).getParameters()).containsOnly(Map.entry("outcome", List.of("IMMEDIATE")),
                Map.entry("department", List.of("ICU")), Map.entry("overdue", List.of("true")),
                Map.entry("q", List.of("BME-0001")));
        assertThat(RiskQueueView.linkToDepartment("ICU")).isEqualTo("risk?department=ICU");
        assertThat(RiskQueueView.link(QueueFilter.none())).isEqualTo("risk");

        view.overdueOnly.setValue(false);
        view.dueWithinWeek.setValue(true);
        assertThat(risk.filters.getLast().dueWithinWeek()).as("the 'due within 7 days' box reaches the service").isTrue();
        assertThat(RiskQueueView.toQuery(risk.filters.getLast()).getParameters())
                .containsEntry("dueWithinWeek", List.of("true")).doesNotContainKey("overdue");
        assertThat(RiskQueueView.link(new QueueFilter(null, "ICU", null, true, null, null)))
                .as("e.g. a department's overdue bar on a dashboard").isIn("risk?department=ICU&overdue=true",
                        "risk?overdue=true&department=ICU");
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively().strip();
    }
}
