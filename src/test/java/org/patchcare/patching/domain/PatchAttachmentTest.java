package org.patchcare.patching.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What a patch record keeps as a file: allowed types with matching endings, at most 10 MB, with its SHA-256. */
class PatchAttachmentTest {

    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void keeps_a_pdf_with_its_size_and_sha256_and_drops_the_folder_a_browser_sent() {
        byte[] pdf = "%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII);
        PatchAttachment a = new PatchAttachment(1, "C:\\scans\\report.pdf", "application/pdf; charset=binary", pdf,
                "biomed", NOW);
        assertThat(a.getFileName()).isEqualTo("report.pdf");
        assertThat(a.getContentType()).isEqualTo("application/pdf");
        assertThat(a.getSizeBytes()).isEqualTo(15);
        assertThat(a.getSha256()).isEqualTo(org.patchcare.shared.domain.Digests.hex("SHA-256", pdf)).hasSize(64);
        assertThat(a.getContent()).isEqualTo(pdf);
    }

    @Test
    void refuses_a_type_outside_the_allow_list_and_an_ending_that_does_not_match_its_type() {
        InvalidInputException exe = catchThrowableOfType(InvalidInputException.class,
                () -> PatchAttachment.check("tool.exe", "application/x-msdownload", new byte[]{1}));
        assertThat(exe.violations().getFirst().field()).isEqualTo("contentType");
        InvalidInputException html = catchThrowableOfType(InvalidInputException.class,
                () -> PatchAttachment.check("page.html", "text/html", new byte[]{1}));
        assertThat(html.violations().getFirst().field()).isEqualTo("contentType");
        InvalidInputException disguised = catchThrowableOfType(InvalidInputException.class,
                () -> PatchAttachment.check("report.exe", "application/pdf", new byte[]{1}));
        assertThat(disguised.violations().getFirst().field()).isEqualTo("fileName");
    }

    @Test
    void refuses_an_empty_file_and_one_over_ten_megabytes_but_takes_exactly_ten() {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> PatchAttachment.check("a.txt", "text/plain", new byte[0])).violations().getFirst().field())
                .isEqualTo("file");
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> PatchAttachment.check("a.txt", "text/plain", new byte[(int) PatchAttachment.MAX_BYTES + 1]))
                .getMessage()).contains("larger than 10 MB");
        PatchAttachment.check("a.txt", "text/plain", new byte[(int) PatchAttachment.MAX_BYTES]);
    }
}
