package org.patchcare.shared.ui;

import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UploadLimitsTest {

    @Test
    void an_upload_refuses_larger_files_and_says_the_limit() {
        Upload upload = UploadLimits.limit(new Upload(), 20L * 1024 * 1024);
        assertThat(upload.getMaxFileSize()).isEqualTo(20 * 1024 * 1024);
        assertThat(upload.getI18n().getError().getFileIsTooBig()).isEqualTo("File too large (max 20 MB)");
        assertThat(UploadLimits.tooLarge(10_000)).isEqualTo("File too large (max 10,000 bytes)");
    }
}
