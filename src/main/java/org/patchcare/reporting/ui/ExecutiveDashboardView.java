package org.patchcare.reporting.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;
import org.patchcare.reporting.application.Grouping;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.application.MetricsService;
import org.patchcare.reporting.application.MetricsViews.BurnDownPoint;
import org.patchcare.reporting.application.MetricsViews.Headline;
import org.patchcare.reporting.application.MetricsViews.TrendPoint;
import org.patchcare.risk.application.RiskService;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The executive and CISO dashboard: how exposed the hospital is and whether it patches faster. Headline numbers,
 * then the exposure score trend, patching on time per priority and per quarter, the time-to-patch trend, the ten
 * riskiest devices, unsupported devices per department and the burn-down of open exposures. Filters: facility,
 * department, period. Each chart leads to the list behind it (see docs/dashboards.md).
 */
@StyleSheet(DashboardParts.STYLESHEET)
@Route(value = "dashboards/executive", layout = MainLayout.class)
@PageTitle("Executive dashboard · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN, Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER})
public class ExecutiveDashboardView extends DashboardFrame {

    static final int TOP_DEVICES = 10;

    private final List<DepartmentView> departments;
    final ComboBox<FacilityView> facility = new ComboBox<>("Facility");
    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    private boolean applying;

    @Inject
    public ExecutiveDashboardView(MetricsService metrics, OrganisationService organisation, RiskService risk,
                                  Clock clock) {
        super(metrics, clock, "executive-dashboard", "Executive dashboard", "How exposed our devices are to known "
                + "security weaknesses, and whether we patch them faster. Click a bar, a point or a number to see the "
                + "list behind it.");
        this.departments = DashboardParts.departments(organisation, risk);
        setUpFilters(organisation.facilities());
        filters(facility, department, period);
        refresh();
    }

    private void setUpFilters(List<FacilityView> facilities) {
        facility.setId("filter-facility");
        facility.setItems(facilities);
        facility.setItemLabelGenerator(FacilityView::name);
        facility.setClearButtonVisible(true);
        facility.setPlaceholder("All");
        department.setId("filter-department");
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        department.setClearButtonVisible(true);
        department.setPlaceholder("All");
        department.setWidth("18em");
        facility.addValueChangeListener(e -> {
            FacilityView f = e.getValue();
            DepartmentView kept = department.getValue();
            List<DepartmentView> offered = f == null ? departments
                    : departments.stream().filter(d -> Objects.equals(d.facilityCode(), f.code())).toList();
            applying = true;
            try {
                department.setItems(offered);
                department.setValue(offered.contains(kept) ? kept : null);
            } finally {
                applying = false;
            }
            refresh();
        });
        for (HasValue<?, ?> f : List.<HasValue<?, ?>>of(department, period)) {
            f.addValueChangeListener(e -> {
                if (!applying) {
                    refresh();
                }
            });
        }
    }

    /** The filter the screen asks the metrics for. */
    MetricsFilter filter() {
        return periodFilter()
                .withFacility(facility.getValue() == null ? null : facility.getValue().code())
                .withDepartment(department.getValue() == null ? null : department.getValue().code());
    }

    @Override
    void refresh() {
        MetricsFilter filter = filter();
        String dep = filter.departmentCode();
        content.removeAll();
        Headline h = metrics.headline(filter);
        List<TrendPoint> score = metrics.scoreTrend(filter);
        List<BurnDownPoint> burnDown = metrics.burnDown(filter);
        content.add(DashboardParts.tiles(
                DashboardParts.tile("tile-open", count(h.openExposures()), "open exposures",
                        links.queue(dep, null, false), false),
                DashboardParts.tile("tile-overdue", count(h.overdue()), "overdue", links.queue(dep, null, true),
                        h.overdue() > 0),
                DashboardParts.tile("tile-score", count(h.scoreSum()), "exposure score (sum of the open ones)", null,
                        false),
                DashboardParts.tile("tile-median", DashboardParts.days(h.medianDaysToPatch90d()),
                        "median time to patch, last 90 days", null, false),
                DashboardParts.tile("tile-sla", DashboardParts.percent(h.slaShare90d()),
                        "patched on time, last 90 days", null, false),
                DashboardParts.tile("tile-unsupported", count(h.unsupportedDevices()), "devices past end of support",
                        links.devices(dep, null, true), h.unsupportedDevices() > 0)));
        if (burnDown.stream().allMatch(p -> p.open() == 0) && score.stream().allMatch(p -> p.value() == 0)
                && h.openExposures() == 0 && h.medianDaysToPatch90d() == null) {
            Paragraph none = new Paragraph("There is no history yet: no exposure has been recorded for this selection. "
                    + "The charts fill in as advisories are matched to our devices and patches are recorded.");
            none.setId("no-history");
            none.addClassName("pc-dash-empty");
            content.add(none);
        }
        Div grid = DashboardParts.grid();
        grid.add(new ChartCard("chart-score", DashboardCharts.scoreTrend(score),
                "The scores of all open exposures added up at the end of each week: lower is better.",
                "No score history yet for this period.").withList("Open exposures now", links.queue(dep, null, false)));
        grid.add(new ChartCard("chart-sla-outcome", DashboardCharts.slaShare("Patched on time, by priority",
                "Priority", metrics.timeToPatch(filter, Grouping.OUTCOME), o -> links.queue(dep, o, false)),
                "Of the exposures patched in the period, the share patched by the due date of their priority.",
                "No exposure was patched in this period, so there is nothing to measure yet."));
        grid.add(new ChartCard("chart-sla-quarter", DashboardCharts.slaShare("Patched on time, by quarter",
                "Quarter", metrics.timeToPatch(filter, Grouping.QUARTER), q -> null),
                "The same share per quarter: is it getting better?",
                "No exposure was patched in this period, so there is nothing to measure yet."));
        grid.add(new ChartCard("chart-ttp-trend", DashboardCharts.timeToPatchTrend(metrics.timeToPatchTrend(filter)),
                "From the day the vendor published its warning to the day the patch was on the device. The dashed "
                        + "line shows how long the slowest tenth took.",
                "No exposure was patched in this period yet."));
        grid.add(new ChartCard("chart-top-devices", DashboardCharts.topDevices("The " + TOP_DEVICES
                        + " riskiest devices", metrics.topDevices(filter, TOP_DEVICES), links),
                "Devices whose open exposures score highest (0–100). Click a bar to open the device.",
                "No device has a scored open exposure yet."));
        grid.add(new ChartCard("chart-unsupported", DashboardCharts.unsupported(
                metrics.unsupportedByDepartment(filter), links),
                "Devices whose manufacturer no longer provides patches: they stay exposed until they are replaced.",
                "No device is past its end of support."));
        grid.add(new ChartCard("chart-burn-down", DashboardCharts.burnDown(burnDown),
                "How many exposures were open at the end of each day, and how many of them were past their due date.",
                "No exposure history yet for this period.").withList("Open exposures now",
                links.queue(dep, null, false)));
        content.add(grid);
    }
}
