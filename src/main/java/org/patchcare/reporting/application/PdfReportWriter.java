package org.patchcare.reporting.application;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.HeaderFooter;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.patchcare.reporting.application.ReportViews.Freshness;
import org.patchcare.reporting.application.ReportViews.Header;
import org.patchcare.reporting.application.ReportViews.ReportSink;
import org.patchcare.reporting.application.ReportViews.Row;
import org.patchcare.reporting.application.ReportViews.Summary;
import org.patchcare.risk.application.ScoreFormula;
import org.patchcare.risk.application.ScoreFormula.Formula;
import org.patchcare.risk.application.ScoreFormula.FormulaFactor;

import java.awt.Color;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * The exposure report as a PDF for the hospital committee (A4 landscape): scope, who made it and when, how fresh the
 * data is, the summary counts, how the score is computed, then the open exposures, most urgent first, at most
 * {@code rowCap} rows (the CSV has all of them; the PDF says so). The table is handed to the document in slices, so a
 * long table does not stay in memory. Built-in Helvetica: text outside Windows-1252 is not printed.
 */
public final class PdfReportWriter implements ReportSink {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    static final String[] COLUMNS = {"Device", "Model", "Dept.", "Location", "Advisory", "CVE", "SSVC outcome",
            "Score", "Due", "Overdue", "State", "Control / acceptance"};
    private static final float[] WIDTHS = {8, 13, 5, 9, 9, 9, 7, 4, 7, 5, 7, 17};
    private static final int SLICE = 100;

    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font H2 = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font TEXT = new Font(Font.HELVETICA, 9);
    private static final Font SMALL = new Font(Font.HELVETICA, 7.5f);
    private static final Font SMALL_BOLD = new Font(Font.HELVETICA, 7.5f, Font.BOLD);
    private static final Font MUTED = new Font(Font.HELVETICA, 8, Font.ITALIC, new Color(90, 90, 90));
    private static final Color HEAD = new Color(230, 234, 240);
    private static final Color LATE = new Color(253, 228, 228);

    private final OutputStream out;
    private final int rowCap;
    private Document document;
    private PdfPTable table;
    private long total;
    private long written;
    private long pending;

    public PdfReportWriter(OutputStream out, int rowCap) {
        this.out = out;
        this.rowCap = rowCap;
    }

    @Override
    public void header(Header h) throws IOException {
        total = h.summary().openExposures();
        document = new Document(PageSize.A4.rotate(), 28, 28, 30, 36);
        try {
            PdfWriter.getInstance(document, new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the caller owns the stream
                }
            });
            document.addTitle("Exposure report - " + h.scope().title());
            document.addAuthor(h.generatedBy());
            document.addCreator("PatchCare");
            HeaderFooter footer = new HeaderFooter(new Phrase("PatchCare exposure report - " + h.scope().title()
                    + " - generated " + STAMP.format(h.generatedAt()) + " - page ", SMALL), true);
            footer.setAlignment(Element.ALIGN_CENTER);
            footer.setBorder(Rectangle.NO_BORDER);
            document.setFooter(footer);
            document.open();

            document.add(new Paragraph("Exposure report", TITLE));
            document.add(new Paragraph(h.scope().title(), H2));
            if (h.scope().limitedToOwnDepartments()) {
                document.add(new Paragraph("Limited to the departments you are assigned to: "
                        + String.join(", ", h.scope().departmentCodes()) + ".", TEXT));
            }
            document.add(new Paragraph("Generated " + STAMP.format(h.generatedAt()) + " by " + h.generatedBy()
                    + ". Departments included: " + String.join(", ", h.scope().departmentCodes()) + ".", TEXT));
            document.add(freshness(h.freshness()));
            summary(h.summary());
            formula(h.formula());

            document.add(heading("Open exposures, most urgent first"));
            if (total > rowCap) {
                document.add(new Paragraph("This PDF lists the first " + String.format(Locale.ROOT, "%,d", rowCap)
                        + " of " + String.format(Locale.ROOT, "%,d", total) + " open exposures. The CSV export of the "
                        + "same scope has all of them.", MUTED));
            }
            if (total == 0) {
                document.add(new Paragraph("No open exposures in this scope.", TEXT));
            }
            table = new PdfPTable(WIDTHS);
            table.setWidthPercentage(100);
            table.setHeaderRows(1);
            table.setComplete(false);
            for (String c : COLUMNS) {
                table.addCell(cell(c, SMALL_BOLD, HEAD));
            }
        } catch (DocumentException e) {
            throw new IOException("The PDF could not be written: " + e.getMessage(), e);
        }
    }

    @Override
    public void row(Row r) throws IOException {
        if (written >= rowCap) {
            return;
        }
        Color bg = r.overdue() ? LATE : null;
        table.addCell(cell(r.assetTag(), SMALL_BOLD, bg));
        table.addCell(cell(r.manufacturer() + " " + r.model(), SMALL, bg));
        table.addCell(cell(r.departmentCode(), SMALL, bg));
        table.addCell(cell(r.location(), SMALL, bg));
        table.addCell(cell(r.advisory(), SMALL, bg));
        table.addCell(cell(r.cve(), SMALL, bg));
        table.addCell(cell(r.outcome(), SMALL, bg));
        table.addCell(cell(String.valueOf(r.score()), SMALL, bg));
        table.addCell(cell(r.due() == null ? "" : DAY.format(r.due()), SMALL, bg));
        table.addCell(cell(r.overdue() ? "yes" : "no", r.overdue() ? SMALL_BOLD : SMALL, bg));
        table.addCell(cell(r.state(), SMALL, bg));
        table.addCell(cell(r.mitigation(), SMALL, bg));
        written++;
        if (++pending == SLICE) {
            flushTable();
        }
    }

    @Override
    public void end() throws IOException {
        try {
            table.setComplete(true);
            if (written > 0) {
                document.add(table);
            }
            document.add(new Paragraph(written < total ? "End of the first " + written + " rows; "
                    + (total - written) + " more in the CSV export." : "End of the report: " + written
                    + " open exposure" + (written == 1 ? "" : "s") + ".", MUTED));
        } catch (DocumentException e) {
            throw new IOException("The PDF could not be written: " + e.getMessage(), e);
        } finally {
            document.close();
        }
    }

    private void flushTable() throws IOException {
        try {
            document.add(table);
        } catch (DocumentException e) {
            throw new IOException("The PDF could not be written: " + e.getMessage(), e);
        }
        pending = 0;
    }

    private Paragraph freshness(Freshness f) {
        Paragraph p = new Paragraph();
        p.setSpacingBefore(4);
        p.add(new Chunk("Data freshness: ", SMALL_BOLD));
        p.add(new Chunk("decisions last evaluated " + stamp(f.decisionsEvaluatedAt()) + "; KEV catalogue loaded "
                + stamp(f.kevLoadedAt()) + "; EPSS scores loaded " + stamp(f.epssLoadedAt()) + "; newest advisory "
                + "imported " + stamp(f.newestAdvisoryAt()) + ". " + (f.waitingForEvaluation() == 0
                ? "No exposure of this scope is waiting for evaluation."
                : f.waitingForEvaluation() + " exposure" + (f.waitingForEvaluation() == 1 ? " is" : "s are")
                + " waiting for (re-)evaluation and may be missing or not yet up to date."), SMALL));
        return p;
    }

    private void summary(Summary s) throws DocumentException {
        document.add(heading("Summary"));
        PdfPTable t = new PdfPTable(new float[]{30, 10, 60});
        t.setWidthPercentage(70);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        line(t, "Open exposures", s.openExposures(), "including accepted risks");
        ScoreFormula.outcomes().forEach((name, label) ->
                line(t, "   " + capital(label), s.byOutcome().getOrDefault(name, 0L), "SSVC outcome " + label));
        line(t, "Overdue", s.overdue(), "open, past the due date, risk not accepted");
        line(t, "Risk accepted", s.riskAccepted(), "approved risk acceptance running");
        line(t, "With compensating controls", s.withActiveControls(), "an active control attached");
        line(t, "Exposed devices", s.exposedDevices(), "of " + s.devices() + " devices (retired ones not counted)");
        line(t, "Devices past end of support", s.devicesPastEndOfSupport(), "of " + s.devices()
                + " devices; the manufacturer no longer provides patches");
        document.add(t);
    }

    private void formula(Formula f) throws DocumentException {
        document.add(heading("How the score is computed"));
        document.add(new Paragraph(f.summary(), TEXT));
        PdfPTable t = new PdfPTable(new float[]{28, 10, 62});
        t.setWidthPercentage(85);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        t.setSpacingBefore(4);
        t.addCell(cell("Factor", SMALL_BOLD, HEAD));
        t.addCell(cell("Up to", SMALL_BOLD, HEAD));
        t.addCell(cell("Points", SMALL_BOLD, HEAD));
        for (FormulaFactor factor : f.factors()) {
            t.addCell(cell(factor.factor(), SMALL, null));
            t.addCell(cell(String.valueOf(factor.maxPoints()), SMALL, null));
            t.addCell(cell(factor.points(), SMALL, null));
        }
        document.add(t);
        StringBuilder due = new StringBuilder("Due times of this hospital's policy: ");
        int i = 0;
        for (Map.Entry<String, java.time.Duration> e : f.dueTimes().entrySet()) {
            due.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(" ").append(ScoreFormula.readable(e.getValue()));
        }
        document.add(new Paragraph(due.append('.').toString(), TEXT));
        for (String note : f.notes()) {
            document.add(new Paragraph("- " + note, TEXT));
        }
    }

    private static void line(PdfPTable t, String label, long value, String note) {
        t.addCell(cell(label, SMALL_BOLD, null));
        PdfPCell v = cell(String.valueOf(value), SMALL, null);
        v.setHorizontalAlignment(Element.ALIGN_RIGHT);
        t.addCell(v);
        t.addCell(cell(note, SMALL, null));
    }

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(text, H2);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setPadding(2.5f);
        c.setBorderColor(new Color(200, 200, 200));
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }

    private static String stamp(Instant i) {
        return i == null ? "never" : STAMP.format(i);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
