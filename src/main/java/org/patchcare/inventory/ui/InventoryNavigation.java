package org.patchcare.inventory.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;

/** The inventory's screens in the side navigation: daily work first, administration last. */
public class InventoryNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        return List.of(
                new MainLayout.NavEntry("Devices", DeviceListView.class, VaadinIcon.STETHOSCOPE, 10),
                new MainLayout.NavEntry("Lifecycle", LifecycleView.class, VaadinIcon.CHART_TIMELINE, 20),
                new MainLayout.NavEntry("Manufacturers", ManufacturersView.class, VaadinIcon.FACTORY, 80),
                new MainLayout.NavEntry("Models", ModelsView.class, VaadinIcon.CUBES, 81),
                new MainLayout.NavEntry("Organisation", OrganisationView.class, VaadinIcon.HOSPITAL, 90));
    }
}
