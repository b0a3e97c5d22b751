package org.patchcare.advisories.application;

import org.junit.jupiter.api.Test;
import org.patchcare.testsupport.TestData;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EpssFileReaderTest {

    private static final String REAL = "epss/epss_scores-2026-09-29.first100rows.csv";

    private static List<EpssFileReader.Row> all(EpssFileReader r) {
        List<EpssFileReader.Row> rows = new ArrayList<>();
        for (EpssFileReader.Row row = r.next(); row != null; row = r.next()) {
            rows.add(row);
        }
        return rows;
    }

    private static EpssFileReader reader(String text) throws Exception {
        return new EpssFileReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reads_the_model_version_the_score_date_and_every_row_of_a_real_file() throws Exception {
        try (InputStream in = Files.newInputStream(TestData.file(REAL)); EpssFileReader r = new EpssFileReader(in)) {
            assertThat(r.modelVersion()).isEqualTo("v2026.06.15");
            assertThat(r.scoreDate()).isEqualTo(LocalDate.of(2026, 9, 29));
            List<EpssFileReader.Row> rows = all(r);
            assertThat(rows).hasSize(101); // the comment line, the header and 101 scores
            assertThat(rows.getLast().cveId()).isEqualTo("CVE-1999-0102");
            assertThat(rows.getFirst()).isEqualTo(new EpssFileReader.Row("CVE-1999-0001", new BigDecimal("0.03351"),
                    new BigDecimal("0.88255")));
            assertThat(r.problems()).isEmpty();
        }
    }

    @Test
    void a_gzipped_file_as_first_serves_it_is_unpacked_on_the_fly() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(Files.readAllBytes(TestData.file(REAL)));
        }
        try (EpssFileReader r = new EpssFileReader(new ByteArrayInputStream(gz.toByteArray()))) {
            assertThat(all(r)).hasSize(101);
        }
    }

    @Test
    void bad_rows_are_listed_with_their_line_numbers() throws Exception {
        try (EpssFileReader r = reader("""
                #model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z
                cve,epss,percentile
                CVE-2024-0001,0.5,0.9
                CVE-2024-0002,1.5,0.9
                NOT-A-CVE,0.1,0.2
                CVE-2024-0003,0.1
                CVE-2024-0004,0.00012,0.1
                """)) {
            assertThat(all(r)).extracting(EpssFileReader.Row::cveId).containsExactly("CVE-2024-0001", "CVE-2024-0004");
            assertThat(r.problems()).extracting(FeedProblem::where).containsExactly("line 4", "line 5", "line 6");
            assertThat(r.problems().getFirst().message()).contains("from 0 to 1");
            assertThat(r.badRows()).isEqualTo(3);
        }
    }

    @Test
    void a_file_without_the_model_line_is_not_an_epss_file() {
        assertThatThrownBy(() -> reader("cve,epss,percentile\nCVE-2024-0001,0.5,0.9\n"))
                .isInstanceOfSatisfying(EpssFileReader.InvalidEpssFileException.class, e -> {
                    assertThat(e.problem().where()).isEqualTo("line 1");
                    assertThat(e.problem().message()).contains("#model_version").contains("starts with the header");
                });
    }

    @Test
    void the_other_kev_epss_layout_is_refused() throws Exception {
        try (InputStream in = Files.newInputStream(TestData.file("epss/epss_kev_nvd.csv"))) {
            assertThatThrownBy(() -> new EpssFileReader(in)).isInstanceOf(EpssFileReader.InvalidEpssFileException.class)
                    .hasMessageContaining("not a FIRST EPSS file");
        }
    }

    @Test
    void a_wrong_header_is_named() {
        assertThatThrownBy(() -> reader("#model_version:v1,score_date:2026-09-29T12:00:22Z\ncve,score\n"))
                .isInstanceOf(EpssFileReader.InvalidEpssFileException.class).hasMessageContaining("line 2");
    }

    @Test
    void a_gzip_bomb_is_cut_off_at_the_unpacked_limit_with_413() throws Exception {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(packed)) {
            gz.write("#model_version:v2025.03.14,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\n"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] row = "CVE-2024-0001,0.5,0.5\n".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200_000; i++) {
                gz.write(row); // 4.4 MB unpacked, a few KB packed
            }
        }
        assertThat(packed.size()).isLessThan(100_000);
        assertThatThrownBy(() -> {
            try (EpssFileReader r = new EpssFileReader(new ByteArrayInputStream(packed.toByteArray()), 1024 * 1024)) {
                while (r.next() != null) {
                    // read to the end
                }
            }
        }).isInstanceOf(org.patchcare.shared.domain.PayloadTooLargeException.class).hasMessageContaining("1 MB");
    }

    @Test
    void a_plain_file_over_the_limit_is_refused_too() {
        byte[] big = ("#model_version:v2025.03.14,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\n"
                + "CVE-2024-0001,0.5,0.5\n".repeat(60_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> {
            try (EpssFileReader r = new EpssFileReader(new ByteArrayInputStream(big), 1024 * 1024)) {
                while (r.next() != null) {
                    // read to the end
                }
            }
        }).isInstanceOf(org.patchcare.shared.domain.PayloadTooLargeException.class);
    }
}
