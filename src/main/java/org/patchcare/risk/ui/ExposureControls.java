package org.patchcare.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.AttachmentView;
import org.patchcare.risk.application.MitigationViews.ControlFilter;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.shared.domain.Roles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Controls tab of an exposure: the compensating controls attached to it (expired and withdrawn ones struck
 * through), and for IT security and administrators "Attach control…". {@code changed} runs after attaching: the
 * exposure was decided again.
 */
class ExposureControls extends VerticalLayout {

    final Grid<ControlView> grid = new Grid<>();
    final Button attach = new Button("Attach control…", VaadinIcon.SHIELD.create());

    ExposureControls(ControlService controls, String exposureId, Runnable changed) {
        setPadding(false);
        setId("controls-section");
        List<ControlView> attached = controls.list(new ControlFilter(null, null, null, null, null, exposureId),
                new PageRequest(0, 100, null, true));
        Map<String, String> points = new LinkedHashMap<>();
        for (ControlView c : attached) {
            points.put(c.id(), controls.get(c.id()).attachments().stream()
                    .filter(a -> a.exposureId().equals(exposureId)).map(AttachmentView::pointLabel)
                    .findFirst().orElse("—"));
        }
        grid.setId("exposure-controls");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ControlView::typeLabel).setHeader("Type").setKey("type").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(ExposureControls::title)).setHeader("Control").setKey("title")
                .setFlexGrow(2);
        grid.addColumn(c -> points.get(c.id())).setHeader("Lowers").setKey("point").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(ExposureControls::status)).setHeader("Status").setKey("status")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> Formats.date(c.expiresOn()) + " (" + RiskBadges.relative(c.daysToExpiry()) + ")")
                .setHeader("Expires").setKey("expiresOn").setAutoWidth(true).setFlexGrow(0);
        grid.setItems(attached);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No compensating control is attached to this exposure.");
        add(grid);
        if (Caller.hasRole(Roles.IT_SECURITY) || Caller.hasRole(Roles.ADMIN)) {
            attach.setId("exposure-attach-control");
            attach.setTooltipText("Record a compensating control (e.g. a firewall rule) that lowers this exposure");
            attach.addClickListener(e -> {
                AttachControlDialog d = new AttachControlDialog(controls, List.of(exposureId));
                d.addSavedListener(s -> changed.run());
                d.open();
            });
            add(attach);
        }
    }

    /** Expired (also past its date but not yet marked) and withdrawn controls no longer count: struck through. */
    static boolean counts(ControlView c) {
        return "ACTIVE".equals(c.status()) && c.daysToExpiry() >= 0;
    }

    private static Div title(ControlView c) {
        Span main = new Span(c.title());
        main.addClassName("pc-cell-main");
        Span ref = new Span(c.reference() == null ? c.scopeLabel() : c.reference() + " · " + c.scopeLabel());
        ref.addClassName("pc-cell-sub");
        Div box = new Div(main, ref);
        box.addClassName("pc-two-lines");
        if (!counts(c)) {
            box.addClassName("pc-inactive");
        }
        return box;
    }

    private static Span status(ControlView c) {
        if ("ACTIVE".equals(c.status()) && c.daysToExpiry() < 0) {
            Span s = new Span("Expired");
            s.addClassNames("pc-badge", "pc-control", "expired");
            return s;
        }
        return RiskBadges.control(c);
    }
}
