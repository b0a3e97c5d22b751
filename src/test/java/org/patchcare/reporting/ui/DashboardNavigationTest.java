package org.patchcare.reporting.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinRequest;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.shared.ui.MainLayout;
import org.patchcare.shared.ui.ViewAccessControl;
import org.patchcare.testsupport.BrowserlessUi;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The dashboards in the side navigation: registered, after "Lifecycle", shown to the roles that may open them. */
@ExtendWith(BrowserlessUi.class)
class DashboardNavigationTest {

    /** Stands in for the exposure report screen, which the reporting context builds elsewhere. */
    @RolesAllowed({"IT_SECURITY", "ADMIN", "CLINICAL_MANAGER"})
    public static class ReportScreen extends Div {
    }

    /** What MainLayout shows: the entries whose view the caller may open. */
    private static List<String> shownTo(String... roles) {
        FakeMetrics.logInAs("someone", roles);
        return new DashboardNavigation().entries().stream()
                .filter(e -> ViewAccessControl.mayOpen(e.view(), VaadinRequest.getCurrent()))
                .map(MainLayout.NavEntry::label).toList();
    }

    @Test
    void is_registered_and_places_its_entries_after_lifecycle_and_before_the_security_screens() {
        assertThat(StreamSupport.stream(ServiceLoader.load(MainLayout.NavContributor.class).spliterator(), false))
                .anyMatch(c -> c instanceof DashboardNavigation);
        List<MainLayout.NavEntry> entries = new DashboardNavigation().entries();
        assertThat(entries).extracting(MainLayout.NavEntry::label)
                .as("no exposure report screen deployed: no entry for it")
                .containsExactly("Executive dashboard", "Department dashboard", "Operations dashboard");
        assertThat(entries).allMatch(e -> e.order() > 20 && e.order() < 25);
        assertThat(entries).extracting(MainLayout.NavEntry::order).isSorted();
    }

    @Test
    void each_role_sees_the_dashboards_it_may_open() {
        assertThat(shownTo("IT_SECURITY")).containsExactly("Executive dashboard", "Department dashboard",
                "Operations dashboard");
        assertThat(shownTo("BIOMED_TECH")).containsExactly("Executive dashboard", "Department dashboard",
                "Operations dashboard");
        assertThat(shownTo("ADMIN")).containsExactly("Executive dashboard", "Department dashboard",
                "Operations dashboard");
        assertThat(shownTo("CLINICAL_MANAGER")).as("the operations view is IT's")
                .containsExactly("Executive dashboard", "Department dashboard");
        assertThat(shownTo()).as("no role, no dashboard").isEmpty();
    }

    @Test
    void the_exposure_report_is_found_by_its_route_and_linked_from_the_navigation_and_the_dashboards() {
        RouteConfiguration.forApplicationScope().setRoute("reports/exposures", ReportScreen.class);

        assertThat(new DashboardNavigation().entries()).filteredOn(e -> e.label().equals("Exposure report"))
                .singleElement().satisfies(e -> assertThat(e.view()).isEqualTo(ReportScreen.class));
        assertThat(shownTo("CLINICAL_MANAGER")).contains("Exposure report");
        assertThat(shownTo("BIOMED_TECH")).doesNotContain("Exposure report");

        FakeMetrics.logInAs("manager", "CLINICAL_MANAGER");
        DepartmentDashboardView view = new DepartmentDashboardView(new FakeMetrics(), FakeMetrics.organisation(),
                FakeMetrics.riskSeenBy("ICU"), FakeMetrics.CLOCK);
        UI.getCurrent().add(view);
        assertThat(_get(view, Anchor.class, s -> s.withId("exposure-report-link")).getHref())
                .isEqualTo("reports/exposures");
        FakeMetrics.logInAs("biomed", "BIOMED_TECH");
        OperationsDashboardView ops = new OperationsDashboardView(new FakeMetrics(), FakeMetrics.organisation(),
                FakeMetrics.CLOCK);
        assertThat(_find(ops, Anchor.class, s -> s.withId("exposure-report-link"))).as("not for biomed").isEmpty();
    }
}
