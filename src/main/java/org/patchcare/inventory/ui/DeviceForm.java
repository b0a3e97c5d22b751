package org.patchcare.inventory.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.BinderValidationStatus;
import com.vaadin.flow.shared.Registration;
import org.patchcare.inventory.application.CatalogViews.ModelView;
import org.patchcare.inventory.application.DeviceCommand;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.LocationView;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.Device;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The device form. It knows no services: it is given the models, departments and a way to list a department's
 * locations, binds a {@link DeviceCommand} with Bean Validation and fires {@link SaveEvent} / {@link CancelEvent}.
 */
public class DeviceForm extends VerticalLayout {

    final TextField assetTag = new TextField("Asset tag");
    final ComboBox<ModelView> model = new ComboBox<>("Model");
    final TextField serialNumber = new TextField("Serial number");
    final TextField udiDi = new TextField("UDI-DI");
    final TextField softwareVersion = new TextField("Software version");
    final TextField osName = new TextField("Operating system");
    final TextField osVersion = new TextField("OS version");
    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    final ComboBox<LocationView> location = new ComboBox<>("Location");
    final Select<Criticality> criticality = new Select<>();
    final Checkbox storesPhi = new Checkbox("Stores patient data (PHI)");
    final Checkbox redundant = new Checkbox("Redundant: a spare or second unit can take over");
    final Select<Connectivity> connectivity = new Select<>();
    final TextField hostname = new TextField("Hostname");
    final TextField ipAddress = new TextField("IP address");
    final TextField macAddress = new TextField("MAC address");
    final TextField networkSegment = new TextField("Network segment / VLAN");
    final DatePicker installDate = new DatePicker("Install date");
    final DatePicker warrantyEnd = new DatePicker("Warranty ends");
    final DatePicker endOfSupportOverride = new DatePicker("End of support (device-specific)");
    final DatePicker plannedReplacement = new DatePicker("Planned replacement");
    final TextField custodian = new TextField("Custodian");
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final Span formError = new Span();

    private final BeanValidationBinder<DeviceCommand> binder = new BeanValidationBinder<>(DeviceCommand.class);
    private final List<ModelView> models;
    private final List<DepartmentView> departments;
    private final Function<String, List<LocationView>> locationsOf;
    private final Map<String, HasValidation> fieldsByProperty = new LinkedHashMap<>();
    private DeviceCommand command;

    public DeviceForm(List<ModelView> models, List<DepartmentView> departments,
                      Function<String, List<LocationView>> locationsOf) {
        this.models = List.copyOf(models);
        this.departments = List.copyOf(departments);
        this.locationsOf = locationsOf;
        setPadding(false);
        addClassName("pc-device-form");
        ids();
        limits();
        configureChoices();
        bind();

        formError.addClassName("pc-form-error");
        formError.setVisible(false);
        formError.setId("device-form-error");

        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER).listenOn(this);
        save.addClickListener(e -> save());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));

        add(formError,
                section("Identity", assetTag, model, serialNumber, udiDi),
                section("Software", softwareVersion, osName, osVersion),
                section("Place", department, location, custodian),
                section("Clinical", criticality, storesPhi, redundant),
                section("Network", connectivity, hostname, ipAddress, macAddress, networkSegment),
                section("Dates", installDate, warrantyEnd, endOfSupportOverride, plannedReplacement),
                notes,
                new HorizontalLayout(save, cancel));
        notes.setWidthFull();
    }

    private static VerticalLayout section(String title, com.vaadin.flow.component.Component... fields) {
        H3 h = new H3(title);
        h.addClassName("pc-section-title");
        FormLayout layout = new FormLayout(fields);
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2),
                new FormLayout.ResponsiveStep("60em", 4));
        VerticalLayout v = new VerticalLayout(h, layout);
        v.setPadding(false);
        v.setSpacing(false);
        return v;
    }

    private void ids() {
        assetTag.setId("field-assetTag");
        model.setId("field-model");
        serialNumber.setId("field-serialNumber");
        udiDi.setId("field-udiDi");
        softwareVersion.setId("field-softwareVersion");
        osName.setId("field-osName");
        osVersion.setId("field-osVersion");
        department.setId("field-department");
        location.setId("field-location");
        criticality.setId("field-criticality");
        storesPhi.setId("field-storesPhi");
        redundant.setId("field-redundant");
        connectivity.setId("field-connectivity");
        hostname.setId("field-hostname");
        ipAddress.setId("field-ipAddress");
        macAddress.setId("field-macAddress");
        networkSegment.setId("field-networkSegment");
        installDate.setId("field-installDate");
        warrantyEnd.setId("field-warrantyEnd");
        endOfSupportOverride.setId("field-endOfSupportOverride");
        plannedReplacement.setId("field-plannedReplacement");
        custodian.setId("field-custodian");
        notes.setId("field-notes");
        save.setId("save-device");
        cancel.setId("cancel-device");
    }

    private void limits() {
        List.of(installDate, warrantyEnd, endOfSupportOverride, plannedReplacement).forEach(Formats::iso);
        assetTag.setMaxLength(Device.ASSET_TAG_MAX);
        serialNumber.setMaxLength(Device.SERIAL_MAX);
        udiDi.setMaxLength(Device.UDI_DI_MAX);
        softwareVersion.setMaxLength(Device.VERSION_MAX);
        osName.setMaxLength(Device.OS_NAME_MAX);
        osVersion.setMaxLength(Device.OS_VERSION_MAX);
        hostname.setMaxLength(Device.HOSTNAME_MAX);
        ipAddress.setMaxLength(Device.IP_MAX);
        macAddress.setMaxLength(Device.MAC_MAX);
        networkSegment.setMaxLength(Device.SEGMENT_MAX);
        custodian.setMaxLength(Device.CUSTODIAN_MAX);
        notes.setMaxLength(Device.NOTES_MAX);
        assetTag.setHelperText("As on the label, e.g. BME-001234");
        macAddress.setPlaceholder("00:1A:2B:3C:4D:5E");
        endOfSupportOverride.setHelperText("Leave empty to use the model's date");
        redundant.setHelperText("While it is down, another unit does its work: its downtime weighs one step less "
                + "for the department");
    }

    private void configureChoices() {
        model.setItems(models);
        model.setItemLabelGenerator(ModelView::label);
        model.setPlaceholder("Type manufacturer or model");
        model.setHelperText("Missing? Add it under Models");
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        location.setItemLabelGenerator(LocationView::label);
        location.setClearButtonVisible(true);
        location.setPlaceholder("Choose a department first");
        department.addValueChangeListener(e -> {
            List<LocationView> items = e.getValue() == null ? List.of() : locationsOf.apply(e.getValue().code());
            LocationView kept = location.getValue() != null && items.contains(location.getValue()) ? location.getValue() : null;
            location.setItems(items);
            location.setValue(kept);
            location.setPlaceholder(e.getValue() == null ? "Choose a department first"
                    : items.isEmpty() ? "No locations recorded" : "Optional");
        });
        criticality.setLabel("Criticality");
        criticality.setItems(Criticality.values());
        criticality.setItemLabelGenerator(c -> c == null ? "" : c.label());
        criticality.setPlaceholder("Choose");
        connectivity.setLabel("Connectivity");
        connectivity.setItems(Connectivity.values());
        connectivity.setItemLabelGenerator(c -> c == null ? "" : c.label());
    }

    private void bind() {
        binder.forField(assetTag).asRequired("Enter the asset tag from the device's label")
                .withNullRepresentation("").bind("assetTag");
        binder.forField(model).asRequired("Choose the model; if it is missing, add it under Models first")
                .bind(this::modelOf, (cmd, m) -> {
                    cmd.setManufacturer(m == null ? null : m.manufacturer());
                    cmd.setModel(m == null ? null : m.name());
                });
        text(serialNumber, "serialNumber");
        text(udiDi, "udiDi");
        text(softwareVersion, "softwareVersion");
        text(osName, "osName");
        text(osVersion, "osVersion");
        binder.forField(department).asRequired("Choose the department the device belongs to")
                .bind(cmd -> departments.stream().filter(d -> d.code().equalsIgnoreCase(Objects.toString(cmd.getDepartment(), "")))
                        .findFirst().orElse(null), (cmd, d) -> cmd.setDepartment(d == null ? null : d.code()));
        binder.forField(location).bind(cmd -> cmd.getLocationId() == null ? null
                        : location.getListDataView().getItems().filter(l -> l.id().equals(cmd.getLocationId())).findFirst().orElse(null),
                (cmd, l) -> cmd.setLocationId(l == null ? null : l.id()));
        binder.forField(criticality).asRequired("Choose how critical the device is for patients").bind("criticality");
        binder.forField(storesPhi).bind("storesPhi");
        binder.forField(redundant).bind("redundant");
        binder.forField(connectivity).asRequired("Choose how the device is connected").bind("connectivity");
        text(hostname, "hostname");
        text(ipAddress, "ipAddress");
        text(macAddress, "macAddress");
        text(networkSegment, "networkSegment");
        binder.forField(installDate).bind("installDate");
        binder.forField(warrantyEnd).bind("warrantyEnd");
        binder.forField(endOfSupportOverride).bind("endOfSupportOverride");
        binder.forField(plannedReplacement).bind("plannedReplacement");
        text(custodian, "custodian");
        binder.forField(notes).withNullRepresentation("").bind("notes");

        fieldsByProperty.put("assetTag", assetTag);
        fieldsByProperty.put("manufacturer", model);
        fieldsByProperty.put("model", model);
        fieldsByProperty.put("serialNumber", serialNumber);
        fieldsByProperty.put("udiDi", udiDi);
        fieldsByProperty.put("softwareVersion", softwareVersion);
        fieldsByProperty.put("osName", osName);
        fieldsByProperty.put("osVersion", osVersion);
        fieldsByProperty.put("department", department);
        fieldsByProperty.put("locationId", location);
        fieldsByProperty.put("criticality", criticality);
        fieldsByProperty.put("connectivity", connectivity);
        fieldsByProperty.put("hostname", hostname);
        fieldsByProperty.put("ipAddress", ipAddress);
        fieldsByProperty.put("macAddress", macAddress);
        fieldsByProperty.put("networkSegment", networkSegment);
        fieldsByProperty.put("installDate", installDate);
        fieldsByProperty.put("warrantyEnd", warrantyEnd);
        fieldsByProperty.put("endOfSupportOverride", endOfSupportOverride);
        fieldsByProperty.put("plannedReplacement", plannedReplacement);
        fieldsByProperty.put("custodian", custodian);
        fieldsByProperty.put("notes", notes);
    }

    private void text(TextField field, String property) {
        binder.forField(field).withNullRepresentation("").bind(property);
    }

    private ModelView modelOf(DeviceCommand cmd) {
        if (cmd.getModel() == null || cmd.getManufacturer() == null) {
            return null;
        }
        String mf = cmd.getManufacturer().strip().toLowerCase(Locale.ROOT);
        String name = cmd.getModel().strip().toLowerCase(Locale.ROOT);
        return models.stream().filter(m -> m.manufacturer().toLowerCase(Locale.ROOT).equals(mf)
                && m.name().toLowerCase(Locale.ROOT).equals(name)).findFirst().orElse(null);
    }

    /** Shows the command in the form; edits go into it only when saving succeeds validation. */
    public void setCommand(DeviceCommand cmd, boolean editing) {
        this.command = cmd;
        clearServerErrors();
        // department first, so the location list holds the device's location when the binder reads it
        department.setValue(departments.stream().filter(d -> d.code().equalsIgnoreCase(Objects.toString(cmd.getDepartment(), "")))
                .findFirst().orElse(null));
        binder.readBean(cmd);
        assetTag.setReadOnly(editing);
        assetTag.setHelperText(editing ? "The asset tag of a device cannot be changed" : "As on the label, e.g. BME-001234");
    }

    public DeviceCommand getCommand() {
        return command;
    }

    /** Validates, writes the fields into the command and fires a save event; shows the messages otherwise. */
    public boolean save() {
        clearServerErrors();
        BinderValidationStatus<DeviceCommand> status = binder.validate();
        if (!status.isOk() || !binder.writeBeanIfValid(command)) {
            showFormError("Some fields need attention; see the messages next to them.");
            return false;
        }
        fireEvent(new SaveEvent(this, command));
        return true;
    }

    /**
     * Shows the server's objections next to the fields they concern. Returns the messages that match no field,
     * which are also shown above the form.
     */
    public List<String> showServerErrors(InvalidInputException e) {
        List<String> unmatched = new ArrayList<>();
        for (InvalidInputException.Violation v : e.violations()) {
            HasValidation field = fieldsByProperty.get(v.field());
            if (field != null) {
                field.setErrorMessage(v.message());
                field.setInvalid(true);
            } else {
                unmatched.add(v.message());
            }
        }
        showFormError(unmatched.isEmpty() ? "The device was not saved; see the messages next to the fields."
                : "The device was not saved: " + String.join("; ", unmatched));
        return unmatched;
    }

    public void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    private void clearServerErrors() {
        formError.setVisible(false);
        formError.setText("");
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The person asked to save a valid command. */
    public static class SaveEvent extends ComponentEvent<DeviceForm> {
        private final DeviceCommand command;

        public SaveEvent(DeviceForm source, DeviceCommand command) {
            super(source, false);
            this.command = command;
        }

        public DeviceCommand getCommand() {
            return command;
        }
    }

    public static class CancelEvent extends ComponentEvent<DeviceForm> {
        public CancelEvent(DeviceForm source) {
            super(source, false);
        }
    }
}
