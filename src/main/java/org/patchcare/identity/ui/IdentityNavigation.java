package org.patchcare.identity.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** The user administration in the side navigation (administrators only see it). */
public class IdentityNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("Users", UsersView.class, VaadinIcon.USERS, 95));
    }
}
