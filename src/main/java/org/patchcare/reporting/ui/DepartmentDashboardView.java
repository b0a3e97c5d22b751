package org.patchcare.reporting.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.reporting.application.Grouping;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.application.MetricsService;
import org.patchcare.reporting.application.MetricsViews.Headline;
import org.patchcare.risk.application.RiskService;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * One department's dashboard, for its clinical manager: open and overdue exposures by priority, the burn-down, how
 * long patching takes and where that time goes, devices past end of support and the department's riskiest devices.
 * A clinical manager picks among their own departments; everyone else among all. The department can come from the
 * URL ({@code dashboards/department?department=ICU}).
 */
@StyleSheet(DashboardParts.STYLESHEET)
@Route(value = "dashboards/department", layout = MainLayout.class)
@PageTitle("Department dashboard · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN, Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER})
public class DepartmentDashboardView extends DashboardFrame implements BeforeEnterObserver {

    static final String ROUTE = "dashboards/department";
    static final String P_DEPARTMENT = "department";
    static final int TOP_DEVICES = 10;

    final List<DepartmentView> departments;
    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    private boolean applying;

    @Inject
    public DepartmentDashboardView(MetricsService metrics, OrganisationService organisation, RiskService risk,
                                   Clock clock) {
        super(metrics, clock, "department-dashboard", "Department dashboard", "How exposed your department's devices "
                + "are, and how long it takes to patch them. Click a bar or a number to see the list behind it.");
        this.departments = DashboardParts.departments(organisation, risk);
        department.setId("filter-department");
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        department.setWidth("20em");
        department.setAllowCustomValue(false);
        applying = true;
        department.setValue(departments.isEmpty() ? null : departments.getFirst());
        applying = false;
        department.addValueChangeListener(e -> {
            if (!applying && e.getValue() != null) {
                refresh();
                getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                        new Location(ROUTE, QueryParameters.of(P_DEPARTMENT, e.getValue().code()))));
            }
        });
        period.addValueChangeListener(e -> refresh());
        filters(department, period);
        refresh();
    }

    /** Picks the department named in the URL, if the caller may see it; otherwise keeps the first one. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        List<String> code = p.getOrDefault(P_DEPARTMENT, List.of());
        if (!code.isEmpty()) {
            select(code.getFirst());
        }
    }

    /** Selects a department by code among those offered (unknown or not the caller's: ignored). */
    void select(String code) {
        departments.stream().filter(d -> d.code().equalsIgnoreCase(code.strip())).findFirst()
                .filter(d -> !d.equals(department.getValue())).ifPresent(department::setValue);
    }

    MetricsFilter filter() {
        return periodFilter().withDepartment(department.getValue().code());
    }

    @Override
    void refresh() {
        content.removeAll();
        if (department.getValue() == null) {
            Paragraph none = new Paragraph("You are not responsible for any department yet. An administrator assigns "
                    + "departments to clinical managers under Users.");
            none.setId("no-department");
            none.addClassName("pc-dash-empty");
            content.add(none);
            return;
        }
        MetricsFilter filter = filter();
        String dep = filter.departmentCode();
        Headline h = metrics.headline(filter);
        content.add(DashboardParts.tiles(
                DashboardParts.tile("tile-open", count(h.openExposures()), "open exposures",
                        links.queue(dep, null, false), false),
                DashboardParts.tile("tile-overdue", count(h.overdue()), "overdue", links.queue(dep, null, true),
                        h.overdue() > 0),
                DashboardParts.tile("tile-median", DashboardParts.days(h.medianDaysToPatch90d()),
                        "median time to patch, last 90 days", null, false),
                DashboardParts.tile("tile-sla", DashboardParts.percent(h.slaShare90d()),
                        "patched on time, last 90 days", null, false),
                DashboardParts.tile("tile-unsupported", count(h.unsupportedDevices()), "devices past end of support",
                        links.devices(dep, null, true), h.unsupportedDevices() > 0)));
        Div grid = DashboardParts.grid();
        grid.add(new ChartCard("chart-open-by-outcome", DashboardCharts.openByOutcome(
                metrics.overdue(filter, Grouping.OUTCOME), dep, links),
                "Security weaknesses on your devices that are not dealt with yet, by how urgent they are. "
                        + "Overdue ones are past the date they should have been patched or protected by.",
                "No open exposure: none of the department's devices is known to be affected."));
        grid.add(new ChartCard("chart-burn-down", DashboardCharts.burnDown(metrics.burnDown(filter)),
                "How many exposures were open at the end of each day. A falling line means we patch faster than new "
                        + "weaknesses arrive.",
                "No exposure history yet for this department and period."));
        grid.add(new ChartCard("chart-ttp-trend", DashboardCharts.timeToPatchTrend(metrics.timeToPatchTrend(filter)),
                "Days from the vendor's warning to the patch on our devices, per quarter: half were patched within "
                        + "the solid line, nine in ten within the dashed one.",
                "No device of this department was patched in this period yet."));
        grid.add(new ChartCard("chart-lags", DashboardCharts.lags("Where the time goes", "Quarter patched",
                metrics.lags(filter, Grouping.QUARTER), q -> null),
                "Each bar splits the wait into its steps (the typical number of days of each step): waiting for the "
                        + "vendor, deciding, approval, finding a downtime window, patching and checking.",
                "No step of the patching chain has been recorded for this department yet.")
                .withList("The department's change requests", links.changeRequests(dep)));
        grid.add(new ChartCard("chart-top-devices", DashboardCharts.topDevices("The department's riskiest devices",
                metrics.topDevices(filter, TOP_DEVICES), links),
                "Devices whose open exposures score highest (0–100). Click a bar to open the device.",
                "No device of the department has a scored open exposure yet."));
        content.add(grid);
    }
}
