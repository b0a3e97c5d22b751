package org.patchcare.inventory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.CatalogViews.ManufacturerView;
import org.patchcare.inventory.domain.Manufacturer;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Manufacturers and the other spellings (aliases) that advisories and import files use for them. */
@Route(value = "admin/manufacturers", layout = MainLayout.class)
@PageTitle("Manufacturers · PatchCare")
@RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
public class ManufacturersView extends VerticalLayout {

    private final CatalogService catalog;
    private final Grid<ManufacturerView> grid = new Grid<>(ManufacturerView.class, false);
    private final TextField search = new TextField();
    private List<ManufacturerView> all = List.of();

    @Inject
    public ManufacturersView(CatalogService catalog) {
        this.catalog = catalog;
        setSizeFull();
        Button create = new Button("New manufacturer", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-manufacturer");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.setPlaceholder("Search name or alias");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.addValueChangeListener(e -> applySearch());
        search.setId("manufacturer-search");
        HorizontalLayout top = new HorizontalLayout(new H2("Manufacturers"), search, create);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("manufacturer-grid");
        grid.addColumn(ManufacturerView::name).setHeader("Name").setSortable(true).setComparator(ManufacturerView::name).setFlexGrow(1);
        grid.addColumn(m -> String.join(", ", m.aliases())).setHeader("Also written as").setFlexGrow(2);
        grid.addColumn(ManufacturerView::models).setHeader("Models").setSortable(true).setComparator(ManufacturerView::models)
                .setFlexGrow(0).setWidth("7em");
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setSizeFull();
        add(top, grid);
        refresh();
    }

    private void refresh() {
        all = catalog.manufacturers();
        applySearch();
    }

    private void applySearch() {
        String q = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
        grid.setItems(q.isEmpty() ? all : all.stream().filter(m -> m.name().toLowerCase(Locale.ROOT).contains(q)
                || m.aliases().stream().anyMatch(a -> a.toLowerCase(Locale.ROOT).contains(q))).toList());
    }

    private void edit(ManufacturerView m) {
        Dialog d = new Dialog();
        d.setHeaderTitle(m == null ? "New manufacturer" : "Edit " + m.name());
        TextField name = new TextField("Name");
        name.setId("manufacturer-name");
        name.setMaxLength(Manufacturer.NAME_MAX);
        name.setRequired(true);
        name.setWidthFull();
        TextArea aliases = new TextArea("Also written as (one per line)");
        aliases.setId("manufacturer-aliases");
        aliases.setHelperText("Spellings used in advisories or import files, e.g. \"GE Healthcare\" for GE");
        aliases.setWidthFull();
        aliases.setMinHeight("8em");
        if (m != null) {
            name.setValue(m.name());
            aliases.setValue(String.join("\n", m.aliases()));
        }
        FieldErrors errors = new FieldErrors().field("name", name).field("aliases", aliases);
        Button save = new Button("Save", e -> {
            if (name.getValue().isBlank()) {
                name.setErrorMessage("Enter the manufacturer's name");
                name.setInvalid(true);
                return;
            }
            List<String> list = Arrays.stream(aliases.getValue().split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
            try {
                catalog.saveManufacturer(m == null ? null : m.id(), name.getValue().strip(), list, m == null ? null : m.version());
                d.close();
                Notices.saved("Manufacturer " + name.getValue().strip() + " saved.");
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
        save.setId("save-manufacturer");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout body = new VerticalLayout(name, aliases);
        body.setPadding(false);
        body.setWidth("28em");
        d.add(body);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
