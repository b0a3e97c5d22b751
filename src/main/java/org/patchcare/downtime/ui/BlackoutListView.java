package org.patchcare.downtime.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.downtime.application.BlackoutService;
import org.patchcare.downtime.application.DowntimeViews.BlackoutView;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Blackout windows: times a department's devices must not be taken down (surgery lists, peak hours, holidays).
 * Clinical managers and administrators record, change and remove them; everyone else reads. A department has a
 * handful of rules, so the list is loaded whole.
 */
@Route(value = "blackouts", layout = MainLayout.class)
@PageTitle("Blackout windows · PatchCare")
@PermitAll
public class BlackoutListView extends VerticalLayout {

    private final BlackoutService blackouts;
    private final List<DepartmentView> departments;
    private final boolean mayEdit;
    final ComboBox<DepartmentView> department = new ComboBox<>();
    final Grid<BlackoutView> grid = new Grid<>();
    final Button create = new Button("New blackout window", VaadinIcon.PLUS.create());
    final Span count = new Span();

    @Inject
    public BlackoutListView(BlackoutService blackouts, OrganisationService organisation) {
        this(blackouts, organisation.departments(), Caller.hasRole(Roles.CLINICAL_MANAGER) || Caller.isAdmin());
    }

    BlackoutListView(BlackoutService blackouts, List<DepartmentView> departments, boolean mayEdit) {
        this.blackouts = blackouts;
        this.departments = departments;
        this.mayEdit = mayEdit;
        setSizeFull();
        H2 title = new H2("Blackout windows");
        title.getStyle().set("margin", "0");
        count.setId("blackout-count");
        count.addClassName("pc-muted");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph hint = new Paragraph("Times when a department's devices must stay in service, for example during "
                + "surgery lists or peak hours. Downtime planned inside them is flagged as a conflict. Times are the "
                + "department's local time.");
        hint.addClassName("pc-muted");
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        department.setPlaceholder("All departments");
        department.setClearButtonVisible(true);
        department.setId("blackout-filter-department");
        department.addValueChangeListener(e -> refresh());
        create.setId("blackout-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(mayEdit);
        create.addClickListener(e -> {
            BlackoutDraft d = new BlackoutDraft();
            d.setDepartment(department.getValue());
            edit(null, d);
        });
        HorizontalLayout bar = new HorizontalLayout(department, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(header, hint, bar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("blackout-grid");
        grid.setSizeFull();
        grid.setEmptyStateText("No blackout windows recorded.");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(b -> DowntimeUi.text(b.departmentName())).setHeader("Department").setKey("department")
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(BlackoutView::title).setHeader("What it protects").setKey("title").setFlexGrow(2);
        grid.addColumn(BlackoutListView::when).setHeader("When").setKey("when").setFlexGrow(3);
        grid.addComponentColumn(b -> {
            Span s = new Span(b.active() ? "In force" : "Paused");
            s.addClassNames("pc-badge", b.active() ? "supported" : "unknown");
            return s;
        }).setHeader("Status").setKey("active").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
    }

    /** "Mon, Tue, Wed 07:00–19:00, every week" or "2026-12-24 to 2026-12-26". */
    static String when(BlackoutView b) {
        if (b.recurring()) {
            String days = b.days() == null ? "" : b.days().stream().sorted()
                    .map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).collect(Collectors.joining(", "));
            if (b.days() != null && b.days().size() == 7) {
                days = "Every day";
            }
            boolean overnight = b.localStart() != null && b.localEnd() != null && !b.localEnd().isAfter(b.localStart());
            return days + " " + b.localStart() + "–" + b.localEnd() + (overnight ? " (next day)" : "") + ", every week";
        }
        return b.lastDay() == null || b.lastDay().equals(b.firstDay()) ? Formats.date(b.firstDay()) + ", all day"
                : Formats.date(b.firstDay()) + " to " + Formats.date(b.lastDay()) + ", all day";
    }

    private HorizontalLayout actions(BlackoutView b) {
        HorizontalLayout h = new HorizontalLayout();
        if (!mayEdit) {
            return h;
        }
        Button change = new Button("Change", e -> edit(b, BlackoutDraft.of(b, departmentOf(b))));
        change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        change.addClassName("blackout-change");
        Button delete = new Button("Remove", e -> confirmDelete(b));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.addClassName("blackout-delete");
        h.add(change, delete);
        return h;
    }

    private DepartmentView departmentOf(BlackoutView b) {
        return departments.stream().filter(d -> d.code().equals(b.departmentCode())).findFirst().orElse(null);
    }

    private void confirmDelete(BlackoutView b) {
        Dialog d = new Dialog();
        d.setId("blackout-delete-dialog");
        d.setHeaderTitle("Remove \"" + b.title() + "\"?");
        d.add(new Paragraph("Downtime may then be planned for " + DowntimeUi.text(b.departmentName()) + " at "
                + when(b) + ". To stop it for a while instead, change it and untick \"In force\"."));
        Button remove = new Button("Remove", e -> {
            try {
                blackouts.delete(b.id(), b.version());
                Notices.saved("Removed: " + b.title() + ".");
            } catch (ConflictException ex) {
                Notices.conflict(ex.getMessage(), this::refresh);
            }
            d.close();
            refresh();
        });
        remove.setId("blackout-delete-confirm");
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Keep it", e -> d.close());
        d.getFooter().add(cancel, remove);
        d.open();
    }

    private void edit(BlackoutView existing, BlackoutDraft draft) {
        new BlackoutDialog(blackouts, departments, existing, draft, this::refresh).open();
    }

    void refresh() {
        String code = department.getValue() == null ? null : department.getValue().code();
        List<BlackoutView> rows = blackouts.list(code).stream()
                .sorted(Comparator.comparing((BlackoutView b) -> DowntimeUi.text(b.departmentName()))
                        .thenComparing(BlackoutView::title, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        grid.setItems(rows);
        count.setText(rows.size() + (rows.size() == 1 ? " rule" : " rules"));
    }
}
