package org.patchcare.reporting.application;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchcare.reporting.application.ReportViews.Header;
import org.patchcare.reporting.application.ReportViews.ReportSink;
import org.patchcare.reporting.application.ReportViews.Row;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/**
 * The exposure report as CSV: one row per open exposure with the PDF table's columns, UTF-8 with a byte-order mark so
 * Excel reads the accents, CRLF line ends. Rows are written as they come (nothing is kept in memory). A cell that
 * starts with {@code = + - @}, a tab or a carriage return is prefixed with a quote, so a spreadsheet never runs it as a
 * formula (CSV injection; a device note or an advisory title is text from outside the hospital).
 */
public final class CsvReportWriter implements ReportSink {

    public static final String[] COLUMNS = {"Asset tag", "Manufacturer", "Model", "Department", "Location", "Advisory",
            "CVE", "SSVC outcome", "Score", "Due date (UTC)", "Overdue", "State", "Control / acceptance"};
    static final char BOM = '\uFEFF';
    static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private final BufferedWriter out;
    private CSVPrinter printer;

    public CsvReportWriter(OutputStream stream) {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
    }

    @Override
    public void header(Header header) throws IOException {
        out.write(BOM);
        printer = new CSVPrinter(out, CSVFormat.EXCEL.builder().setHeader(COLUMNS).get());
    }

    @Override
    public void row(Row r) throws IOException {
        printer.printRecord(safe(r.assetTag()), safe(r.manufacturer()), safe(r.model()), safe(r.departmentCode()),
                safe(r.location()), safe(r.advisory()), safe(r.cve()), safe(r.outcome()), r.score(),
                r.due() == null ? "" : DUE.format(r.due()), r.overdue() ? "yes" : "no", safe(r.state()),
                safe(r.mitigation()));
    }

    @Override
    public void end() throws IOException {
        printer.flush();
        out.flush();
    }

    /** The cell as text, defused when a spreadsheet would read it as a formula. */
    static String safe(String cell) {
        return org.patchcare.shared.io.CsvCells.defuse(cell);
    }
}
