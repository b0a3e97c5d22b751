package org.patchcare.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.MitigationViews.AcceptanceFilter;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Risk acceptances: those waiting for the caller's decision first (a clinical manager sees the requests of their
 * departments, IT security all), then requested, approved and all. Approve and reject take a comment; the requester
 * may withdraw. Clinical managers see their departments only.
 */
@Route(value = "acceptances", layout = MainLayout.class)
@PageTitle("Risk acceptances · PatchCare")
@PermitAll
public class AcceptanceListView extends VerticalLayout {

    enum Show {
        AWAITING("Awaiting my decision"), REQUESTED("Requested"), APPROVED("Approved"), ALL("All");

        final String label;

        Show(String label) {
            this.label = label;
        }
    }

    private final AcceptanceService acceptances;
    final Tabs tabs = new Tabs();
    final Grid<AcceptanceView> grid = new Grid<>();
    final Span count = new Span();
    private final Map<Tab, Show> shows = new LinkedHashMap<>();

    @Inject
    public AcceptanceListView(AcceptanceService acceptances) {
        this(acceptances, Caller.hasRole(Roles.CLINICAL_MANAGER) || Caller.hasRole(Roles.IT_SECURITY));
    }

    AcceptanceListView(AcceptanceService acceptances, boolean mayDecide) {
        this.acceptances = acceptances;
        setSizeFull();
        H2 title = new H2("Risk acceptances");
        title.getStyle().set("margin", "0");
        count.setId("acceptance-count");
        count.addClassName("pc-muted");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph hint = new Paragraph("A risk acceptance takes an open exposure out of the work queue until its end "
                + "date. It needs two approvals: a clinical manager of the device's department and IT security, "
                + "neither of them the requester. When it ends, the exposure returns and its due date counts anew.");
        hint.addClassName("pc-muted");
        for (Show s : Show.values()) {
            if (s == Show.AWAITING && !mayDecide) {
                continue;
            }
            Tab tab = new Tab(s.label);
            tab.setId("acceptances-tab-" + s.name().toLowerCase(Locale.ROOT));
            shows.put(tab, s);
            tabs.add(tab);
        }
        tabs.addSelectedChangeListener(e -> refresh());
        configureGrid();
        add(header, hint, tabs, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("acceptance-grid");
        grid.setSizeFull();
        grid.setEmptyStateText("No risk acceptances here.");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(a -> a.assetTag() + " · " + a.cve()).setHeader("Exposure").setKey("exposure").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AcceptanceView::departmentName).setHeader("Department").setKey("department").setFlexGrow(1);
        grid.addColumn(AcceptanceView::reason).setHeader("Why").setKey("reason").setFlexGrow(3);
        grid.addColumn(a -> a.requestedBy() + ", " + Formats.dateTime(a.requestedAt())).setHeader("Requested")
                .setKey("requested").setFlexGrow(1);
        grid.addColumn(a -> Formats.date(a.expiresOn())).setHeader("Until").setKey("expiresOn").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> "clinical: " + (a.clinicalApprover() == null ? "—" : a.clinicalApprover())
                + " · IT security: " + (a.securityApprover() == null ? "—" : a.securityApprover()))
                .setHeader("Decided by").setKey("approvals").setFlexGrow(2);
        grid.addColumn(new ComponentRenderer<>(RiskBadges::acceptance)).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setKey("actions").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(q -> acceptances.list(filter(), new PageRequest(q.getOffset(),
                        Math.min(q.getLimit(), PageRequest.MAX_LIMIT), null, false)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, acceptances.count(filter())));
    }

    private HorizontalLayout actions(AcceptanceView a) {
        HorizontalLayout h = new HorizontalLayout();
        String what = a.cve() + " on " + a.assetTag() + " until " + a.expiresOn();
        if (a.awaitingYou()) {
            Button approve = new Button("Approve", e -> new CommentDialog("Approve risk acceptance",
                    "Accept the risk of " + what + ". Reason given: " + a.reason(), "Comment (optional)", false,
                    "Approve", c -> acceptances.approve(a.id(), c, a.version()), () -> done("Approved", a)).open());
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            approve.addClassName("acceptance-approve");
            Button reject = new Button("Reject", e -> new CommentDialog("Reject risk acceptance",
                    "Refuse to accept the risk of " + what + ".", "Why", true, "Reject",
                    c -> acceptances.reject(a.id(), c, a.version()), () -> done("Rejected", a)).open());
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            reject.addClassName("acceptance-reject");
            h.add(approve, reject);
        }
        if (a.withdrawableByYou()) {
            Button withdraw = new Button("Withdraw", e -> new CommentDialog("Withdraw risk acceptance",
                    "Take back your request for " + what + ".", "Why (optional)", false, "Withdraw",
                    c -> acceptances.withdraw(a.id(), c, a.version()), () -> done("Withdrawn", a)).open());
            withdraw.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            withdraw.addClassName("acceptance-withdraw");
            h.add(withdraw);
        }
        return h;
    }

    private void done(String what, AcceptanceView a) {
        Notices.saved(what + ": risk acceptance of " + a.cve() + " on " + a.assetTag() + ".");
        refresh();
    }

    AcceptanceFilter filter() {
        Show show = tabs.getSelectedTab() == null ? Show.ALL : shows.get(tabs.getSelectedTab());
        return switch (show) {
            case AWAITING -> new AcceptanceFilter(true, null, null);
            case REQUESTED -> new AcceptanceFilter(null, "REQUESTED", null);
            case APPROVED -> new AcceptanceFilter(null, "APPROVED", null);
            case ALL -> AcceptanceFilter.none();
        };
    }

    void refresh() {
        long n = acceptances.count(filter());
        count.setText(String.format(Locale.ROOT, "%,d risk acceptance%s", n, n == 1 ? "" : "s"));
        grid.getDataProvider().refreshAll();
    }

    void show(Show s) {
        shows.forEach((tab, value) -> {
            if (value == s) {
                tabs.setSelectedTab(tab);
            }
        });
    }
}
