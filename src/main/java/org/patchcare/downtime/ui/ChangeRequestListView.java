package org.patchcare.downtime.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.downtime.application.ChangeRequestFilter;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestSummary;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every change request, newest first, paged through {@link ChangeRequestService#list}: its state, emergency and
 * needs-review flags, devices and first window. Filters by state, department and text; a click opens the request.
 * The state and department filters can come from the URL, e.g. {@code change-requests?status=SUBMITTED&department=ICU}
 * from the operations dashboard (see {@link #link}); unknown values are ignored.
 */
@Route(value = "change-requests", layout = MainLayout.class)
@PageTitle("Change requests · PatchCare")
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ChangeRequestListView extends VerticalLayout implements BeforeEnterObserver {

    static final String P_STATUS = "status";
    static final String P_DEPARTMENT = "department";

    private final ChangeRequestService service;
    final Grid<ChangeRequestSummary> grid = new Grid<>(ChangeRequestSummary.class, false);
    final MultiSelectComboBox<ChangeRequestStatus> status = new MultiSelectComboBox<>("State");
    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    final TextField text = new TextField("Reference or title");
    final Button create = new Button("New request", VaadinIcon.PLUS.create());
    final Span count = new Span();
    private ChangeRequestFilter filter = ChangeRequestFilter.all();
    private final Map<String, String> zoneOfDepartment = new HashMap<>();

    @Inject
    public ChangeRequestListView(ChangeRequestService service, OrganisationService organisation) {
        this.service = service;
        setSizeFull();
        Map<String, String> zones = new HashMap<>();
        organisation.facilities().forEach(f -> zones.put(f.code(), f.timeZone()));
        List<DepartmentView> departments = organisation.departments();
        departments.forEach(d -> {
            zoneOfDepartment.put(d.code(), zones.get(d.facilityCode()));
            zoneOfDepartment.put(d.name(), zones.get(d.facilityCode()));
        });
        H2 title = new H2("Change requests");
        title.getStyle().set("margin", "0");
        count.setId("cr-count");
        count.addClassName("pc-muted");
        create.setId("cr-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ChangeRequestFormView.NEW)));
        create.setVisible(Caller.hasRole(Roles.BIOMED_TECH) || Caller.hasRole(Roles.IT_SECURITY));
        HorizontalLayout header = new HorizontalLayout(title, count, create);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph intro = new Paragraph("Planned work that takes devices out of use: patches, configuration changes, "
                + "vendor visits. Each needs the approval of the affected departments' clinical managers and IT security "
                + "before the devices go down. Click a row to see a request.");
        intro.addClassName("pc-muted");
        intro.getStyle().set("margin", "0");
        add(header, intro, filters(departments), grid);
        configureGrid();
        expand(grid);
        refresh();
    }

    private FlexLayout filters(List<DepartmentView> departments) {
        status.setId("cr-filter-status");
        status.setItems(ChangeRequestStatus.values());
        status.setItemLabelGenerator(ChangeRequestStatus::label);
        status.setPlaceholder("Any");
        status.setClearButtonVisible(true);
        status.setWidth("18em");
        department.setId("cr-filter-department");
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        department.setClearButtonVisible(true);
        department.setPlaceholder("All");
        text.setId("cr-filter-text");
        text.setPlaceholder("e.g. CR-2026-0012 or infusion pumps");
        text.setClearButtonVisible(true);
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setWidth("18em");
        for (HasValue<?, ?> f : List.<HasValue<?, ?>>of(status, department, text)) {
            f.addValueChangeListener(e -> filterChanged());
        }
        Button open = new Button("Open only", e -> status.setValue(Arrays.stream(ChangeRequestStatus.values())
                .filter(s -> !s.isFinal()).toList()));
        open.setId("cr-filter-open");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        FlexLayout row = new FlexLayout(status, open, department, text);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        row.setWidthFull();
        return row;
    }

    private void filterChanged() {
        filter = readFilter();
        refresh();
    }

    /** Takes the state(s) and department from the URL; a stale or mistyped link shows the unfiltered list. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        apply(event.getLocation().getQueryParameters());
    }

    void apply(QueryParameters query) {
        Map<String, List<String>> p = query.getParameters();
        Set<ChangeRequestStatus> states = p.getOrDefault(P_STATUS, List.of()).stream()
                .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .flatMap(v -> Arrays.stream(ChangeRequestStatus.values()).filter(s -> s.name().equalsIgnoreCase(v)))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChangeRequestStatus.class)));
        if (!states.isEmpty()) {
            status.setValue(states);
        }
        List<String> dep = p.getOrDefault(P_DEPARTMENT, List.of());
        if (!dep.isEmpty()) {
            department.getListDataView().getItems().filter(d -> d.code().equalsIgnoreCase(dep.getFirst().strip()))
                    .findFirst().ifPresent(department::setValue);
        }
    }

    /** The requests waiting for approvals (submitted), of one department or (null) all, e.g. from a dashboard. */
    public static String linkAwaitingApproval(String departmentCode) {
        return link(Set.of(ChangeRequestStatus.SUBMITTED), departmentCode);
    }

    /** One department's requests in any state. */
    public static String linkToDepartment(String departmentCode) {
        return link(null, departmentCode);
    }

    /** The link to the list showing these states of one department (both optional). */
    static String link(Set<ChangeRequestStatus> states, String departmentCode) {
        Map<String, String> p = new LinkedHashMap<>();
        if (states != null && !states.isEmpty()) {
            p.put(P_STATUS, states.stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
        }
        if (departmentCode != null && !departmentCode.isBlank()) {
            p.put(P_DEPARTMENT, departmentCode.strip());
        }
        String q = QueryParameters.simple(p).getQueryString();
        return q.isEmpty() ? "change-requests" : "change-requests?" + q;
    }

    ChangeRequestFilter readFilter() {
        Set<ChangeRequestStatus> states = status.getValue() == null || status.getValue().isEmpty() ? null
                : EnumSet.copyOf(status.getValue());
        String t = text.getValue() == null || text.getValue().isBlank() ? null : text.getValue().strip();
        return new ChangeRequestFilter(states, department.getValue() == null ? null : department.getValue().code(),
                null, t);
    }

    private void configureGrid() {
        grid.setId("cr-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No change request matches. IT security and biomed create them with \"New request\".");
        grid.addColumn(new ComponentRenderer<>(ChangeRequestListView::request)).setKey("request").setHeader("Request")
                .setFlexGrow(1).setWidth("22em");
        grid.addColumn(new ComponentRenderer<>(DowntimeFormats::chips)).setKey("state").setHeader("State")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.deviceCount() + (s.deviceCount() == 1 ? " device" : " devices")
                + (s.departments() == null || s.departments().isBlank() ? "" : " · " + s.departments()))
                .setKey("devices").setHeader("Devices").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(s -> s.firstWindowStart() == null ? "—" : DowntimeFormats.when(s.firstWindowStart(),
                zoneOf(s))).setKey("window").setHeader("First window").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ChangeRequestSummary::requestedBy).setKey("requestedBy").setHeader("Requested by")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(q -> service.list(filter, new PageRequest(q.getOffset(),
                Math.min(q.getLimit(), PageRequest.MAX_LIMIT), null, false)).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ChangeRequestView.link(e.getItem().id()))));
    }

    /** Reference and kind above the title. */
    static Component request(ChangeRequestSummary s) {
        Span main = new Span(s.reference() + " · " + s.kind().label());
        main.addClassName("pc-cell-main");
        Span sub = new Span(s.title());
        sub.addClassName("pc-cell-sub");
        sub.getElement().setAttribute("title", s.title());
        Div box = new Div(main, sub);
        box.addClassName("pc-two-lines");
        return box;
    }

    /** The hospital zone of the request's (first) department, for its first window. */
    String zoneOf(ChangeRequestSummary s) {
        if (s.departments() == null) {
            return null;
        }
        return Arrays.stream(s.departments().split("[,;]")).map(String::strip).map(zoneOfDepartment::get)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    void refresh() {
        long n = service.count(filter);
        count.setText(String.format(Locale.ROOT, "%,d request%s", n, n == 1 ? "" : "s"));
        grid.getDataProvider().refreshAll();
    }

}
