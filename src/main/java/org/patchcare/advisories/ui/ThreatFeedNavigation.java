package org.patchcare.advisories.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** "Threat feeds" in the side navigation (shown to IT security and administrators). */
public class ThreatFeedNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("Threat feeds", ThreatFeedsView.class, VaadinIcon.SHIELD, 30));
    }
}
