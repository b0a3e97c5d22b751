package org.patchcare.inventory.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.CatalogViews.ManufacturerView;
import org.patchcare.inventory.application.CatalogViews.ModelView;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.DeviceSummary;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.SupportStatus;
import org.patchcare.shared.ui.MainLayout;

import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

/**
 * The device list: a lazy grid over the whole inventory with search and filters. The filter lives in the URL, so a
 * filtered list can be bookmarked or linked from other screens (see {@link DeviceFilterParams}).
 */
@Route(value = "devices", layout = MainLayout.class)
@RouteAlias(value = "", layout = MainLayout.class)
@PageTitle("Devices · PatchCare")
@PermitAll
public class DeviceListView extends VerticalLayout implements BeforeEnterObserver {

    private final DeviceService devices;
    private final Grid<DeviceSummary> grid = new Grid<>(DeviceSummary.class, false);
    private final TextField search = new TextField();
    private final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    private final Select<DeviceStatus> status = new Select<>();
    private final ComboBox<ManufacturerView> manufacturer = new ComboBox<>("Manufacturer");
    private final ComboBox<ModelView> model = new ComboBox<>("Model");
    private final Select<Criticality> criticality = new Select<>();
    private final Select<SupportStatus> support = new Select<>();
    private final Span count = new Span();
    private final List<DepartmentView> departments;
    private final List<ManufacturerView> manufacturers;
    private final List<ModelView> models;
    private DeviceFilter filter = DeviceFilter.none();
    private boolean applyingUrl;

    @Inject
    public DeviceListView(DeviceService devices, OrganisationService organisation, CatalogService catalog) {
        this.devices = devices;
        this.departments = organisation.departments();
        this.manufacturers = catalog.manufacturers();
        this.models = catalog.models(null);
        setSizeFull();

        H2 title = new H2("Devices");
        title.getStyle().set("margin", "0");
        count.setId("device-count");
        count.addClassName("pc-muted");

        Anchor export = new Anchor();
        export.setHref((DownloadHandler) this::writeCsv, AttachmentType.DOWNLOAD);
        Button exportButton = new Button("Export CSV", VaadinIcon.DOWNLOAD_ALT.create());
        exportButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        export.add(exportButton);
        export.setId("export-csv");
        export.getElement().setAttribute("title", "Download the devices of the current filter as a CSV file");

        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        HorizontalLayout actions = new HorizontalLayout(export);
        if (Caller.mayEditInventory()) {
            Button create = new Button("New device", VaadinIcon.PLUS.create(),
                    e -> getUI().ifPresent(ui -> ui.navigate(DeviceCreateView.class)));
            create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            create.setId("new-device");
            actions.add(create);
        }
        HorizontalLayout top = new HorizontalLayout(header, actions);
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);

        add(top, filters(), grid);
        configureGrid();
    }

    private FlexLayout filters() {
        search.setLabel("Search");
        search.setPlaceholder("Asset tag, serial, hostname, IP, model…");
        search.setId("device-search");
        search.setWidth("20em");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);

        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        department.setClearButtonVisible(true);
        department.setPlaceholder("All");
        department.setId("filter-department");

        status.setLabel("Status");
        status.setItems(DeviceStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All but retired");
        status.setItemLabelGenerator(s -> s == null ? "All but retired" : s.label());
        status.setId("filter-status");

        manufacturer.setItems(manufacturers);
        manufacturer.setItemLabelGenerator(ManufacturerView::name);
        manufacturer.setClearButtonVisible(true);
        manufacturer.setPlaceholder("All");
        manufacturer.setId("filter-manufacturer");

        model.setItems(models);
        model.setItemLabelGenerator(ModelView::label);
        model.setClearButtonVisible(true);
        model.setPlaceholder("All");
        model.setId("filter-model");

        criticality.setLabel("Criticality");
        criticality.setItems(Criticality.values());
        criticality.setEmptySelectionAllowed(true);
        criticality.setEmptySelectionCaption("All");
        criticality.setItemLabelGenerator(c -> c == null ? "All" : c.label());
        criticality.setId("filter-criticality");

        support.setLabel("Vendor support");
        support.setItems(SupportStatus.SUPPORTED, SupportStatus.ENDING_SOON, SupportStatus.UNSUPPORTED, SupportStatus.UNKNOWN);
        support.setEmptySelectionAllowed(true);
        support.setEmptySelectionCaption("All");
        support.setItemLabelGenerator(s -> s == null ? "All" : s.label());
        support.setId("filter-support");

        Button clear = new Button("Clear filters", VaadinIcon.CLOSE_SMALL.create(), e -> {
            filter = DeviceFilter.none();
            showFilter();
            filterChanged();
        });
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        clear.setId("clear-filters");

        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(search, department, status, manufacturer, model, criticality, support)) {
            field.addValueChangeListener(e -> {
                if (!applyingUrl) {
                    filter = readFilter();
                    filterChanged();
                }
            });
        }
        FlexLayout row = new FlexLayout(search, department, status, manufacturer, model, criticality, support, clear);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        row.setWidthFull();
        return row;
    }

    private void configureGrid() {
        grid.setId("device-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(DeviceSummary::assetTag).setHeader("Asset tag").setKey("assetTag").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0).setFrozen(true);
        grid.addColumn(DeviceSummary::manufacturer).setHeader("Manufacturer").setKey("manufacturer").setSortable(true)
                .setWidth("11em").setFlexGrow(1).setTooltipGenerator(DeviceSummary::manufacturer);
        grid.addColumn(DeviceSummary::model).setHeader("Model").setKey("model").setSortable(true)
                .setWidth("13em").setFlexGrow(2).setTooltipGenerator(DeviceSummary::model);
        grid.addColumn(DeviceSummary::deviceType).setHeader("Type").setKey("deviceType").setSortable(true)
                .setWidth("10em").setFlexGrow(1).setTooltipGenerator(DeviceSummary::deviceType);
        grid.addColumn(DeviceSummary::departmentCode).setHeader("Department").setKey("department").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0).setTooltipGenerator(DeviceSummary::departmentName);
        grid.addColumn(s -> s.status().label()).setHeader("Status").setKey("status").setSortable(true)
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.criticality().label()).setHeader("Criticality").setKey("criticality").setSortable(true)
                .setWidth("9em").setFlexGrow(1).setTooltipGenerator(s -> s.criticality().label());
        grid.addColumn(s -> s.ageYears() == null ? "" : s.ageYears().toString()).setHeader("Age (years)")
                .setKey("age").setSortable(true).setFlexGrow(0).setWidth("8em");
        grid.addComponentColumn(s -> SupportBadge.withDate(s.endOfSupport(), s.supportStatus()))
                .setHeader("End of support").setKey("endOfSupport").setSortable(true).setAutoWidth(true).setFlexGrow(0);
        grid.getColumns().forEach(c -> c.setResizable(true));
        grid.setItems(query -> {
            String sortBy = null;
            boolean asc = true;
            if (!query.getSortOrders().isEmpty()) {
                sortBy = query.getSortOrders().getFirst().getSorted();
                asc = query.getSortOrders().getFirst().getDirection() == SortDirection.ASCENDING;
                if ("age".equals(sortBy)) { // older devices have earlier install dates
                    sortBy = "installDate";
                    asc = !asc;
                }
            }
            return devices.list(filter, new PageRequest(query.getOffset(),
                    Math.min(query.getLimit(), PageRequest.MAX_LIMIT), sortBy, asc)).stream();
        });
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(DeviceDetailView.class,
                new RouteParameters(DeviceDetailView.ASSET_TAG, e.getItem().assetTag()))));
        grid.setEmptyStateText("No devices match this search and these filters.");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filter = DeviceFilterParams.fromQuery(event.getLocation().getQueryParameters());
        showFilter();
        refresh();
    }

    private void showFilter() {
        applyingUrl = true;
        try {
            search.setValue(filter.text() == null ? "" : filter.text());
            department.setValue(departments.stream().filter(d -> d.code().equals(filter.department())).findFirst().orElse(null));
            status.setValue(filter.status());
            manufacturer.setValue(manufacturers.stream().filter(m -> m.id().equals(filter.manufacturer())).findFirst().orElse(null));
            model.setValue(models.stream().filter(m -> m.id().equals(filter.model())).findFirst().orElse(null));
            criticality.setValue(filter.criticality());
            support.setValue(filter.support());
        } finally {
            applyingUrl = false;
        }
    }

    private DeviceFilter readFilter() {
        return new DeviceFilter(
                search.getValue() == null || search.getValue().isBlank() ? null : search.getValue().strip(),
                department.getValue() == null ? null : department.getValue().code(),
                status.getValue(),
                manufacturer.getValue() == null ? null : manufacturer.getValue().id(),
                model.getValue() == null ? null : model.getValue().id(),
                criticality.getValue(),
                support.getValue());
    }

    private void filterChanged() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("devices", DeviceFilterParams.toQuery(filter))));
        refresh();
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
        count.setText(Formats.deviceCount(devices.countUpTo(filter, (int) Formats.COUNT_CAP + 1)));
    }

    private void writeCsv(com.vaadin.flow.server.streams.DownloadEvent event) throws java.io.IOException {
        DeviceFilter current = filter;
        event.setFileName("devices-" + LocalDate.now() + ".csv");
        event.setContentType("text/csv; charset=UTF-8");
        try (DeviceCsv csv = new DeviceCsv(new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8))) {
            devices.forEach(current, csv::row);
        }
    }

    DeviceFilter filter() {
        return filter;
    }
}
