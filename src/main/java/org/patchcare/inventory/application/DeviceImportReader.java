package org.patchcare.inventory.application;

import org.patchcare.shared.io.SizeLimitedInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.patchcare.inventory.application.DeviceImportFormat.CellException;
import org.patchcare.inventory.application.DeviceImportFormat.Column;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a device CSV file row by row without holding it in memory: checks size, encoding (UTF-8, with or without
 * BOM) and header, then turns each record into a {@link Row} of parsed cells and cell errors. A problem of the
 * whole file (not UTF-8, binary, malformed quoting, missing or unknown columns, too many rows) ends the reading
 * with {@link #fileError()} set. Pure Java, no container needed.
 */
public final class DeviceImportReader implements Closeable {

    /** One device row: its spreadsheet row number, the cells it has (by column) and what was wrong with them. */
    public record Row(int number, Map<Column, Object> values, List<DeviceImportError> errors) {

        /** The command for a new device, or the base command (an existing device's values) overlaid with this row. */
        public DeviceCommand applyTo(DeviceCommand base) {
            values.forEach((column, value) -> column.set(base, value));
            return base;
        }

        public String assetTag() {
            Object v = values.get(Column.ASSET_TAG);
            return v == null ? null : ((String) v).strip();
        }
    }

    private final SizeLimitedInputStream counted;
    private final long maxRows;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private List<Column> columns;
    private DeviceImportError fileError;
    private final List<String> warnings = new ArrayList<>();
    private long rowsRead;

    public DeviceImportReader(InputStream in, DeviceImportLimits limits) {
        this.counted = new SizeLimitedInputStream(in, limits.maxBytes(), DeviceImportTooLargeException::new);
        this.maxRows = limits.maxRows();
    }

    /**
     * Reads and checks the header. Returns false, with {@link #fileError()} set, if the file cannot be imported.
     *
     * @throws DeviceImportTooLargeException when the file exceeds the size limit
     */
    public boolean open() throws IOException {
        PushbackInputStream in = new PushbackInputStream(counted, 4);
        byte[] head = new byte[4];
        int n = in.readNBytes(head, 0, 4);
        if (n == 0) {
            return fail("The file is empty. It needs a header row (see the template) and at least one device row.");
        }
        int skip = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            skip = 3; // UTF-8 byte order mark, as Excel writes it
        } else if (n >= 2 && ((head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE
                || (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF)) {
            return fail("The file is saved as UTF-16 (\"Unicode text\"). Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.");
        }
        in.unread(head, skip, n - skip);
        InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(reader);
        records = parser.iterator();
        CSVRecord header;
        try {
            if (!records.hasNext()) {
                return fail("The file is empty. It needs a header row (see the template) and at least one device row.");
            }
            header = records.next();
        } catch (UncheckedIOException e) {
            return failRead(e, 1);
        }
        return readHeader(header);
    }

    private boolean readHeader(CSVRecord header) {
        List<Column> found = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<Column, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.indexOf('\0') >= 0 || containsControl(name)) {
                return fail("The file is not a CSV text file (it contains binary data). Upload the CSV made from the template.");
            }
            Column c = Column.ofHeader(name);
            if (c == null) {
                if (name.isBlank() && i == header.size() - 1) {
                    found.add(null); // a trailing comma after the last header
                    continue;
                }
                unknown.add(name.isBlank() ? "(empty header in column " + (i + 1) + ")" : "'" + clip(name) + "'");
                found.add(null);
                continue;
            }
            if (seen.containsKey(c)) {
                return fail("The header names column " + c.header() + " twice (columns " + (seen.get(c) + 1) + " and "
                        + (i + 1) + "). Keep one of them.");
            }
            seen.put(c, i);
            found.add(c);
        }
        if (header.size() == 1 && header.get(0).contains(";")) {
            return fail("The file uses semicolons between values; PatchCare expects commas. "
                    + "Save it as \"CSV UTF-8 (comma delimited)\" and upload it again.");
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required() && !seen.containsKey(c)) {
                missing.add(c.header());
            }
        }
        if (seen.isEmpty()) {
            return fail("The first row is not the header row of the template: none of its names is a PatchCare column. "
                    + "The first row must name the columns, e.g. " + String.join(",", DeviceImportFormat.requiredHeaders())
                    + " (download the template).");
        }
        if (!missing.isEmpty()) {
            return fail("Required column" + (missing.size() == 1 ? " is" : "s are") + " missing from the header: "
                    + String.join(", ", missing) + ". Add " + (missing.size() == 1 ? "it" : "them")
                    + " (see the template).");
        }
        if (!unknown.isEmpty()) {
            return fail("The header has column" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + " that PatchCare does not know; rename or remove " + (unknown.size() == 1 ? "it" : "them")
                    + " so no data is silently dropped. Known columns: " + DeviceImportFormat.templateHeader());
        }
        columns = found;
        return true;
    }

    /**
     * The next device row, or null at the end of the file or after a problem of the whole file.
     *
     * @throws DeviceImportTooLargeException when the file exceeds the size limit
     */
    public Row next() {
        if (fileError != null || records == null) {
            return null;
        }
        CSVRecord r;
        try {
            if (!records.hasNext()) {
                if (rowsRead == 0) {
                    fail("The file has a header row but no device rows.");
                }
                return null;
            }
            r = records.next();
        } catch (UncheckedIOException e) {
            failRead(e, (int) Math.min(Integer.MAX_VALUE, rowsRead + 2));
            return null;
        }
        rowsRead++;
        int number = (int) Math.min(Integer.MAX_VALUE, r.getRecordNumber());
        if (rowsRead > maxRows) {
            fail("The file has more than " + maxRows + " device rows, the most PatchCare imports at once. "
                    + "Split it into smaller files.");
            return null;
        }
        Map<Column, Object> values = new EnumMap<>(Column.class);
        List<DeviceImportError> errors = new ArrayList<>(0);
        int expected = columns.size();
        if (r.size() != expected && !(r.size() == expected + 1 && r.get(expected).isBlank())
                && !(r.size() == expected - 1 && columns.getLast() == null)) {
            errors.add(new DeviceImportError(number, null, "has " + r.size() + (r.size() == 1 ? " value" : " values")
                    + " but the header has " + expected + " columns; check for missing or extra commas "
                    + "(values with commas need \"quotes\")"));
            return new Row(number, values, errors);
        }
        for (int i = 0; i < Math.min(r.size(), expected); i++) {
            Column c = columns.get(i);
            if (c == null) {
                continue;
            }
            String cell = r.get(i);
            if (cell.indexOf('\0') >= 0) {
                fail("Row " + number + " contains binary data (NUL bytes); the file is not a CSV text file.");
                return null;
            }
            try {
                Object v = c.parse(cell);
                values.put(c, v);
                if (v == null && c.required()) {
                    errors.add(new DeviceImportError(number, c.header(), c.header() + " is required"));
                }
            } catch (CellException e) {
                errors.add(new DeviceImportError(number, c.header(), e.getMessage()));
            }
        }
        return new Row(number, values, errors);
    }

    /** Why the file as a whole cannot be imported, or null. */
    public DeviceImportError fileError() {
        return fileError;
    }

    public List<String> warnings() {
        return warnings;
    }

    /** Bytes read from the file so far (ahead of the rows returned by up to one buffer). */
    public long bytesRead() {
        return counted.count();
    }

    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
        } else {
            counted.close();
        }
    }

    private boolean fail(String message) {
        fileError = DeviceImportError.file(message);
        return false;
    }

    private boolean failRead(UncheckedIOException e, int row) {
        Throwable cause = e.getCause();
        while (cause != null && !(cause instanceof CharacterCodingException) && cause.getCause() != null
                && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
            return fail("The file is not UTF-8 text (unreadable bytes near byte " + counted.count() + ", around row " + row
                    + "). If it is a CSV, save it as \"CSV UTF-8 (comma delimited)\" and upload it again; "
                    + "other files cannot be imported.");
        }
        return fail("The file is not valid CSV around row " + row + ": " + e.getCause().getMessage()
                + ". Check the quotes in that row: a value with a quote in it must be \"quoted\" and the quote doubled.");
    }

    private static boolean containsControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch < 0x20 && ch != '\t' && ch != '\r' && ch != '\n') {
                return true;
            }
        }
        return false;
    }

    private static String clip(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "…" : t;
    }
}
