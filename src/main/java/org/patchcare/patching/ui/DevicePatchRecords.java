package org.patchcare.patching.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.patching.application.PatchFilter;
import org.patchcare.patching.application.PatchService;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The device page's patch records: every piece of work on the device, planned or unplanned, newest first (a lazy
 * grid), each with its files; and "Record unplanned work…" for those who do the work.
 */
public class DevicePatchRecords extends VerticalLayout {

    final Grid<PatchRecordView> grid = new Grid<>(PatchRecordView.class, false);
    private final PatchService service;
    private final String assetTag;
    private final ZoneId zone;

    public DevicePatchRecords(PatchService service, String assetTag, ZoneId zone) {
        this.service = service;
        this.assetTag = assetTag;
        this.zone = zone;
        setPadding(false);
        setId("device-patches");
        Paragraph hint = new Paragraph("Software updates and controls applied to this device, inside change requests "
                + "or recorded afterwards as unplanned work.");
        hint.addClassName("pc-muted");
        grid.setId("device-patch-grid");
        grid.addColumn(r -> PatchFormats.when(r.performedAt() != null ? r.performedAt() : r.startedAt(), zone))
                .setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(r -> r.unplanned() || r.changeRequestId() == null ? new Span("Unplanned")
                : new Anchor("change-requests/" + r.changeRequestId(), r.changeRequestReference()))
                .setHeader("Request").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PatchFormats::what).setHeader("What was done").setFlexGrow(2)
                .setTooltipGenerator(PatchFormats::what);
        grid.addColumn(r -> r.status().label()).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> r.verifiedBy() == null ? "" : r.verifiedBy() + ", " + PatchFormats.when(r.verifiedAt(),
                zone)).setHeader("Verified").setAutoWidth(true);
        grid.addComponentColumn(r -> {
            Button b = new Button("Files (" + r.attachments() + ")", e -> openAttachments(r));
            b.setId("files-" + r.id());
            return b;
        }).setHeader("Files").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No patch work recorded on this device.");
        grid.setItems(q -> service.list(PatchFilter.device(assetTag), new PageRequest(q.getOffset(), q.getLimit(),
                null, true)).stream(), q -> (int) Math.min(Integer.MAX_VALUE, service.count(PatchFilter.device(assetTag))));
        add(hint, grid);
    }

    public void refresh() {
        grid.getDataProvider().refreshAll();
    }

    void openAttachments(PatchRecordView r) {
        AttachmentsDialog dialog = new AttachmentsDialog(r.assetTag(), service.attachments(r.id()),
                r.allowedActions().contains("attach"), id -> service.attachment(r.id(), id));
        PatchWorkPanel.wire(dialog, service, r.id());
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refresh();
            }
        });
        dialog.open();
    }

    /** Opens "Record unplanned work…" for the device; {@code done} runs after it was recorded. */
    public static UnplannedWorkDialog openUnplanned(PatchService service, String assetTag, String currentVersion,
                                                    ZoneId zone, Clock clock, Runnable done) {
        UnplannedWorkDialog dialog = new UnplannedWorkDialog(assetTag, currentVersion, zone, clock);
        dialog.addSaveListener(e -> {
            try {
                service.recordUnplanned(assetTag, e.value());
                dialog.close();
                Notices.saved("Unplanned work on " + assetTag + " recorded.");
                done.run();
            } catch (InvalidInputException ex) {
                dialog.refused(ex);
            }
        });
        dialog.open();
        return dialog;
    }
}
