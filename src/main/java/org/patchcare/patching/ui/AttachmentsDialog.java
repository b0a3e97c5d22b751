package org.patchcare.patching.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import org.patchcare.patching.application.PatchViews.AttachmentContent;
import org.patchcare.patching.application.PatchViews.AttachmentView;
import org.patchcare.patching.domain.PatchAttachment;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The files kept with a patch record: each with its size and SHA-256, downloadable; and, for those who do the work,
 * an upload (PDF, PNG, JPEG, text, CSV; at most 10 MB). A received file is handed to the screen as an
 * {@link UploadedEvent}; the screen stores it and shows the new list ({@link #show}).
 */
public class AttachmentsDialog extends Dialog {

    final Div list = new Div();
    final Upload upload;
    private final Function<String, AttachmentContent> download;

    public AttachmentsDialog(String assetTag, List<AttachmentView> attachments, boolean mayUpload,
                             Function<String, AttachmentContent> download) {
        this.download = download;
        setHeaderTitle("Attachments · " + assetTag);
        setId("attachments-dialog");
        setWidth("36em");
        setMaxWidth("100%");
        list.setId("attachments-list");
        add(list);
        show(attachments);
        upload = new Upload(UploadHandler.inMemory((meta, bytes) -> {
            UI ui = UI.getCurrent();
            if (ui == null) {
                received(meta.fileName(), meta.contentType(), bytes);
            } else {
                ui.access(() -> received(meta.fileName(), meta.contentType(), bytes));
            }
        }));
        upload.setId("attachment-upload");
        upload.setMaxFiles(5);
        org.patchcare.shared.ui.UploadLimits.limit(upload, PatchAttachment.MAX_BYTES);
        List<String> accepted = new java.util.ArrayList<>(PatchAttachment.ALLOWED_TYPES.keySet());
        PatchAttachment.ALLOWED_TYPES.values().forEach(accepted::addAll);
        upload.setAcceptedFileTypes(accepted.toArray(String[]::new));
        upload.addFileRejectedListener(e -> Notification.show(e.getErrorMessage(), 6000,
                Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_WARNING));
        if (mayUpload) {
            Paragraph hint = new Paragraph("Add the vendor's service report or a photo of the version screen: PDF, PNG, "
                    + "JPEG, text or CSV, at most 10 MB each.");
            hint.addClassName("pc-muted");
            add(hint, upload);
        }
        Button close = new Button("Close", e -> close());
        close.setId("attachments-close");
        getFooter().add(close);
    }

    /** A file arrived from the browser. */
    void received(String fileName, String contentType, byte[] bytes) {
        fireEvent(new UploadedEvent(this, fileName, contentType, bytes));
    }

    public void show(List<AttachmentView> attachments) {
        list.removeAll();
        if (attachments.isEmpty()) {
            list.add(new Span("No files yet."));
        }
        for (AttachmentView a : attachments) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                AttachmentContent c = download.apply(a.id());
                return new DownloadResponse(new ByteArrayInputStream(c.content()), a.fileName(), a.contentType(),
                        c.content().length);
            }), a.fileName());
            link.getElement().setAttribute("download", true);
            Span more = new Span(" · " + size(a.sizeBytes()) + " · " + a.uploadedBy() + " · SHA-256 "
                    + a.sha256().substring(0, 12) + "…");
            more.addClassName("pc-muted");
            more.getElement().setAttribute("title", "SHA-256 " + a.sha256());
            Div line = new Div(link, more);
            line.addClassName("pc-attachment");
            list.add(line);
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /** A file to keep with the record. */
    public static final class UploadedEvent extends ComponentEvent<AttachmentsDialog> {
        private final String fileName;
        private final String contentType;
        private final byte[] content;

        UploadedEvent(AttachmentsDialog source, String fileName, String contentType, byte[] content) {
            super(source, false);
            this.fileName = fileName;
            this.contentType = contentType;
            this.content = content;
        }

        public String fileName() { return fileName; }
        public String contentType() { return contentType; }
        public byte[] content() { return content; }
    }

    public Registration addUploadedListener(ComponentEventListener<UploadedEvent> listener) {
        return addListener(UploadedEvent.class, listener);
    }
}
