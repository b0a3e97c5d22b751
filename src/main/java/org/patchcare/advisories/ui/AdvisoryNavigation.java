package org.patchcare.advisories.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** "Security home", "Advisories" and "Match review" in the side navigation (each shown to the roles its view allows). */
public class AdvisoryNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("Security home", SecurityHomeView.class, VaadinIcon.DASHBOARD, 25),
                new MainLayout.NavEntry("Advisories", AdvisoryListView.class, VaadinIcon.FILE_TEXT_O, 26),
                new MainLayout.NavEntry("Match review", MatchReviewView.class, VaadinIcon.QUESTION_CIRCLE_O, 27));
    }
}
