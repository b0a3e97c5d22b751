package org.patchcare.patching.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.patching.application.PatchService;
import org.patchcare.patching.application.PatchViews.DeviceWork;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.application.PatchViews.RequestWork;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.ZoneId;
import java.util.Locale;

/**
 * The device-by-device work of a change request: one line per device with where its work stands and the buttons
 * the service allows now (Start, Record work…, Verify…, Roll back…, Attachments…). It opens the dialogs and wires
 * their events to {@link PatchService}; field refusals stay in the dialog, a stale version offers "Reload", anything
 * else goes to the UI's one error handler. After each change the request is shown again ({@code changed}), because
 * the request's own state may have moved (in progress, completed, failed, rolled back).
 */
public class PatchWorkPanel extends Div {

    private final PatchService service;
    private final ZoneId zone;
    private final Runnable changed;
    private RequestWork work;

    public PatchWorkPanel(PatchService service, String changeRequestId, ZoneId zone, Runnable changed) {
        this.service = service;
        this.zone = zone;
        this.changed = changed;
        setId("patch-work");
        addClassName("pc-patch-work");
        show(service.work(changeRequestId));
    }

    RequestWork work() {
        return work;
    }

    void show(RequestWork w) {
        work = w;
        removeAll();
        if (w.devices().isEmpty()) {
            add(new Paragraph("This request names no device."));
            return;
        }
        if (w.requestStatus().equals("SCHEDULED")) {
            Paragraph hint = new Paragraph("Start the work on a device when you take it off the ward; the request is "
                    + "then in progress. Record what you did, then verify the device before it goes back into use.");
            hint.addClassName("pc-muted");
            add(hint);
        }
        for (DeviceWork d : w.devices()) {
            add(line(d));
        }
    }

    private Div line(DeviceWork d) {
        Div line = new Div();
        line.setId("work-" + d.assetTag());
        line.addClassName("pc-work-line");
        PatchRecordView r = d.record();
        Span state = new Span(r == null ? "Not started" : r.status().label());
        state.addClassNames("pc-badge", "pc-patch-status", r == null ? "not-started" : PatchFormats.css(r.status()));
        state.setId("work-state-" + d.assetTag());
        line.add(new Anchor("devices/" + d.assetTag(), d.assetTag()), new Span(" · " + (d.deviceName() == null ? ""
                : d.deviceName()) + " · " + (d.deviceStatus() == null ? "" : d.deviceStatus().toLowerCase(Locale.ROOT)
                .replace('_', ' ')) + " "), state);
        if (r != null) {
            Div what = new Div(new Span(PatchFormats.what(r)));
            what.addClassName("pc-work-what");
            Div steps = new Div(new Span(PatchFormats.steps(r, zone)));
            steps.addClassName("pc-muted");
            line.add(what, steps);
            if (r.functionalCheck() != null) {
                line.add(new Div(new Span("Check: " + r.functionalCheck())));
            }
            if (r.rollbackRestored() != null) {
                line.add(new Div(new Span("Restored: " + r.rollbackRestored())));
            }
        }
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.getStyle().set("flex-wrap", "wrap");
        if (d.allowedActions().contains("start")) {
            buttons.add(button("Start", "start", d, ButtonVariant.LUMO_PRIMARY, () -> start(d)));
        }
        if (r != null) {
            if (r.allowedActions().contains("record")) {
                buttons.add(button("Record work…", "record", d, r.status().name().equals("IN_PROGRESS")
                        ? ButtonVariant.LUMO_PRIMARY : null, () -> openRecord(r)));
            }
            if (r.allowedActions().contains("verify")) {
                buttons.add(button("Verify…", "verify", d, ButtonVariant.LUMO_PRIMARY, () -> openVerify(r)));
            }
            if (r.allowedActions().contains("roll-back")) {
                buttons.add(button("Roll back…", "roll-back", d, ButtonVariant.LUMO_ERROR, () -> openRollBack(r)));
            }
            if (r.attachments() > 0 || r.allowedActions().contains("attach")) {
                buttons.add(button("Attachments (" + r.attachments() + ")…", "attachments", d, null,
                        () -> openAttachments(r)));
            }
        }
        if (buttons.getComponentCount() > 0) {
            line.add(buttons);
        }
        return line;
    }

    private static Button button(String label, String key, DeviceWork d, ButtonVariant variant, Runnable click) {
        Button b = new Button(label, e -> click.run());
        b.setId(key + "-" + d.assetTag());
        if (variant != null) {
            b.addThemeVariants(variant);
        }
        return b;
    }

    private void refresh() {
        changed.run();
    }

    void start(DeviceWork d) {
        try {
            service.start(work.changeRequestId(), d.assetTag(), null);
            Notices.saved("Work on " + d.assetTag() + " started; the device is out of service.");
            refresh();
        } catch (ConflictException e) {
            Notices.conflict(e.getMessage(), this::refresh);
        }
    }

    void openRecord(PatchRecordView r) {
        RecordWorkDialog dialog = new RecordWorkDialog(r);
        dialog.addSaveListener(e -> save(dialog, () -> service.record(r.id(), r.version(), e.value()),
                after -> "Work on " + r.assetTag() + " recorded: " + PatchFormats.result(after) + "."));
        dialog.open();
    }

    void openVerify(PatchRecordView r) {
        VerifyDialog dialog = new VerifyDialog(r);
        dialog.addSaveListener(e -> save(dialog, () -> service.verify(r.id(), r.version(), e.value().functionalCheck(),
                e.value().returnedToService()), after -> r.assetTag() + " verified and back in service."));
        dialog.open();
    }

    void openRollBack(PatchRecordView r) {
        RollBackDialog dialog = new RollBackDialog(r);
        dialog.addSaveListener(e -> save(dialog, () -> service.rollBack(r.id(), r.version(), e.value().restored(),
                e.value().notes()), after -> r.assetTag() + " rolled back and back in service."));
        dialog.open();
    }

    void openAttachments(PatchRecordView r) {
        AttachmentsDialog dialog = new AttachmentsDialog(r.assetTag(), service.attachments(r.id()),
                r.allowedActions().contains("attach"), id -> service.attachment(r.id(), id));
        wire(dialog, service, r.id());
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                refresh();
            }
        });
        dialog.open();
    }

    /** Stores each file the dialog receives and shows the new list; a refused file is explained. */
    static void wire(AttachmentsDialog dialog, PatchService service, String recordId) {
        dialog.addUploadedListener(e -> {
            try {
                service.addAttachment(recordId, e.fileName(), e.contentType(), e.content());
                Notices.saved(e.fileName() + " attached.");
            } catch (InvalidInputException ex) {
                Notices.warning(e.fileName() + ": " + String.join(" ", ex.violations().stream()
                        .map(InvalidInputException.Violation::message).toList()));
            }
            dialog.show(service.attachments(recordId));
        });
    }

    private void save(PatchDialog<?> dialog, java.util.function.Supplier<PatchRecordView> call,
                      java.util.function.Function<PatchRecordView, String> done) {
        try {
            PatchRecordView after = call.get();
            dialog.close();
            Notices.saved(done.apply(after));
            refresh();
        } catch (InvalidInputException e) {
            dialog.refused(e);
        } catch (ConflictException e) {
            Notices.conflict(e.getMessage(), () -> {
                dialog.close();
                refresh();
            });
        }
    }
}
