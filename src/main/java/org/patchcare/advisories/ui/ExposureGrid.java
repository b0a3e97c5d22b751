package org.patchcare.advisories.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews.ExposureView;

import java.util.List;

/** The exposure grid of the advisory and device screens. */
public final class ExposureGrid {

    private ExposureGrid() {
    }

    /**
     * @param byDevice true on an advisory's screen (one row per device and CVE, device first); false on a device's
     *                 screen (advisory first)
     */
    public static Grid<ExposureView> create(List<ExposureView> items, boolean byDevice) {
        return create(items, byDevice, null, null);
    }

    /**
     * As {@link #create(List, boolean)}; when {@code exposures} is given and the user is IT security or administrator,
     * clicking a row opens the dialog that sets its VEX state, and {@code changed} runs after a change.
     */
    public static Grid<ExposureView> create(List<ExposureView> items, boolean byDevice, ExposureService exposures,
                                            Runnable changed) {
        Grid<ExposureView> g = new Grid<>();
        g.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        if (byDevice) {
            g.addColumn(new ComponentRenderer<>(e -> new Anchor("devices/" + e.assetTag(), e.assetTag())))
                    .setHeader("Device").setAutoWidth(true).setFlexGrow(0);
            g.addColumn(e -> e.manufacturer() + " " + e.model()).setHeader("Model").setFlexGrow(1);
            g.addColumn(ExposureView::department).setHeader("Dept.").setAutoWidth(true).setFlexGrow(0);
        } else {
            g.addColumn(new ComponentRenderer<>(e -> new Anchor("advisories/" + e.trackingId(), e.trackingId())))
                    .setHeader("Advisory").setAutoWidth(true).setFlexGrow(0);
            g.addColumn(ExposureView::advisoryTitle).setHeader("Title").setFlexGrow(2)
                    .setTooltipGenerator(ExposureView::advisoryTitle);
        }
        g.addColumn(ExposureView::softwareVersion).setHeader("Software").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(ExposureView::cve).setHeader("CVE").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(new ComponentRenderer<>(e -> AdvisoryFormats.cvssAndKev(e.cvss(), e.kev()))).setHeader("CVSS").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(new ComponentRenderer<>(e -> AdvisoryFormats.state(e.state(), e.stateLabel())))
                .setHeader("State").setAutoWidth(true).setFlexGrow(0);
        g.addColumn(e -> e.certainty().toLowerCase()).setHeader("Match").setAutoWidth(true).setFlexGrow(0)
                .setTooltipGenerator(ExposureView::matchReason);
        g.addColumn(e -> e.stateReason() == null ? "" : e.stateReason()).setHeader("Why").setFlexGrow(2)
                .setTooltipGenerator(e -> e.stateReason() == null ? "" : e.stateReason());
        g.setItems(items);
        if (exposures != null && AdvisoryListView.mayImport()) {
            g.addItemClickListener(e -> new ExposureStateDialog(exposures, e.getItem(),
                    changed == null ? () -> { } : changed).open());
            g.getElement().setAttribute("title", "Click a row to set its state");
        }
        g.setHeight(items.size() > 12 ? "28em" : null);
        g.setAllRowsVisible(items.size() <= 12);
        return g;
    }
}
