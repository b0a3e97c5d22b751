package org.patchcare.inventory.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.DeviceDetails;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

/** Changing a device's recorded fields; the version the person started from travels with the change. */
@Route(value = "devices/:assetTag/edit", layout = MainLayout.class)
@RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
public class DeviceEditView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final DeviceService devices;
    private final DeviceForm form;
    private final H2 title = new H2();
    private String assetTag;

    @Inject
    public DeviceEditView(DeviceService devices, CatalogService catalog, OrganisationService organisation) {
        this.devices = devices;
        setMaxWidth("80em");
        form = new DeviceForm(catalog.models(null), organisation.departments(), organisation::locations);
        form.addSaveListener(e -> {
            try {
                devices.update(assetTag, e.getCommand());
                Notices.saved("Changes to " + assetTag + " saved.");
                showDetail();
            } catch (InvalidInputException ex) {
                form.showServerErrors(ex);
            } catch (ConflictException ex) {
                form.showFormError(ex.getMessage());
                Notices.conflict(ex.getMessage(), this::load);
            }
        });
        form.addCancelListener(e -> showDetail());
        add(title, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        assetTag = event.getRouteParameters().get(DeviceDetailView.ASSET_TAG).orElse("");
        try {
            load();
        } catch (NotFoundException e) {
            event.forwardTo(DeviceListView.class);
            Notices.warning(e.getMessage());
        }
    }

    private void load() {
        DeviceDetails d = devices.get(assetTag);
        assetTag = d.assetTag();
        title.setText("Edit " + d.assetTag() + " · " + d.manufacturer() + " " + d.model());
        form.setCommand(d.toCommand(), true);
    }

    private void showDetail() {
        getUI().ifPresent(ui -> ui.navigate(DeviceDetailView.class, new RouteParameters(DeviceDetailView.ASSET_TAG, assetTag)));
    }

    @Override
    public String getPageTitle() {
        return "Edit " + assetTag + " · PatchCare";
    }
}
