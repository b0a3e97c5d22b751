package org.patchcare.risk.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
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
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.QueueFilter;
import org.patchcare.risk.application.RiskViews.QueueItem;
import org.patchcare.risk.domain.DecisionPoint;
import org.patchcare.risk.domain.Exploitation;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * IT's work queue: every open exposure with its SSVC priority, most urgent first (the service sorts: priority, then
 * due date), paged lazily through {@link RiskService#queue}. Filters can come from the URL, e.g.
 * {@code risk?department=ICU} from the dashboard. Ticked rows feed the bulk actions; a click on a row opens the
 * exposure's decision.
 */
@Route(value = "risk", layout = MainLayout.class)
@PageTitle("Work queue · PatchCare")
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN, Roles.BIOMED_TECH})
public class RiskQueueView extends VerticalLayout implements BeforeEnterObserver {

    static final String ATTACH_CONTROL = "attach-control";
    static final String REQUEST_ACCEPTANCE = "request-acceptance";
    static final String CREATE_CHANGE_REQUEST = "create-change-request";

    static final String P_OUTCOME = "outcome";
    static final String P_DEPARTMENT = "department";
    static final String P_EXPLOITATION = "exploitation";
    static final String P_OVERDUE = "overdue";
    static final String P_DUE_WEEK = "dueWithinWeek";
    static final String P_ACCEPTED = "accepted";
    static final String P_SEARCH = "q";

    private final RiskService risk;
    private final ControlService controls;
    private final AcceptanceService acceptances;
    final Grid<QueueItem> grid = new Grid<>(QueueItem.class, false);
    final Select<String> outcome = new Select<>();
    final ComboBox<DepartmentView> department = new ComboBox<>("Department");
    final Select<String> exploitation = new Select<>();
    final Checkbox overdueOnly = new Checkbox("Overdue only");
    final Checkbox dueWithinWeek = new Checkbox("Due within 7 days");
    final Checkbox includeAccepted = new Checkbox("Include accepted risks");
    final TextField search = new TextField("Asset tag or CVE");
    final Button attachControl = new Button("Attach control…", VaadinIcon.SHIELD.create());
    final Button requestAcceptance = new Button("Request acceptance…", VaadinIcon.HANDSHAKE.create());
    final Button createChangeRequest = new Button("Create change request", VaadinIcon.WRENCH.create());
    final Span count = new Span();
    private final Span selected = new Span();
    private QueueFilter filter = QueueFilter.none();
    private boolean applying;

    @Inject
    public RiskQueueView(RiskService risk, OrganisationService organisation, ControlService controls,
                         AcceptanceService acceptances) {
        this.risk = risk;
        this.controls = controls;
        this.acceptances = acceptances;
        setSizeFull();
        H2 title = new H2("Work queue");
        title.getStyle().set("margin", "0");
        count.setId("queue-count");
        count.addClassName("pc-muted");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph intro = new Paragraph("Open exposures of our devices, most urgent first: by priority, then by due "
                + "date. Click a row to see why it has its priority; tick rows to act on several at once.");
        intro.addClassName("pc-muted");
        intro.getStyle().set("margin", "0");
        add(header, intro, filters(organisation.departments()), bulkBar(), grid);
        configureGrid();
        expand(grid);
        refresh();
    }

    // ---- filters ---------------------------------------------------------------------------

    private FlexLayout filters(List<DepartmentView> departments) {
        outcome.setLabel("Priority");
        outcome.setId("filter-outcome");
        outcome.setItems(RiskFormats.URGENT_FIRST.stream().map(Enum::name).toList());
        outcome.setItemLabelGenerator(o -> o == null || o.isEmpty() ? "Any" : RiskFormats.outcomeName(o));
        outcome.setEmptySelectionAllowed(true);
        outcome.setEmptySelectionCaption("Any");
        outcome.setWidth("11em");
        department.setId("filter-department");
        department.setItems(departments);
        department.setItemLabelGenerator(DepartmentView::label);
        department.setClearButtonVisible(true);
        department.setPlaceholder("All");
        exploitation.setLabel("Exploitation");
        exploitation.setId("filter-exploitation");
        exploitation.setItems(Arrays.stream(Exploitation.values()).map(Enum::name).toList().reversed());
        exploitation.setItemLabelGenerator(e -> e == null || e.isEmpty() ? "Any"
                : RiskFormats.valueLabel(DecisionPoint.EXPLOITATION.name(), e));
        exploitation.setEmptySelectionAllowed(true);
        exploitation.setEmptySelectionCaption("Any");
        exploitation.setTooltipText(RiskFormats.question(DecisionPoint.EXPLOITATION.name()));
        exploitation.setWidth("10em");
        overdueOnly.setId("filter-overdue");
        dueWithinWeek.setId("filter-due-week");
        includeAccepted.setId("filter-accepted");
        includeAccepted.setTooltipText("Also show exposures whose risk a clinical manager and IT security accepted "
                + "for a while (hidden by default).");
        search.setId("filter-search");
        search.setPlaceholder("e.g. BME-000123 or CVE-2019-0708");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("16em");
        for (HasValue<?, ?> f : List.<HasValue<?, ?>>of(outcome, department, exploitation, overdueOnly, dueWithinWeek,
                includeAccepted, search)) {
            f.addValueChangeListener(e -> {
                if (!applying) {
                    filterChanged();
                }
            });
        }
        FlexLayout row = new FlexLayout(outcome, department, exploitation, search, overdueOnly, dueWithinWeek,
                includeAccepted);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-m)");
        row.setWidthFull();
        return row;
    }

    private void filterChanged() {
        filter = readFilter();
        grid.deselectAll();
        refresh();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, new Location("risk", toQuery(filter))));
    }

    QueueFilter readFilter() {
        return new QueueFilter(blank(outcome.getValue()), department.getValue() == null ? null : department.getValue().code(),
                blank(exploitation.getValue()), overdueOnly.getValue() ? Boolean.TRUE : null,
                includeAccepted.getValue() ? Boolean.TRUE : null, blank(search.getValue()),
                dueWithinWeek.getValue() ? Boolean.TRUE : null);
    }

    /** Takes the filter from the URL (e.g. {@code risk?department=ICU&outcome=IMMEDIATE}); unknown values are ignored. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> p = event.getLocation().getQueryParameters().getParameters();
        applying = true;
        try {
            outcome.setValue(known(single(p, P_OUTCOME), outcome.getListDataView().getItems().toList()));
            exploitation.setValue(known(single(p, P_EXPLOITATION), exploitation.getListDataView().getItems().toList()));
            String dep = single(p, P_DEPARTMENT);
            department.setValue(dep == null ? null : department.getListDataView().getItems()
                    .filter(d -> d.code().equalsIgnoreCase(dep)).findFirst().orElse(null));
            overdueOnly.setValue("true".equalsIgnoreCase(single(p, P_OVERDUE)));
            dueWithinWeek.setValue("true".equalsIgnoreCase(single(p, P_DUE_WEEK)));
            includeAccepted.setValue("true".equalsIgnoreCase(single(p, P_ACCEPTED)));
            String q = single(p, P_SEARCH);
            search.setValue(q == null ? "" : q);
        } finally {
            applying = false;
        }
        QueueFilter fromUrl = readFilter();
        if (!fromUrl.equals(filter)) {
            filter = fromUrl;
            refresh();
        }
    }

    /** The filter as URL query parameters, so the queue can be bookmarked and linked to. */
    static QueryParameters toQuery(QueueFilter f) {
        Map<String, String> p = new LinkedHashMap<>();
        put(p, P_OUTCOME, f.outcome());
        put(p, P_DEPARTMENT, f.department());
        put(p, P_EXPLOITATION, f.exploitation());
        put(p, P_OVERDUE, Boolean.TRUE.equals(f.overdueOnly()) ? "true" : null);
        put(p, P_ACCEPTED, Boolean.TRUE.equals(f.includeAccepted()) ? "true" : null);
        put(p, P_DUE_WEEK, Boolean.TRUE.equals(f.dueWithinWeek()) ? "true" : null);
        put(p, P_SEARCH, f.search());
        return QueryParameters.simple(p);
    }

    /** The link to the queue showing this filter, e.g. {@code risk?department=ICU&overdue=true}. */
    public static String link(QueueFilter f) {
        String q = toQuery(f).getQueryString();
        return q.isEmpty() ? "risk" : "risk?" + q;
    }

    /** The link to the queue showing one department, e.g. {@code risk?department=ICU}. */
    public static String linkToDepartment(String departmentCode) {
        return "risk?" + toQuery(new QueueFilter(null, departmentCode, null, null, null, null)).getQueryString();
    }

    /** The link to the queue showing one device's exposures, e.g. {@code risk?q=BME-000123}. */
    public static String linkToDevice(String assetTag) {
        return "risk?" + toQuery(new QueueFilter(null, null, null, null, null, assetTag)).getQueryString();
    }

    private static void put(Map<String, String> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value);
        }
    }

    private static String single(Map<String, List<String>> p, String key) {
        List<String> v = p.get(key);
        return v == null || v.isEmpty() || v.getFirst().isBlank() ? null : v.getFirst().strip();
    }

    private static String known(String value, List<String> allowed) {
        return value != null && allowed.contains(value.toUpperCase(Locale.ROOT)) ? value.toUpperCase(Locale.ROOT) : null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ---- bulk actions ----------------------------------------------------------------------

    private Component bulkBar() {
        attachControl.setId("bulk-attach-control");
        attachControl.setTooltipText("Record a compensating control (e.g. a firewall rule) for the ticked exposures");
        attachControl.addClickListener(e -> bulkAction(ATTACH_CONTROL, selectedIds()));
        requestAcceptance.setId("bulk-request-acceptance");
        requestAcceptance.setTooltipText("Ask a clinical manager and IT security to accept the risk of the ticked "
                + "exposure for a limited time (one exposure at a time)");
        requestAcceptance.addClickListener(e -> bulkAction(REQUEST_ACCEPTANCE, selectedIds()));
        createChangeRequest.setId("bulk-create-change-request");
        createChangeRequest.setTooltipText("Plan the downtime to patch the ticked exposures' devices and ask the "
                + "departments for approval");
        createChangeRequest.addClickListener(e -> bulkAction(CREATE_CHANGE_REQUEST, selectedIds()));
        createChangeRequest.setVisible(Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.BIOMED_TECH));
        attachControl.setVisible(Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.ADMIN));
        requestAcceptance.setVisible(Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.BIOMED_TECH));
        selected.setId("queue-selected");
        selected.addClassName("pc-muted");
        HorizontalLayout bar = new HorizontalLayout(attachControl, requestAcceptance, createChangeRequest,
                selected);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.setId("queue-bulk-actions");
        updateBulkButtons();
        return bar;
    }

    List<String> selectedIds() {
        return grid.getSelectedItems().stream().map(QueueItem::exposureId).toList();
    }

    private void updateBulkButtons() {
        int n = grid.getSelectedItems().size();
        attachControl.setEnabled(n > 0);
        requestAcceptance.setEnabled(n > 0);
        createChangeRequest.setEnabled(n > 0);
        selected.setText(n == 0 ? "Tick exposures to act on several at once." : n + " ticked");
    }

    /**
     * The bulk actions: {@code action} is {@link #ATTACH_CONTROL} (one control for all ticked exposures) or
     * {@link #REQUEST_ACCEPTANCE} (one exposure at a time) or {@link #CREATE_CHANGE_REQUEST} (the scheduling
     * screen with the exposures chosen), {@code exposureIds} the public ids of the ticked exposures.
     */
    void bulkAction(String action, List<String> exposureIds) {
        switch (action) {
            case ATTACH_CONTROL -> {
                AttachControlDialog d = new AttachControlDialog(controls, exposureIds);
                d.addSavedListener(e -> saved());
                d.open();
            }
            case REQUEST_ACCEPTANCE -> {
                if (exposureIds.size() != 1) {
                    Notices.warning("Select one exposure to request an acceptance: each is accepted on its own.");
                    return;
                }
                String id = exposureIds.getFirst();
                String what = grid.getSelectedItems().stream().filter(i -> i.exposureId().equals(id)).findFirst()
                        .map(i -> i.cve() + " on " + i.assetTag()).orElse("the exposure");
                RequestAcceptanceDialog d = new RequestAcceptanceDialog(acceptances, id, what);
                d.addSavedListener(e -> saved());
                d.open();
            }
            case CREATE_CHANGE_REQUEST -> getUI().ifPresent(ui -> ui.navigate(
                    org.patchcare.downtime.ui.ChangeRequestFormView.NEW,
                    org.patchcare.downtime.ui.ChangeRequestFormView.withExposures(exposureIds)));
            default -> throw new IllegalArgumentException("unknown bulk action " + action);
        }
    }

    /** After a bulk action (the dialog said what it saved): the ticked exposures were decided again. */
    private void saved() {
        grid.deselectAll();
        refresh();
    }

    // ---- grid ------------------------------------------------------------------------------

    private void configureGrid() {
        grid.setId("queue-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> updateBulkButtons());
        grid.setEmptyStateText("No open exposure matches. Exposures appear here within seconds of an advisory "
                + "import that affects our devices.");
        grid.addColumn(new ComponentRenderer<>(i -> RiskFormats.outcomeBadge(i.outcome()))).setKey("outcome")
                .setHeader(header("Priority", "How soon to act: immediate, out-of-cycle, scheduled or defer (SSVC)"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(RiskQueueView::due)).setKey("due")
                .setHeader(header("Due", "When the patch or protection is due"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(QueueItem::score).setKey("score")
                .setHeader(header("Score", "Exposure score from 0 to 100: the higher, the more urgent"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(RiskQueueView::device)).setKey("device").setHeader("Device")
                .setFlexGrow(0).setWidth("13em");
        grid.addColumn(new ComponentRenderer<>(RiskQueueView::vulnerability)).setKey("vulnerability")
                .setHeader(header("Vulnerability", "The weakness (CVE) and the vendor advisory that names it"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(RiskQueueView::chips)).setKey("points")
                .setHeader(header("Decision points", "Why it has its priority; ✎ = overridden by IT security. "
                        + "Hover a chip for its meaning."))
                .setFlexGrow(1).setWidth("24em");
        grid.setItems(q -> risk.queue(filter, new PageRequest(q.getOffset(),
                Math.min(q.getLimit(), PageRequest.MAX_LIMIT), null, true)).stream());
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null) { // not the selection checkbox
                open(e.getItem());
            }
        });
    }

    private void open(QueueItem item) {
        getUI().ifPresent(ui -> ui.navigate(ExposureDecisionView.class,
                new RouteParameters(ExposureDecisionView.EXPOSURE_ID, item.exposureId())));
    }

    private static Component header(String text, String tooltip) {
        Span s = new Span(text);
        s.getElement().setAttribute("title", tooltip);
        return s;
    }

    /** The due date, red and marked "overdue" when past; an accepted risk shows until when. */
    static Component due(QueueItem i) {
        Span date = new Span(RiskFormats.day(i.dueAt()));
        Span box = new Span(date);
        box.addClassName("pc-due");
        if (i.acceptedUntil() != null) {
            Span acc = new Span(" accepted until " + i.acceptedUntil());
            acc.addClassName("pc-muted");
            box.add(acc);
        } else if (i.overdue()) {
            box.addClassName("pc-overdue");
            Span over = new Span("overdue");
            over.addClassNames("pc-badge", "pc-overdue-badge");
            box.add(new Span(" "), over);
        }
        return box;
    }

    /** Asset tag and department, the model below. */
    static Component device(QueueItem i) {
        Span dept = new Span(" · " + i.department());
        dept.getElement().setAttribute("title", i.departmentName());
        return twoLines(new Span(new Span(i.assetTag()), dept), i.model() == null ? "" : i.model());
    }

    /** The CVE, the advisory below (its title as tooltip). */
    static Component vulnerability(QueueItem i) {
        Div box = twoLines(new Span(i.cve()), i.trackingId());
        box.getElement().setAttribute("title", i.trackingId() + ": " + i.advisoryTitle());
        return box;
    }

    private static Div twoLines(Component main, String sub) {
        main.getElement().getClassList().add("pc-cell-main");
        Span second = new Span(sub);
        second.addClassName("pc-cell-sub");
        second.getElement().setAttribute("title", sub);
        Div box = new Div(main, second);
        box.addClassName("pc-two-lines");
        return box;
    }

    /** The four decision points as chips; overridden ones marked "✎". */
    static Component chips(QueueItem i) {
        Div chips = new Div(
                RiskFormats.chip(DecisionPoint.EXPLOITATION.name(), i.exploitation(), i.overridden(DecisionPoint.EXPLOITATION.name())),
                RiskFormats.chip(DecisionPoint.SYSTEM_EXPOSURE.name(), i.systemExposure(), i.overridden(DecisionPoint.SYSTEM_EXPOSURE.name())),
                RiskFormats.chip(DecisionPoint.AUTOMATABLE.name(), i.automatable(), i.overridden(DecisionPoint.AUTOMATABLE.name())),
                RiskFormats.chip(DecisionPoint.HUMAN_IMPACT.name(), i.humanImpact(), i.overridden(DecisionPoint.HUMAN_IMPACT.name())));
        chips.addClassName("pc-chips");
        return chips;
    }

    void refresh() {
        long n = risk.queueCount(filter);
        count.setText(String.format(Locale.ROOT, "%,d open exposure%s", n, n == 1 ? "" : "s"));
        grid.getDataProvider().refreshAll();
    }
}
