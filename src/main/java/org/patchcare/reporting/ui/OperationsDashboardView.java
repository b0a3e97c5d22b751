package org.patchcare.reporting.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;
import org.patchcare.reporting.application.Grouping;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.application.MetricsService;
import org.patchcare.reporting.application.MetricsViews.OperationsSummary;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.Clock;

/**
 * IT's operations view: what is overdue, what falls due this week and what waits for an approval, as numbers and per
 * department (each bar opens its list); how long patching takes per manufacturer and per device type; where the time
 * goes per department.
 */
@StyleSheet(DashboardParts.STYLESHEET)
@Route(value = "dashboards/operations", layout = MainLayout.class)
@PageTitle("Operations dashboard · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.BIOMED_TECH, Roles.ADMIN})
public class OperationsDashboardView extends DashboardFrame {

    final ComboBox<FacilityView> facility = new ComboBox<>("Facility");

    @Inject
    public OperationsDashboardView(MetricsService metrics, OrganisationService organisation, Clock clock) {
        super(metrics, clock, "operations-dashboard", "Operations dashboard", "What needs doing now, and where "
                + "patching is slow. Click a number or a bar to open the list behind it.");
        facility.setId("filter-facility");
        facility.setItems(organisation.facilities());
        facility.setItemLabelGenerator(FacilityView::name);
        facility.setClearButtonVisible(true);
        facility.setPlaceholder("All");
        facility.addValueChangeListener(e -> refresh());
        period.addValueChangeListener(e -> refresh());
        filters(facility, period);
        refresh();
    }

    MetricsFilter filter() {
        return periodFilter().withFacility(facility.getValue() == null ? null : facility.getValue().code());
    }

    @Override
    void refresh() {
        MetricsFilter filter = filter();
        content.removeAll();
        OperationsSummary ops = metrics.operations(filter);
        content.add(DashboardParts.tiles(
                DashboardParts.tile("tile-overdue", count(ops.overdue()), "overdue exposures",
                        links.queue(null, null, true), ops.overdue() > 0),
                DashboardParts.tile("tile-due-week", count(ops.dueThisWeek()), "due within 7 days",
                        links.queueDueThisWeek(null), false),
                DashboardParts.tile("tile-blocked", count(ops.blockedByApproval()), "waiting for an approval",
                        links.awaitingApproval(null), false)));
        Div grid = DashboardParts.grid();
        grid.add(new ChartCard("chart-operations", DashboardCharts.operations(ops.byDepartment(), links),
                "Per department: exposures past due, those due within seven days, and those whose change request "
                        + "waits for an approval.",
                "Nothing is overdue, due this week or waiting for an approval."));
        grid.add(new ChartCard("chart-ttp-manufacturer", DashboardCharts.timeToPatch("Time to patch by manufacturer",
                "Manufacturer", metrics.timeToPatch(filter, Grouping.MANUFACTURER),
                m -> links.devices(null, m, false)),
                "Days from the vendor's warning to the patch on our devices: the median and the slowest tenth "
                        + "(90th percentile). Click a bar to see the manufacturer's devices.",
                "No exposure was patched in this period yet."));
        grid.add(new ChartCard("chart-ttp-type", DashboardCharts.timeToPatch("Time to patch by device type",
                "Device type", metrics.timeToPatch(filter, Grouping.DEVICE_TYPE), t -> null),
                "The same per kind of device, e.g. infusion pumps or imaging.",
                "No exposure was patched in this period yet."));
        grid.add(new ChartCard("chart-lags", DashboardCharts.lags("Where the time goes, by department", "Department",
                metrics.lags(filter, Grouping.DEPARTMENT), links::changeRequests),
                "The typical days of each step of the chain. Click a bar to see the department's change requests.",
                "No step of the patching chain has been recorded in this period yet."));
        content.add(grid);
    }
}
