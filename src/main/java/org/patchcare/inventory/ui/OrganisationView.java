package org.patchcare.inventory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.DepartmentCommand;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;
import org.patchcare.inventory.application.OrganisationViews.LocationView;
import org.patchcare.inventory.domain.Department;
import org.patchcare.inventory.domain.Facility;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.ZoneId;
import java.util.List;

/** Facilities (with their time zone), their departments, and the locations inside each department. */
@Route(value = "admin/organisation", layout = MainLayout.class)
@PageTitle("Organisation · PatchCare")
@RolesAllowed(Roles.ADMIN)
public class OrganisationView extends VerticalLayout {

    private final OrganisationService organisation;
    private final Grid<FacilityView> facilities = new Grid<>(FacilityView.class, false);
    private final Grid<DepartmentView> departments = new Grid<>(DepartmentView.class, false);
    private final Grid<LocationView> locations = new Grid<>(LocationView.class, false);
    private final ComboBox<DepartmentView> locationDepartment = new ComboBox<>("Department");
    private final Button addLocation = new Button("Add location", VaadinIcon.PLUS.create());
    private List<FacilityView> facilityList = List.of();

    @Inject
    public OrganisationView(OrganisationService organisation) {
        this.organisation = organisation;
        setMaxWidth("90em");
        add(new H2("Organisation"));

        Button newFacility = new Button("New facility", VaadinIcon.PLUS.create(), e -> editFacility(null));
        newFacility.setId("new-facility");
        facilities.setId("facility-grid");
        facilities.addColumn(FacilityView::code).setHeader("Code").setFlexGrow(0).setWidth("10em");
        facilities.addColumn(FacilityView::name).setHeader("Name");
        facilities.addColumn(FacilityView::timeZone).setHeader("Time zone");
        facilities.addItemClickListener(e -> editFacility(e.getItem()));
        facilities.setAllRowsVisible(true);
        add(header("Facilities", newFacility), facilities);

        Button newDepartment = new Button("New department", VaadinIcon.PLUS.create(), e -> editDepartment(null));
        newDepartment.setId("new-department");
        departments.setId("department-grid");
        departments.addColumn(DepartmentView::code).setHeader("Code").setFlexGrow(0).setWidth("10em").setSortable(true)
                .setComparator(DepartmentView::code);
        departments.addColumn(DepartmentView::name).setHeader("Name").setSortable(true).setComparator(DepartmentView::name);
        departments.addColumn(d -> d.facilityCode() + " – " + d.facilityName()).setHeader("Facility");
        departments.addColumn(d -> d.missionImpact().label()).setHeader("Mission impact when a device is down")
                .setTooltipGenerator(d -> d.missionImpact().help());
        departments.addItemClickListener(e -> editDepartment(e.getItem()));
        departments.setAllRowsVisible(true);
        add(header("Departments", newDepartment), departments);

        locationDepartment.setId("location-department");
        locationDepartment.setItemLabelGenerator(DepartmentView::label);
        locationDepartment.setPlaceholder("Choose a department");
        locationDepartment.addValueChangeListener(e -> refreshLocations());
        addLocation.setId("new-location");
        addLocation.setEnabled(false);
        addLocation.addClickListener(e -> newLocation());
        locations.setId("location-grid");
        locations.addColumn(l -> Formats.text(l.building())).setHeader("Building");
        locations.addColumn(l -> Formats.text(l.floor())).setHeader("Floor");
        locations.addColumn(l -> Formats.text(l.room())).setHeader("Room");
        locations.addComponentColumn(l -> {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> removeLocation(l));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel("Remove location " + l.label());
            remove.setTooltipText("Remove (only when no device is there)");
            return remove;
        }).setFlexGrow(0).setWidth("6em");
        locations.setAllRowsVisible(true);
        locations.setEmptyStateText("No locations recorded for this department.");
        HorizontalLayout locHeader = new HorizontalLayout(new H3("Locations"), locationDepartment, addLocation);
        locHeader.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(locHeader, locations);
        refresh();
    }

    private static HorizontalLayout header(String title, Button button) {
        HorizontalLayout h = new HorizontalLayout(new H3(title), button);
        h.setAlignItems(FlexComponent.Alignment.BASELINE);
        return h;
    }

    private void refresh() {
        facilityList = organisation.facilities();
        facilities.setItems(facilityList);
        List<DepartmentView> deps = organisation.departments();
        departments.setItems(deps);
        DepartmentView selected = locationDepartment.getValue();
        locationDepartment.setItems(deps);
        if (selected != null) {
            deps.stream().filter(d -> d.code().equals(selected.code())).findFirst().ifPresent(locationDepartment::setValue);
        }
    }

    private void refreshLocations() {
        DepartmentView d = locationDepartment.getValue();
        addLocation.setEnabled(d != null);
        locations.setItems(d == null ? List.of() : organisation.locations(d.code()));
    }

    private void editFacility(FacilityView f) {
        Dialog d = new Dialog(f == null ? "New facility" : "Edit facility " + f.code());
        TextField code = new TextField("Code");
        code.setId("facility-code");
        code.setMaxLength(Facility.CODE_MAX);
        code.setHelperText("Short, e.g. MAIN");
        TextField name = new TextField("Name");
        name.setId("facility-name");
        name.setMaxLength(Facility.NAME_MAX);
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setId("facility-time-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/")).sorted().toList());
        if (f != null) {
            code.setValue(f.code());
            code.setReadOnly(true);
            name.setValue(f.name());
            zone.setValue(f.timeZone());
        } else {
            zone.setValue(ZoneId.systemDefault().getId());
        }
        FieldErrors errors = new FieldErrors().field("code", code).field("name", name).field("timeZone", zone);
        save(d, "save-facility", () -> {
            organisation.saveFacility(code.getValue(), name.getValue(), zone.getValue(), f == null ? null : f.version());
            return "Facility " + code.getValue().strip() + " saved.";
        }, errors, new FormLayout(code, name, zone));
    }

    private void editDepartment(DepartmentView dep) {
        Dialog d = new Dialog(dep == null ? "New department" : "Edit department " + dep.code());
        TextField code = new TextField("Code");
        code.setId("department-code");
        code.setMaxLength(Department.CODE_MAX);
        code.setHelperText("Short, e.g. ICU");
        TextField name = new TextField("Name");
        name.setId("department-name");
        name.setMaxLength(Department.NAME_MAX);
        ComboBox<FacilityView> facility = new ComboBox<>("Facility");
        facility.setId("department-facility");
        facility.setItems(facilityList);
        facility.setItemLabelGenerator(x -> x.code() + " – " + x.name());
        MissionImpactSelect missionImpact = new MissionImpactSelect();
        missionImpact.setId("department-mission-impact");
        if (dep != null) {
            code.setValue(dep.code());
            code.setReadOnly(true);
            name.setValue(dep.name());
            missionImpact.setValue(dep.missionImpact());
            facilityList.stream().filter(x -> x.code().equals(dep.facilityCode())).findFirst().ifPresent(facility::setValue);
        } else if (facilityList.size() == 1) {
            facility.setValue(facilityList.getFirst());
        }
        FieldErrors errors = new FieldErrors().field("code", code).field("name", name).field("facilityCode", facility)
                .field("missionImpact", missionImpact);
        save(d, "save-department", () -> {
            if (facility.getValue() == null) {
                throw new InvalidInputException("facilityCode", "Choose the facility the department belongs to");
            }
            organisation.saveDepartment(new DepartmentCommand(code.getValue(), name.getValue(),
                    facility.getValue().code(), missionImpact.getValue(), dep == null ? null : dep.version()));
            return "Department " + code.getValue().strip().toUpperCase(java.util.Locale.ROOT) + " saved.";
        }, errors, new FormLayout(code, name, facility, missionImpact));
    }

    private void newLocation() {
        DepartmentView dep = locationDepartment.getValue();
        Dialog d = new Dialog("New location in " + dep.code());
        TextField building = new TextField("Building");
        building.setId("location-building");
        building.setMaxLength(80);
        building.setRequired(true);
        TextField floor = new TextField("Floor");
        floor.setId("location-floor");
        floor.setMaxLength(20);
        TextField room = new TextField("Room");
        room.setId("location-room");
        room.setMaxLength(40);
        FieldErrors errors = new FieldErrors().field("building", building).field("floor", floor).field("room", room);
        save(d, "save-location", () -> {
            organisation.addLocation(dep.code(), building.getValue(), floor.getValue(), room.getValue());
            return "Location added to " + dep.code() + ".";
        }, errors, new FormLayout(building, floor, room));
    }

    private void removeLocation(LocationView l) {
        ConfirmDialog c = new ConfirmDialog("Remove location?", "Remove " + l.label() + " from " + l.departmentCode()
                + "? This works only when no device is recorded there.", "Remove", e -> {
            try {
                organisation.removeLocation(l.id());
                Notices.saved("Location " + l.label() + " removed.");
            } catch (ConflictException ex) {
                Notices.warning(ex.getMessage());
            }
            refreshLocations();
        });
        c.setCancelable(true);
        c.setConfirmButtonTheme("error primary");
        c.open();
    }

    private void save(Dialog d, String id, java.util.function.Supplier<String> action, FieldErrors errors,
                      FormLayout form) {
        Button save = new Button("Save", e -> {
            try {
                String done = action.get();
                d.close();
                Notices.saved(done);
                refresh();
                refreshLocations();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (ConflictException ex) {
                Notices.conflict(ex.getMessage(), () -> {
                    d.close();
                    refresh();
                });
            }
        });
        save.setId(id);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        form.setMaxWidth("36em");
        d.add(form);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
