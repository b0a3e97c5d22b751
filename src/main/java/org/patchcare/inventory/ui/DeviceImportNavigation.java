package org.patchcare.inventory.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** "Import devices" in the side navigation (shown to biomedical technicians and administrators). */
public class DeviceImportNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(new MainLayout.NavEntry("Import devices", DeviceImportView.class, VaadinIcon.UPLOAD, 12));
    }
}
