package org.patchcare.reporting.application;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReportWriterTest {

    private static List<CSVRecord> parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.charAt(0)).as("byte-order mark for Excel").isEqualTo('\uFEFF');
        try (CSVParser p = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            assertThat(p.getHeaderNames()).containsExactly(CsvReportWriter.COLUMNS);
            return p.getRecords();
        }
    }

    @Test
    void writes_one_row_per_exposure_with_the_report_columns_in_utf8_with_a_bom() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvReportWriter w = new CsvReportWriter(out);
        w.header(ReportFixtures.header(12));
        w.row(ReportFixtures.row("BME-000123", "control: IPS rule \"EternalBlue\" (IPS-77) until 2027-01-31", true));
        w.row(ReportFixtures.row("BME-000124", "", false));
        w.end();
        byte[] bytes = out.toByteArray();
        assertThat(bytes[0] & 0xFF).isEqualTo(0xEF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xBB);
        assertThat(bytes[2] & 0xFF).isEqualTo(0xBF);

        List<CSVRecord> rows = parse(bytes);
        assertThat(rows).hasSize(2);
        CSVRecord first = rows.getFirst();
        assertThat(first.get("Asset tag")).isEqualTo("BME-000123");
        assertThat(first.get("Manufacturer")).isEqualTo("Baxter");
        assertThat(first.get("Location")).isEqualTo("Main / 3 / 3.14");
        assertThat(first.get("CVE")).isEqualTo("CVE-2017-0143");
        assertThat(first.get("SSVC outcome")).isEqualTo("out-of-cycle");
        assertThat(first.get("Score")).isEqualTo("77");
        assertThat(first.get("Due date (UTC)")).isEqualTo("2026-12-01 10:00");
        assertThat(first.get("Overdue")).isEqualTo("yes");
        assertThat(first.get("Control / acceptance")).isEqualTo("control: IPS rule \"EternalBlue\" (IPS-77) until 2027-01-31");
        assertThat(rows.get(1).get("Overdue")).isEqualTo("no");
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\r\n");
    }

    @Test
    void defuses_cells_a_spreadsheet_would_run_as_a_formula() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvReportWriter w = new CsvReportWriter(out);
        w.header(ReportFixtures.header(10));
        w.row(new ReportViews.Row("=HYPERLINK(\"http://evil.example\",\"click\")", "+Vendor", "-Model", "@ICU",
                "Ward, \"East\"\nBed 3", "ADV-1", "CVE-2026-0001", "defer", 3, null, false, "Affected",
                "risk accepted until 2027-01-01"));
        w.end();
        CSVRecord r = parse(out.toByteArray()).getFirst();
        assertThat(r.get("Asset tag")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"click\")");
        assertThat(r.get("Manufacturer")).isEqualTo("'+Vendor");
        assertThat(r.get("Model")).isEqualTo("'-Model");
        assertThat(r.get("Department")).isEqualTo("'@ICU");
        assertThat(r.get("Location")).as("quotes and line breaks survive quoting").isEqualTo("Ward, \"East\"\nBed 3");
        assertThat(r.get("Due date (UTC)")).isEmpty();
        assertThat(r.get("Control / acceptance")).isEqualTo("risk accepted until 2027-01-01");
    }
}
