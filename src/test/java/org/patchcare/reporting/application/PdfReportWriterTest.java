package org.patchcare.reporting.application;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class PdfReportWriterTest {

    /** The text of every page, lines joined by spaces (the table wraps cells across lines). */
    private static String text(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor x = new PdfTextExtractor(reader);
            StringBuilder sb = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                sb.append(x.getTextFromPage(p)).append('\n');
            }
            return sb.toString().replaceAll("\\s+", " ");
        }
    }

    private static byte[] report(int rows, int cap) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReportWriter w = new PdfReportWriter(out, cap);
        w.header(ReportFixtures.header(rows));
        for (int i = 0; i < rows; i++) {
            w.row(ReportFixtures.row(String.format("BME-%06d", i), i == 0 ? "risk accepted until 2027-01-01" : "", i == 0));
        }
        w.end();
        return out.toByteArray();
    }

    @Test
    void states_scope_authorship_freshness_counts_the_formula_and_the_rows() throws IOException {
        String t = text(report(12, 2000));
        assertThat(t).contains("Exposure report", "Department ICU - Intensive Care Unit (St. Elsewhere General Hospital)",
                "Generated 2026-11-24 09:30 UTC by itsec");
        assertThat(t).contains("Data freshness:", "decisions last evaluated 2026-11-24 09:27 UTC",
                "KEV catalogue loaded 2026-11-23 06:00 UTC", "EPSS scores loaded never");
        // table cells come out of the extractor without separators: compare without spaces
        String compact = t.replace(" ", "");
        assertThat(compact).contains("Openexposures12includingacceptedrisks", "Immediate2SSVC", "Out-of-cycle5SSVC",
                "Scheduled3SSVC", "Defer2SSVC", "Overdue3open", "Riskaccepted1approved", "Withcompensatingcontrols4an",
                "Exposeddevices7of42devices", "Devicespastendofsupport6of42devices");
        assertThat(t).contains("How the score is computed", "capped at 100",
                "none 0, public PoC 15, active 30",
                "low 0, medium 8, high 17, very high 25", "small 0, controlled 10, open 20", "no 0, yes 10",
                "immediate 72 hours, out-of-cycle 14 days, scheduled 90 days, defer 365 days");
        assertThat(compact).contains("BME-000000BaxterExactaMix2400ICUMain/3/3.14ICSMA-20-170-01CVE-2017-0143"
                + "out-of-cycle772026-12-01yesAffectedriskaccepteduntil2027-01-01");
        assertThat(t).contains("End of the report: 12 open exposures.");
        assertThat(t).doesNotContain("The CSV export of the same scope has all of them");
    }

    @Test
    void caps_a_long_table_and_says_that_the_csv_has_every_row() throws IOException {
        String t = text(report(260, 250));
        assertThat(t).contains("This PDF lists the first 250 of 260 open exposures. The CSV export of the same scope "
                + "has all of them.");
        assertThat(t).contains("BME-000249").doesNotContain("BME-000250");
        assertThat(t).contains("End of the first 250 rows; 10 more in the CSV export.");
    }

    @Test
    void says_so_when_the_scope_has_no_open_exposure() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfReportWriter w = new PdfReportWriter(out, 10);
        ReportViews.Header h = ReportFixtures.header(9);
        w.header(new ReportViews.Header(h.scope(), h.generatedAt(), h.generatedBy(), h.freshness(),
                new ReportViews.Summary(0, java.util.Map.of(), 0, 0, 0, 0, 3, 0), h.formula()));
        w.end();
        assertThat(text(out.toByteArray())).contains("No open exposures in this scope.", "End of the report: 0 open exposures.");
    }
}
