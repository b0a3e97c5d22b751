package org.patchcare.shared.ui;

import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import org.patchcare.shared.domain.PayloadTooLargeException;

/**
 * The size limit of an upload component, said in the browser: a larger file is refused before it is sent, with
 * "File too large (max 20 MB)" in the file list and in the rejection event's message (docs/security.md V12).
 */
public final class UploadLimits {

    private UploadLimits() {
    }

    /** The message for a file over {@code maxBytes}. */
    public static String tooLarge(long maxBytes) {
        return "File too large (max " + PayloadTooLargeException.size(maxBytes) + ")";
    }

    public static Upload limit(Upload upload, long maxBytes) {
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setI18n(new UploadI18N().setError(new UploadI18N.Error().setFileIsTooBig(tooLarge(maxBytes))));
        return upload;
    }
}
