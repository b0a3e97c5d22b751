package org.patchcare.planning.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.planning.application.PlanningDataService;
import org.patchcare.planning.application.PlanningViews.LowCensusView;
import org.patchcare.planning.application.PlanningViews.TechnicianView;
import org.patchcare.planning.application.PlanningViews.VendorVisitView;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the planner needs to know: technicians (minutes a day, skills), vendor engineers' visits, and each department's
 * low-census hours. Everyone reads; biomed and administrators keep technicians and visits; administrators and a
 * department's clinical managers keep its low-census hours.
 */
@Route(value = "planning-data", layout = MainLayout.class)
@PageTitle("Planning data · PatchCare")
@RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY, Roles.ADMIN, Roles.CLINICAL_MANAGER})
public class PlanningDataView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ENGLISH);

    private final PlanningDataService data;
    final Grid<TechnicianView> technicians = new Grid<>();
    final Grid<VendorVisitView> visits = new Grid<>();
    final Grid<LowCensusView> lowCensus = new Grid<>();

    @Inject
    public PlanningDataView(PlanningDataService data, OrganisationService organisation) {
        this.data = data;
        boolean editor = Caller.hasRole(Roles.BIOMED_TECH) || Caller.hasRole(Roles.ADMIN);
        boolean censusEditor = Caller.hasRole(Roles.CLINICAL_MANAGER) || Caller.hasRole(Roles.ADMIN);
        add(new H2("Planning data"), new Paragraph("Who can do the work and when, for Plan downtime. Skills are device "
                + "types or manufacturers (e.g. 'ventilator', 'siemens healthineers'; '*' for everything)."));

        // technicians
        technicians.addColumn(TechnicianView::username).setHeader("Technician").setAutoWidth(true);
        technicians.addColumn(t -> t.dailyMinutes() / 60 + " h " + t.dailyMinutes() % 60 + " min").setHeader("Per day")
                .setAutoWidth(true);
        technicians.addColumn(t -> String.join(", ", t.skills())).setHeader("Skills").setFlexGrow(1);
        technicians.addColumn(t -> t.active() ? "Yes" : "No").setHeader("Active").setAutoWidth(true);
        technicians.setAllRowsVisible(true);
        technicians.addThemeVariants(GridVariant.LUMO_COMPACT);
        TextField user = new TextField("User name");
        IntegerField minutes = new IntegerField("Minutes a day");
        minutes.setValue(480);
        TextField skills = new TextField("Skills (comma separated)");
        skills.setWidth("24em");
        Button save = new Button("Save technician", e -> {
            Integer version = technicians.getListDataView().getItems().filter(t -> t.username().equals(
                    user.getValue().strip())).map(TechnicianView::version).findFirst().orElse(null);
            data.saveTechnician(user.getValue(), version, minutes.getValue() == null ? 0 : minutes.getValue(),
                    Arrays.stream(skills.getValue().split(",")).collect(Collectors.toSet()), true);
            done("Technician saved.");
        });
        technicians.addItemClickListener(e -> {
            user.setValue(e.getItem().username());
            minutes.setValue(e.getItem().dailyMinutes());
            skills.setValue(String.join(", ", e.getItem().skills()));
        });
        add(new H3("Technicians"), technicians, row(editor, user, minutes, skills, save));

        // vendor visits
        visits.addColumn(VendorVisitView::manufacturer).setHeader("Manufacturer").setAutoWidth(true);
        visits.addColumn(v -> v.engineer() == null ? "" : v.engineer()).setHeader("Engineer").setAutoWidth(true);
        visits.addColumn(v -> WHEN.format(v.start().atZone(ZoneOffset.UTC)) + " – " + WHEN.format(v.end()
                .atZone(ZoneOffset.UTC))).setHeader("On site").setAutoWidth(true).setFlexGrow(2);
        if (editor) {
            visits.addComponentColumn(v -> new Button("Delete", e -> {
                data.deleteVendorVisit(v.id());
                done("Visit deleted.");
            })).setAutoWidth(true).setFlexGrow(0);
        }
        visits.setAllRowsVisible(true);
        visits.addThemeVariants(GridVariant.LUMO_COMPACT);
        TextField manufacturer = new TextField("Manufacturer");
        TextField engineer = new TextField("Engineer");
        DateTimePicker start = new DateTimePicker("From (UTC)");
        DateTimePicker end = new DateTimePicker("To (UTC)");
        Button addVisit = new Button("Add visit", e -> {
            data.addVendorVisit(manufacturer.getValue(), engineer.getValue(), start.getValue() == null ? null
                    : start.getValue().toInstant(ZoneOffset.UTC), end.getValue() == null ? null
                    : end.getValue().toInstant(ZoneOffset.UTC));
            done("Visit added.");
        });
        add(new H3("Vendor engineers' visits (next 60 days)"), visits, row(editor, manufacturer, engineer, start, end,
                addVisit));

        // low-census hours
        lowCensus.addColumn(LowCensusView::department).setHeader("Department").setAutoWidth(true);
        lowCensus.addColumn(LowCensusView::title).setHeader("Title").setAutoWidth(true);
        lowCensus.addColumn(LowCensusView::describe).setHeader("Hours").setFlexGrow(1);
        if (censusEditor) {
            lowCensus.addComponentColumn(w -> new Button("Delete", e -> {
                data.deleteLowCensus(w.id());
                done("Low-census hours deleted.");
            })).setAutoWidth(true).setFlexGrow(0);
        }
        lowCensus.setAllRowsVisible(true);
        lowCensus.addThemeVariants(GridVariant.LUMO_COMPACT);
        ComboBox<DepartmentView> department = new ComboBox<>("Department");
        department.setItems(organisation.departments());
        department.setItemLabelGenerator(DepartmentView::label);
        TextField title = new TextField("Title");
        title.setPlaceholder("Clinic closed");
        CheckboxGroup<DayOfWeek> days = new CheckboxGroup<>("Days");
        days.setItems(DayOfWeek.values());
        days.setItemLabelGenerator(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
        TimePicker from = new TimePicker("From");
        from.setValue(LocalTime.of(20, 0));
        TimePicker to = new TimePicker("To");
        to.setValue(LocalTime.of(6, 0));
        Button addCensus = new Button("Add hours", e -> {
            data.addLowCensus(department.getValue() == null ? null : department.getValue().code(), title.getValue(),
                    Set.copyOf(days.getValue()), from.getValue(), to.getValue());
            done("Low-census hours added.");
        });
        add(new H3("Low-census hours (preferred for downtime)"), lowCensus, row(censusEditor, department, title, days,
                from, to, addCensus));
        refresh();
    }

    private static HorizontalLayout row(boolean visible, com.vaadin.flow.component.Component... parts) {
        HorizontalLayout h = new HorizontalLayout(parts);
        h.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        h.setWrap(true);
        h.setVisible(visible);
        for (var p : parts) {
            if (p instanceof Button b) {
                b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            }
        }
        return h;
    }

    private void done(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void refresh() {
        technicians.setItems(data.technicians());
        Instant now = Instant.now();
        visits.setItems(data.vendorVisits(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60))));
        lowCensus.setItems(data.lowCensus());
    }
}
