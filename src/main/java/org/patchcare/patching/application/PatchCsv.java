package org.patchcare.patching.application;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchcare.patching.application.PatchViews.PatchRecordView;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Writes patch records as CSV (RFC 4180 quoting by commons-csv), one row per record, times in ISO-8601 UTC. Cells a
 * spreadsheet would run as a formula (starting with = + - @ or a tab) get a leading apostrophe.
 */
public final class PatchCsv {

    public static final String[] HEADER = {"id", "changeRequest", "assetTag", "device", "department", "unplanned",
            "status", "action", "fromVersion", "toVersion", "controlApplied", "vendorEngineer", "result", "startedAt",
            "startedBy", "performedAt", "performedBy", "verifiedAt", "verifiedBy", "functionalCheck", "rollbackAt",
            "rollbackBy", "rollbackRestored", "attachments", "notes"};

    private PatchCsv() {
    }

    /** Pages through {@code source} (offset → page) until a short page, writing every row. */
    public static void write(Writer out, java.util.function.IntFunction<java.util.List<PatchRecordView>> source,
                             int pageSize) {
        try {
            CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            int offset = 0;
            while (true) {
                java.util.List<PatchRecordView> page = source.apply(offset);
                for (PatchRecordView r : page) {
                    row(p, r);
                }
                if (page.size() < pageSize) {
                    break;
                }
                offset += pageSize;
            }
            p.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(CSVPrinter p, PatchRecordView r) throws IOException {
        p.printRecord(r.id(), cell(r.changeRequestReference()), cell(r.assetTag()), cell(r.deviceName()),
                cell(r.departmentCode()), r.unplanned() ? "yes" : "no", r.status().name(),
                r.action() == null ? "" : r.action().name(), cell(r.fromVersion()), cell(r.toVersion()),
                cell(r.controlApplied()), cell(r.vendorEngineer()), r.result() == null ? "" : r.result().name(),
                time(r.startedAt()), cell(r.startedBy()), time(r.performedAt()), cell(r.performedBy()),
                time(r.verifiedAt()), cell(r.verifiedBy()), cell(r.functionalCheck()), time(r.rollbackAt()),
                cell(r.rollbackBy()), cell(r.rollbackRestored()), r.attachments(), cell(r.notes()));
    }

    static String cell(String value) {
        return org.patchcare.shared.io.CsvCells.defuse(value);
    }

    private static String time(Instant t) {
        return t == null ? "" : t.toString();
    }
}
