package org.patchcare.planning.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** "Plan downtime" and "Planning data" in the side navigation, after the downtime entries, for everyone who may open it. */
public class PlanningNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        if (Caller.hasRole(Roles.BIOMED_TECH) || Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.ADMIN)
                || Caller.hasRole(Roles.CLINICAL_MANAGER)) {
            return List.of(new MainLayout.NavEntry("Plan downtime", PlanView.class, VaadinIcon.MAGIC, 44),
                    new MainLayout.NavEntry("Planning data", PlanningDataView.class, VaadinIcon.TOOLS, 45));
        }
        return List.of();
    }
}
