package org.patchcare.risk.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/**
 * "Work queue", "Risk dashboard", "Controls" and "Acceptances" in the side navigation (each shown to the roles its
 * view allows).
 */
public class RiskNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("Work queue", RiskQueueView.class, VaadinIcon.TASKS, 28),
                new MainLayout.NavEntry("Risk dashboard", RiskDashboardView.class, VaadinIcon.BAR_CHART_H, 29),
                new MainLayout.NavEntry("Controls", ControlListView.class, VaadinIcon.LOCK, 32),
                new MainLayout.NavEntry("Acceptances", AcceptanceListView.class, VaadinIcon.HANDSHAKE, 33));
    }
}
