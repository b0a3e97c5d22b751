package org.patchcare.inventory.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.DeviceCommand;
import org.patchcare.inventory.application.DeviceDetails;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

/** Recording a new device. */
@Route(value = "devices/new", layout = MainLayout.class)
@PageTitle("New device · PatchCare")
@RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
public class DeviceCreateView extends VerticalLayout {

    @Inject
    public DeviceCreateView(DeviceService devices, CatalogService catalog, OrganisationService organisation) {
        setMaxWidth("80em");
        DeviceForm form = new DeviceForm(catalog.models(null), organisation.departments(), organisation::locations);
        DeviceCommand cmd = new DeviceCommand();
        cmd.setCriticality(null);
        form.setCommand(cmd, false);
        form.addSaveListener(e -> {
            try {
                DeviceDetails created = devices.create(e.getCommand());
                Notices.saved("Device " + created.assetTag() + " recorded.");
                getUI().ifPresent(ui -> ui.navigate(DeviceDetailView.class,
                        new RouteParameters(DeviceDetailView.ASSET_TAG, created.assetTag())));
            } catch (InvalidInputException ex) {
                form.showServerErrors(ex);
            } catch (ConflictException ex) {
                form.showFormError(ex.getMessage());
            }
        });
        form.addCancelListener(e -> getUI().ifPresent(ui -> ui.navigate(DeviceListView.class)));
        add(new H2("New device"), form);
    }

}
