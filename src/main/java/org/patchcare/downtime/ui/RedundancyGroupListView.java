package org.patchcare.downtime.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
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
import org.patchcare.downtime.application.DowntimeViews.RedundancyGroupView;
import org.patchcare.downtime.application.RedundancyGroupService;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.ui.MainLayout;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Redundancy groups: devices that stand in for each other (e.g. the monitors of a ward), with how many must stay in
 * service. Downtime that would leave fewer is flagged. Biomed and administrators change them; everyone else reads.
 */
@Route(value = "redundancy-groups", layout = MainLayout.class)
@PageTitle("Redundancy groups · PatchCare")
@PermitAll
public class RedundancyGroupListView extends VerticalLayout {

    private final RedundancyGroupService groups;
    private final List<DepartmentView> departments;
    private final Map<String, String> departmentNames;
    private final boolean mayEdit;
    final Grid<RedundancyGroupView> grid = new Grid<>();
    final Button create = new Button("New group", VaadinIcon.PLUS.create());

    @Inject
    public RedundancyGroupListView(RedundancyGroupService groups, OrganisationService organisation) {
        this(groups, organisation.departments(), Caller.mayEditInventory());
    }

    RedundancyGroupListView(RedundancyGroupService groups, List<DepartmentView> departments, boolean mayEdit) {
        this.groups = groups;
        this.departments = departments;
        this.departmentNames = departments.stream().collect(Collectors.toMap(DepartmentView::code, DepartmentView::name,
                (a, b) -> a));
        this.mayEdit = mayEdit;
        setSizeFull();
        H2 title = new H2("Redundancy groups");
        title.getStyle().set("margin", "0");
        Paragraph hint = new Paragraph("Devices that can stand in for each other, such as the monitors of a ward. "
                + "Downtime that would leave fewer than the minimum in service is flagged before anyone approves it.");
        hint.addClassName("pc-muted");
        create.setId("group-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(mayEdit);
        create.addClickListener(e -> new RedundancyGroupDialog(groups, departments, null, this::refresh).open());
        HorizontalLayout header = new HorizontalLayout(title, create);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(header, hint, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("group-grid");
        grid.setSizeFull();
        grid.setEmptyStateText("No redundancy groups yet.");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(RedundancyGroupView::name).setHeader("Group").setKey("name").setFlexGrow(2);
        grid.addColumn(g -> departmentNames.getOrDefault(g.departmentCode(), DowntimeUi.text(g.departmentCode())))
                .setHeader("Department").setKey("department").setFlexGrow(1);
        grid.addColumn(RedundancyGroupListView::rule).setHeader("Rule").setKey("rule").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(RedundancyGroupListView::inService).setHeader("In service now").setKey("inService")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(g -> String.join(", ", g.assetTags())).setHeader("Devices").setKey("devices").setFlexGrow(3);
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true).setFlexGrow(0);
    }

    /** "At least 2 of 3 in service". */
    static String rule(RedundancyGroupView g) {
        return "At least " + g.minimumAvailable() + " of " + g.assetTags().size() + " in service";
    }

    static Span inService(RedundancyGroupView g) {
        boolean below = g.inServiceNow() < g.minimumAvailable();
        boolean atMinimum = g.inServiceNow() == g.minimumAvailable();
        Span s = new Span(g.inServiceNow() + " of " + g.assetTags().size()
                + (below ? " · below minimum" : atMinimum ? " · none to spare" : ""));
        s.addClassNames("pc-badge", below ? "unsupported" : atMinimum ? "ending_soon" : "supported");
        return s;
    }

    private HorizontalLayout actions(RedundancyGroupView g) {
        HorizontalLayout h = new HorizontalLayout();
        if (!mayEdit) {
            return h;
        }
        Button change = new Button("Change", e -> new RedundancyGroupDialog(groups, departments, g, this::refresh).open());
        change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        change.addClassName("group-change");
        Button delete = new Button("Remove", e -> confirmDelete(g));
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        delete.addClassName("group-delete");
        h.add(change, delete);
        return h;
    }

    private void confirmDelete(RedundancyGroupView g) {
        Dialog d = new Dialog();
        d.setId("group-delete-dialog");
        d.setHeaderTitle("Remove \"" + g.name() + "\"?");
        d.add(new Paragraph("Its devices stay as they are; downtime is no longer checked against the minimum of "
                + g.minimumAvailable() + "."));
        Button remove = new Button("Remove", e -> {
            try {
                groups.delete(g.id(), g.version());
                Notices.saved("Removed: " + g.name() + ".");
            } catch (ConflictException ex) {
                Notices.conflict(ex.getMessage(), this::refresh);
            }
            d.close();
            refresh();
        });
        remove.setId("group-delete-confirm");
        remove.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        d.getFooter().add(new Button("Keep it", e -> d.close()), remove);
        d.open();
    }

    void refresh() {
        grid.setItems(groups.list()
                .stream().sorted(Comparator.comparing(RedundancyGroupView::name)).toList());
    }
}
