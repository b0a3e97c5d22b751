package org.patchcare.identity.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** User administration and API tokens (administrators only see them), and everybody's own password. */
public class IdentityNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("Users", UsersView.class, VaadinIcon.USERS, 95),
                new MainLayout.NavEntry("API tokens", ApiTokensView.class, VaadinIcon.KEY, 96),
                new MainLayout.NavEntry("My password", ChangePasswordView.class, VaadinIcon.LOCK, 99));
    }
}
