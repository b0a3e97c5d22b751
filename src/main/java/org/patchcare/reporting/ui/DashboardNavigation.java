package org.patchcare.reporting.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * "Executive dashboard", "Department dashboard", "Operations dashboard" (each shown to the roles its view allows) and
 * "Exposure report" in the side navigation, after "Lifecycle". The report screen is found by its route
 * ({@value DashboardParts#EXPOSURE_REPORT_ROUTE}); while no such screen is deployed the entry is left out.
 */
public class DashboardNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        List<MainLayout.NavEntry> entries = new ArrayList<>(List.of(
                new MainLayout.NavEntry("Executive dashboard", ExecutiveDashboardView.class, VaadinIcon.PIE_BAR_CHART,
                        21),
                new MainLayout.NavEntry("Department dashboard", DepartmentDashboardView.class, VaadinIcon.CHART, 22),
                new MainLayout.NavEntry("Operations dashboard", OperationsDashboardView.class, VaadinIcon.CHART_GRID,
                        23)));
        DashboardParts.reportView().ifPresent(v -> entries.add(
                new MainLayout.NavEntry("Exposure report", v, VaadinIcon.FILE_TABLE, 24)));
        return entries;
    }
}
