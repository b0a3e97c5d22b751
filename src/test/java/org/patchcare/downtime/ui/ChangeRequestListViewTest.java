package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.application.ChangeRequestFilter;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;
import org.patchcare.inventory.domain.MissionImpact;
import org.patchcare.testsupport.BrowserlessUi;

import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;

/** The change request list in a browserless UI: its rows, the filters it sends and who may create requests. */
@ExtendWith(BrowserlessUi.class)
class ChangeRequestListViewTest {

    private static final DepartmentView ICU = new DepartmentView("ICU", "Intensive Care Unit", "MAIN", "Main",
            MissionImpact.MEF_FAILURE, 0);
    private final FakeChangeRequests fake = new FakeChangeRequests();
    private final OrganisationService organisation = new OrganisationService() {
        @Override
        public List<DepartmentView> departments() {
            return List.of(ICU);
        }

        @Override
        public List<FacilityView> facilities() {
            return List.of(new FacilityView("MAIN", "Main", FakeChangeRequests.NEW_YORK, 0));
        }
    };

    @BeforeEach
    void setUp() {
        FakeChangeRequests.logInAs("itsec", "IT_SECURITY");
        fake.summaries.add(FakeChangeRequests.summary("cr-1", ChangeRequestStatus.SUBMITTED, true, true));
        fake.summaries.add(FakeChangeRequests.summary("cr-2", ChangeRequestStatus.DRAFT, false, false));
    }

    private ChangeRequestListView open() {
        ChangeRequestListView view = new ChangeRequestListView(fake.service, organisation);
        UI.getCurrent().add(view);
        return view;
    }

    @Test
    void a_row_shows_the_state_chip_the_flags_the_devices_and_the_first_window_in_hospital_time() {
        ChangeRequestListView view = open();
        assertThat(_size(view.grid)).isEqualTo(2);
        assertThat(view.count.getText()).isEqualTo("2 requests");
        Component chips = _getCellComponent(view.grid, 0, "state");
        assertThat(chips.getChildren().map(c -> c.getElement().getText()).toList())
                .containsExactly("Submitted", "Emergency", "Needs review");
        assertThat(chips.getChildren().toList().getFirst().getElement().getClassList()).contains("pc-cr-status",
                "submitted");
        assertThat(_getCellComponent(view.grid, 1, "state").getChildren().count()).as("no flags").isEqualTo(1);
        assertThat(_getCellComponent(view.grid, 0, "request").getElement().getTextRecursively())
                .contains("CR-2026-0012 · Patch", "Alaris firmware 12.1.3");
        assertThat(_getFormattedRow(view.grid, 0).get(3)).isEqualTo("Sun 1 Nov 2026, 00:30 EDT");
        assertThat(_getFormattedRow(view.grid, 0).get(2)).isEqualTo("2 devices · ICU");
    }

    @Test
    void the_filters_reach_the_service() {
        ChangeRequestListView view = open();
        view.status.setValue(Set.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED));
        view.department.setValue(ICU);
        view.text.setValue(" firmware ");
        assertThat(fake.filters.getLast()).isEqualTo(new ChangeRequestFilter(
                Set.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED), "ICU", null, "firmware"));
    }

    @Test
    void a_link_with_states_and_a_department_opens_the_list_filtered_and_a_stale_one_unfiltered() {
        String link = ChangeRequestListView.link(Set.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED),
                "ICU");
        assertThat(link).startsWith("change-requests?");
        ChangeRequestListView view = open();
        view.apply(QueryParameters.fromString(link.substring(link.indexOf('?') + 1)));
        assertThat(fake.filters.getLast()).isEqualTo(new ChangeRequestFilter(
                Set.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED), "ICU", null, null));

        ChangeRequestListView stale = open();
        stale.apply(QueryParameters.fromString("status=NO_SUCH_STATE&department=GONE"));
        assertThat(stale.readFilter()).isEqualTo(ChangeRequestFilter.all());
        assertThat(ChangeRequestListView.linkToDepartment(null)).isEqualTo("change-requests");
        assertThat(ChangeRequestListView.linkAwaitingApproval("ED"))
                .isIn("change-requests?status=SUBMITTED&department=ED", "change-requests?department=ED&status=SUBMITTED");
    }

    @Test
    void only_it_security_and_biomed_see_new_request() {
        assertThat(open().create.isVisible()).isTrue();
        FakeChangeRequests.logInAs("biomed", "BIOMED_TECH");
        assertThat(open().create.isVisible()).isTrue();
        FakeChangeRequests.logInAs("manager", "CLINICAL_MANAGER");
        assertThat(open().create.isVisible()).isFalse();
        FakeChangeRequests.logInAs("admin", "ADMIN");
        assertThat(open().create.isVisible()).isFalse();
    }
}
