package org.patchcare.audit.application;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchcare.shared.io.CsvCells;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The audit trail as CSV: a UTF-8 byte-order mark (so spreadsheets read the accents), RFC 4180 quoting, one row per
 * changed field (an entry without changes gives one row), times in ISO-8601 UTC, and every text cell defused against
 * formula injection (CsvCells).
 */
public final class AuditCsv {

    public static final String[] HEADER = {"occurredAt", "actor", "entityType", "entityKey", "action", "field", "from",
            "to", "reason"};

    private AuditCsv() {
    }

    /** Pages through {@code source} (offset → page) until a short page; answers the number of entries written. */
    public static long write(Writer out, IntFunction<List<AuditRecord>> source, int pageSize) {
        try {
            out.write('\uFEFF');
            CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
            long entries = 0;
            int offset = 0;
            while (true) {
                List<AuditRecord> page = source.apply(offset);
                for (AuditRecord r : page) {
                    rows(p, r);
                }
                entries += page.size();
                if (page.size() < pageSize) {
                    break;
                }
                offset += pageSize;
            }
            p.flush();
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rows(CSVPrinter p, AuditRecord r) throws IOException {
        if (r.changes().isEmpty()) {
            p.printRecord(r.occurredAt(), c(r.actor()), c(r.entityType()), c(r.entityKey()), r.action(), "", "", "",
                    c(r.reason()));
            return;
        }
        for (AuditRecord.Change ch : r.changes()) {
            p.printRecord(r.occurredAt(), c(r.actor()), c(r.entityType()), c(r.entityKey()), r.action(),
                    c(ch.field()), c(ch.from()), c(ch.to()), c(r.reason()));
        }
    }

    private static String c(String value) {
        return CsvCells.defuse(value);
    }
}
