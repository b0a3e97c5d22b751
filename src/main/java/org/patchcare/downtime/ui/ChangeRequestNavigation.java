package org.patchcare.downtime.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** "Change requests" (every role) and "My approvals" (clinical managers, IT security) in the side navigation. */
public class ChangeRequestNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("My approvals", ApprovalsView.class, VaadinIcon.CHECK_SQUARE_O, 5),
                new MainLayout.NavEntry("Change requests", ChangeRequestListView.class, VaadinIcon.WRENCH, 39));
    }
}
