package org.patchcare.risk.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** "Controls" and "Acceptances" in the side navigation. */
public class RiskNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("Controls", ControlListView.class, VaadinIcon.LOCK, 32),
                new MainLayout.NavEntry("Acceptances", AcceptanceListView.class, VaadinIcon.HANDSHAKE, 33));
    }
}
