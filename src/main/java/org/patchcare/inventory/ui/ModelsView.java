package org.patchcare.inventory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.CatalogViews.ManufacturerView;
import org.patchcare.inventory.application.CatalogViews.ModelView;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.domain.DeviceModel;
import org.patchcare.inventory.domain.SupportStatus;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/** Device models: who makes them, what they are, and until when the vendor supports them. */
@Route(value = "admin/models", layout = MainLayout.class)
@PageTitle("Models · PatchCare")
@RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
public class ModelsView extends VerticalLayout {

    private final CatalogService catalog;
    private final Grid<ModelView> grid = new Grid<>(ModelView.class, false);
    private final ComboBox<ManufacturerView> manufacturerFilter = new ComboBox<>();
    private List<ManufacturerView> manufacturers = List.of();

    @Inject
    public ModelsView(CatalogService catalog) {
        this.catalog = catalog;
        setSizeFull();
        Button create = new Button("New model", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-model");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        manufacturerFilter.setPlaceholder("All manufacturers");
        manufacturerFilter.setItemLabelGenerator(ManufacturerView::name);
        manufacturerFilter.setClearButtonVisible(true);
        manufacturerFilter.setId("model-manufacturer-filter");
        manufacturerFilter.addValueChangeListener(e -> refresh());
        HorizontalLayout top = new HorizontalLayout(new H2("Models"), manufacturerFilter, create);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("model-grid");
        grid.addColumn(ModelView::manufacturer).setHeader("Manufacturer").setSortable(true).setComparator(ModelView::manufacturer);
        grid.addColumn(ModelView::name).setHeader("Model").setSortable(true).setComparator(ModelView::name);
        grid.addColumn(m -> Formats.text(m.modelNumber())).setHeader("Model number");
        grid.addColumn(m -> Formats.text(m.deviceType())).setHeader("Type").setSortable(true)
                .setComparator(Comparator.comparing(m -> Formats.text(m.deviceType())));
        grid.addComponentColumn(m -> SupportBadge.withDate(m.endOfSupport(), SupportStatus.of(m.endOfSupport(), LocalDate.now())))
                .setHeader("End of support").setAutoWidth(true).setSortable(true)
                .setComparator(Comparator.comparing(ModelView::endOfSupport, Comparator.nullsLast(Comparator.naturalOrder())));
        grid.addComponentColumn(m -> new Anchor(DeviceFilterParams.link(new DeviceFilter(null, null, null, null, m.id(), null, null)),
                Long.toString(m.devices()))).setHeader("Devices").setFlexGrow(0).setWidth("7em");
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setSizeFull();
        add(top, grid);
        manufacturers = catalog.manufacturers();
        manufacturerFilter.setItems(manufacturers);
        refresh();
    }

    private void refresh() {
        grid.setItems(catalog.models(manufacturerFilter.getValue() == null ? null : manufacturerFilter.getValue().id()));
    }

    private void edit(ModelView m) {
        Dialog d = new Dialog();
        d.setHeaderTitle(m == null ? "New model" : "Edit " + m.label());
        ComboBox<ManufacturerView> manufacturer = new ComboBox<>("Manufacturer");
        manufacturer.setId("model-manufacturer");
        manufacturer.setItems(manufacturers);
        manufacturer.setItemLabelGenerator(ManufacturerView::name);
        manufacturer.setRequired(true);
        manufacturer.setHelperText("Missing? Add it under Manufacturers");
        TextField name = new TextField("Model name");
        name.setId("model-name");
        name.setMaxLength(DeviceModel.NAME_MAX);
        name.setRequired(true);
        TextField modelNumber = new TextField("Model number");
        modelNumber.setId("model-number");
        modelNumber.setMaxLength(DeviceModel.MODEL_NUMBER_MAX);
        TextField type = new TextField("Device type");
        type.setId("model-type");
        type.setMaxLength(DeviceModel.TYPE_MAX);
        type.setPlaceholder("e.g. Infusion pump");
        DatePicker eos = Formats.iso(new DatePicker("Vendor end of support"));
        eos.setId("model-end-of-support");
        eos.setHelperText("Devices without their own date follow this one");
        if (m != null) {
            manufacturers.stream().filter(x -> x.id().equals(m.manufacturerId())).findFirst().ifPresent(manufacturer::setValue);
            name.setValue(m.name());
            modelNumber.setValue(m.modelNumber() == null ? "" : m.modelNumber());
            type.setValue(m.deviceType() == null ? "" : m.deviceType());
            eos.setValue(m.endOfSupport());
        } else if (manufacturerFilter.getValue() != null) {
            manufacturer.setValue(manufacturerFilter.getValue());
        }
        FieldErrors errors = new FieldErrors().field("manufacturer", manufacturer).field("name", name)
                .field("modelNumber", modelNumber).field("deviceType", type).field("endOfSupport", eos);
        Button save = new Button("Save", e -> {
            errors.clear();
            if (manufacturer.getValue() == null || name.getValue().isBlank()) {
                manufacturer.setInvalid(manufacturer.getValue() == null);
                manufacturer.setErrorMessage("Choose the manufacturer");
                name.setInvalid(name.getValue().isBlank());
                name.setErrorMessage("Enter the model name");
                return;
            }
            try {
                catalog.saveModel(m == null ? null : m.id(), manufacturer.getValue().id(), name.getValue(),
                        modelNumber.getValue(), type.getValue(), eos.getValue(), m == null ? null : m.version());
                d.close();
                Notices.saved("Model " + name.getValue().strip() + " saved.");
                refresh();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (ConflictException ex) {
                Notices.conflict(ex.getMessage(), () -> {
                    d.close();
                    refresh();
                });
            }
        });
        save.setId("save-model");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(manufacturer, name, modelNumber, type, eos);
        form.setMaxWidth("36em");
        d.add(form);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
