package org.patchcare.inventory.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.inventory.application.DeviceImportError;
import org.patchcare.inventory.application.DeviceImportProgress;
import org.patchcare.inventory.application.DeviceImportReport;
import org.patchcare.inventory.application.DeviceImportService;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;
import org.patchcare.shared.ui.UserMessage;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Device CSV import: upload a file, see the dry run (counts and every problem with its row), then import it in one go.
 * The work runs in the background ({@link DeviceImportService#importInBackground}); the screen polls for progress
 * while it runs (no server push needed).
 */
@Route(value = "devices/import", layout = MainLayout.class)
@PageTitle("Import devices · PatchCare")
@RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
public class DeviceImportView extends VerticalLayout {

    static final int POLL_MILLIS = 500;

    private final DeviceImportService imports;
    private final Upload upload;
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final Span summary = new Span();
    private final Grid<DeviceImportError> errors = new Grid<>(DeviceImportError.class, false);
    private final Button importButton = new Button("Import", VaadinIcon.CHECK.create());
    private final Button discardButton = new Button("Choose another file");
    private Path file;
    private String fileName;
    private boolean running;

    @Inject
    public DeviceImportView(DeviceImportService imports) {
        this.imports = imports;
        setSizeFull();
        long maxBytes = imports.limits().maxBytes();

        Anchor template = new Anchor("templates/devices-template.csv", "Download the CSV template");
        template.setRouterIgnore(true);
        template.getElement().setAttribute("download", "devices-template.csv");
        template.setId("import-template");
        Paragraph help = new Paragraph("One device per row, UTF-8 encoded, the header row as in the template. "
                + "A row whose asset tag exists updates that device; columns you leave out keep their values. "
                + "Dates as YYYY-MM-DD, yes/no for stores_phi. You first see a dry run: nothing is written until you "
                + "press Import, and then either every row is imported or none.");
        help.addClassName("pc-muted");

        upload = new Upload(UploadHandler.toTempFile(this::uploaded));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        org.patchcare.shared.ui.UploadLimits.limit(upload, maxBytes);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setDropAllowed(true);
        upload.addFileRejectedListener(e -> Notification.show(e.getErrorMessage()
                + (e.getErrorMessage().equals(org.patchcare.shared.ui.UploadLimits.tooLarge(maxBytes)) ? ""
                : " (a .csv file of at most " + (maxBytes / (1024 * 1024)) + " MB)"), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR));

        progress.setVisible(false);
        progress.setId("import-progress");
        progressText.setId("import-progress-text");
        progressText.addClassName("pc-muted");
        summary.setId("import-summary");

        errors.setId("import-errors");
        errors.addColumn(e -> e.row() == null ? "file" : String.valueOf(e.row())).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(e -> e.column() == null ? "" : e.column()).setHeader("Column").setAutoWidth(true).setFlexGrow(0);
        errors.addColumn(DeviceImportError::message).setHeader("Problem").setFlexGrow(1);
        errors.setVisible(false);
        errors.setAllRowsVisible(false);

        importButton.setId("import-commit");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(e -> run(false));
        discardButton.setId("import-discard");
        discardButton.setVisible(false);
        discardButton.addClickListener(e -> reset());

        add(new H2("Import devices from CSV"), help, template, upload, progress, progressText, summary,
                new HorizontalLayout(importButton, discardButton), errors);
        setFlexGrow(1, errors);
    }

    private void uploaded(com.vaadin.flow.server.streams.UploadMetadata meta, File tempFile) {
        UI ui = getUI().orElseThrow();
        ui.access(() -> {
            deleteFile();
            file = tempFile.toPath();
            fileName = meta.fileName();
            upload.clearFileList();
            run(true);
        });
    }

    /** Starts a dry run or the import of the uploaded file in the background. */
    private void run(boolean dryRun) {
        if (file == null || running) {
            return;
        }
        UI ui = UI.getCurrent();
        running = true;
        importButton.setEnabled(false);
        upload.setVisible(false);
        discardButton.setVisible(false);
        progress.setVisible(true);
        progress.setIndeterminate(false);
        progress.setValue(0);
        progressText.setText((dryRun ? "Checking " : "Importing ") + fileName + " …");
        summary.setText("");
        ui.setPollInterval(POLL_MILLIS);
        imports.importInBackground(file, dryRun, new DeviceImportProgress() {
            @Override
            public void progress(long rows, long bytesRead, long totalBytes) {
                ui.access(() -> {
                    if (totalBytes > 0) {
                        progress.setValue(Math.min(1.0, bytesRead / (double) totalBytes));
                    } else {
                        progress.setIndeterminate(true);
                    }
                    progressText.setText(String.format(Locale.ROOT, "%s %s: %,d rows", dryRun ? "Checking" : "Importing",
                            fileName, rows));
                });
            }

            @Override
            public void finished(DeviceImportReport report) {
                ui.access(() -> done(ui, report));
            }

            @Override
            public void failed(RuntimeException problem) {
                ui.access(() -> {
                    stop(ui);
                    UserMessage m = UserMessage.of(problem);
                    summary.setText(m.text());
                    Notification.show(m.text(), 8000, Notification.Position.MIDDLE)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                    reset();
                });
            }
        });
    }

    private void done(UI ui, DeviceImportReport report) {
        stop(ui);
        summary.setText(report.summary() + (report.moreErrors() > 0
                ? " The first " + report.errors().size() + " problems are listed; " + report.moreErrors() + " more not shown."
                : ""));
        errors.setItems(report.errors());
        errors.setVisible(!report.errors().isEmpty());
        if (report.committed()) {
            Notification.show(report.summary(), 6000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            deleteFile();
            upload.setVisible(true);
            return;
        }
        boolean clean = report.dryRun() && report.valid() && report.rows() > 0;
        importButton.setEnabled(clean);
        importButton.setText(clean ? String.format(Locale.ROOT, "Import %,d rows", report.rows()) : "Import");
        discardButton.setVisible(true);
        upload.setVisible(!clean);
    }

    private void stop(UI ui) {
        running = false;
        progress.setVisible(false);
        progressText.setText("");
        ui.setPollInterval(-1);
    }

    private void reset() {
        deleteFile();
        importButton.setEnabled(false);
        importButton.setText("Import");
        discardButton.setVisible(false);
        upload.setVisible(true);
        errors.setVisible(false);
        errors.setItems();
    }

    private void deleteFile() {
        if (file != null && !running) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not delete the uploaded file " + file, e);
            }
            file = null;
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        super.onDetach(detachEvent);
        deleteFile();
    }
}
