package org.patchcare.reporting.api;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * Read records as CSV: one column per record component (its name as the header), one line per record. Text cells that
 * a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) are prefixed with a
 * single quote (OWASP's advice against CSV injection); numbers and dates are written as they are.
 */
public final class CsvExport {

    private CsvExport() {
    }

    public static <R extends Record> String of(Class<R> type, List<? extends R> rows) {
        RecordComponent[] components = type.getRecordComponents();
        StringWriter out = new StringWriter();
        List<String> header = new ArrayList<>();
        for (RecordComponent c : components) {
            header.add(c.getName());
        }
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
                .setHeader(header.toArray(String[]::new)).get())) {
            for (R row : rows) {
                List<Object> cells = new ArrayList<>(components.length);
                for (RecordComponent c : components) {
                    cells.add(cell(value(c, row)));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A cell's text: null as empty, text that could start a formula defused. */
    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof CharSequence s) {
            return defused(s.toString());
        }
        return value instanceof Number || value instanceof Boolean ? value : defused(value.toString());
    }

    static String defused(String s) {
        return org.patchcare.shared.io.CsvCells.defuse(s);
    }

    private static Object value(RecordComponent c, Record row) {
        try {
            return c.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }
}
