package org.patchcare.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.ControlCommand;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ControlFilter;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.risk.application.RiskSettings;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.List;
import java.util.Locale;

/**
 * Compensating controls: active, expiring soon (within the warning period), expired and withdrawn ones in a lazy grid.
 * IT security and administrators record, change and withdraw them here; everyone else reads.
 */
@Route(value = "controls", layout = MainLayout.class)
@PageTitle("Controls · PatchCare")
@PermitAll
public class ControlListView extends VerticalLayout {

    /** The tabs of the list. */
    enum Show {
        ACTIVE("Active"), EXPIRING("Expiring soon"), EXPIRED("Expired"), WITHDRAWN("Withdrawn"), ALL("All");

        final String label;

        Show(String label) {
            this.label = label;
        }
    }

    private final ControlService controls;
    private final int warnDays;
    private final boolean mayEdit;
    final Tabs tabs = new Tabs();
    final Grid<ControlView> grid = new Grid<>();
    final TextField search = new TextField();
    final Button create = new Button("New control", VaadinIcon.PLUS.create());
    final Span count = new Span();
    private final java.util.Map<Tab, Show> shows = new java.util.LinkedHashMap<>();

    @Inject
    public ControlListView(ControlService controls, RiskSettings settings) {
        this(controls, settings.policy().warnDays(), Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.ADMIN));
    }

    ControlListView(ControlService controls, int warnDays, boolean mayEdit) {
        this.controls = controls;
        this.warnDays = warnDays;
        this.mayEdit = mayEdit;
        setSizeFull();
        H2 title = new H2("Compensating controls");
        title.getStyle().set("margin", "0");
        count.setId("control-count");
        count.addClassName("pc-muted");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph hint = new Paragraph("An active control attached to an exposure lowers its system exposure one step, or "
                + "makes it not automatable. Every control expires; owners are warned " + warnDays + " days ahead.");
        hint.addClassName("pc-muted");
        for (Show s : Show.values()) {
            Tab tab = new Tab(s.label);
            tab.setId("controls-tab-" + s.name().toLowerCase(Locale.ROOT));
            shows.put(tab, s);
            tabs.add(tab);
        }
        tabs.addSelectedChangeListener(e -> refresh());
        search.setPlaceholder("Title or reference");
        search.setId("control-search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        create.setId("control-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> edit(null, controls.suggest(List.of())));
        create.setVisible(mayEdit);
        HorizontalLayout bar = new HorizontalLayout(tabs, search, create);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWidthFull();
        configureGrid();
        add(header, hint, bar, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("control-grid");
        grid.setSizeFull();
        grid.setEmptyStateText("No controls here.");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(c -> c.title() + (c.reference() == null ? "" : " (" + c.reference() + ")")).setHeader("Control")
                .setKey("title").setSortProperty("title").setFlexGrow(3);
        grid.addColumn(ControlView::typeLabel).setHeader("Kind").setKey("type").setSortProperty("type").setFlexGrow(1);
        grid.addColumn(ControlView::scopeLabel).setHeader("Covers").setKey("scope").setFlexGrow(2);
        grid.addColumn(ControlView::owner).setHeader("Owner").setKey("owner").setSortProperty("owner").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> Formats.date(c.expiresOn()) + " (" + RiskBadges.relative(c.daysToExpiry()) + ")")
                .setHeader("Expires").setKey("expiresOn").setSortProperty("expiresOn").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(RiskBadges::control)).setHeader("Status").setKey("status")
                .setSortProperty("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ControlView::attachedExposures).setHeader("Exposures").setKey("attached").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setKey("actions").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(c -> {
            Div d = new Div(new Paragraph("Evidence: " + Formats.text(c.evidence())),
                    new Paragraph("Applied " + Formats.date(c.appliedOn()) + ", review " + Formats.date(c.reviewOn())
                            + (c.statusReason() == null ? "" : " · " + c.statusReason()) + " · changed "
                            + Formats.dateTime(c.updatedAt()) + " by " + c.updatedBy()));
            d.addClassName("pc-muted");
            return d;
        }));
        grid.setItems(this::fetch, q -> (int) Math.min(Integer.MAX_VALUE, controls.count(filter())));
    }

    private java.util.stream.Stream<ControlView> fetch(Query<ControlView, Void> q) {
        String sort = q.getSortOrders().isEmpty() ? null : q.getSortOrders().getFirst().getSorted();
        boolean ascending = q.getSortOrders().isEmpty()
                || q.getSortOrders().getFirst().getDirection() == SortDirection.ASCENDING;
        return controls.list(filter(), new PageRequest(q.getOffset(), Math.min(q.getLimit(), PageRequest.MAX_LIMIT),
                sort, ascending)).stream();
    }

    private HorizontalLayout actions(ControlView c) {
        HorizontalLayout h = new HorizontalLayout();
        if (!mayEdit || "WITHDRAWN".equals(c.status())) {
            return h;
        }
        Button change = new Button("Change", e -> edit(c.id(), ControlCommand.of(c)));
        change.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        change.addClassName("control-change");
        Button withdraw = new Button("Withdraw", e -> new CommentDialog("Withdraw " + c.title(),
                "The control stops counting for the " + c.attachedExposures() + " exposure(s) it is attached to; "
                        + "they are decided again within seconds.", "Why", true, "Withdraw",
                reason -> controls.withdraw(c.id(), reason, c.version()), () -> {
                    Notices.saved("Withdrawn: " + c.label() + ".");
                    refresh();
                }).open());
        withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        withdraw.addClassName("control-withdraw");
        h.add(change, withdraw);
        return h;
    }

    private void edit(String id, ControlCommand start) {
        new ControlDialog(controls, id, start, d -> refresh()).open();
    }

    /** The filter of the selected tab and the search text. */
    ControlFilter filter() {
        Show show = tabs.getSelectedTab() == null ? Show.ACTIVE : shows.get(tabs.getSelectedTab());
        String text = search.getValue() == null || search.getValue().isBlank() ? null : search.getValue().strip();
        return switch (show) {
            case ACTIVE -> new ControlFilter("ACTIVE", null, null, null, text, null);
            case EXPIRING -> new ControlFilter(null, warnDays, null, null, text, null);
            case EXPIRED -> new ControlFilter(null, null, true, null, text, null);
            case WITHDRAWN -> new ControlFilter("WITHDRAWN", null, null, null, text, null);
            case ALL -> new ControlFilter(null, null, null, null, text, null);
        };
    }

    void refresh() {
        long n = controls.count(filter());
        count.setText(String.format(Locale.ROOT, "%,d control%s", n, n == 1 ? "" : "s"));
        grid.getDataProvider().refreshAll();
    }

    /** Selects a tab (the tests use it). */
    void show(Show s) {
        shows.forEach((tab, value) -> {
            if (value == s) {
                tabs.setSelectedTab(tab);
            }
        });
    }
}
