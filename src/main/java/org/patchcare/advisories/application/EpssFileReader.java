package org.patchcare.advisories.application;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.patchcare.advisories.domain.CveId;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Streams a FIRST EPSS daily file: a comment line {@code #model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z},
 * the header {@code cve,epss,percentile}, then one row per CVE. FIRST serves it gzipped; a gzipped file is unpacked on
 * the fly. Rows are handed out one at a time, so a 300,000-row file never sits in memory. A bad row is recorded as a
 * {@link FeedProblem} with its line number and skipped; the caller decides what a problem means for the load.
 */
public final class EpssFileReader implements Closeable {

    public static final int MAX_PROBLEMS = 100;
    private static final Pattern HEAD = Pattern.compile(
            "#\\s*model_version\\s*:\\s*([^,\\s]{1,20})\\s*,\\s*score_date\\s*:\\s*(\\S+)\\s*");

    /** One score as the file gives it. */
    public record Row(String cveId, BigDecimal epss, BigDecimal percentile) {
    }

    /** The whole file is unusable (not EPSS, not text, wrong header); nothing was read past the reason. */
    public static final class InvalidEpssFileException extends Exception {
        private final transient FeedProblem problem;

        InvalidEpssFileException(FeedProblem problem) {
            super(problem.text(), null, false, false);
            this.problem = problem;
        }

        public FeedProblem problem() {
            return problem;
        }
    }

    private final CSVParser csv;
    private final Iterator<CSVRecord> records;
    private final String modelVersion;
    private final LocalDate scoreDate;
    private final List<FeedProblem> problems = new ArrayList<>();
    private long rows;
    private long badRows;

    public EpssFileReader(InputStream in) throws IOException, InvalidEpssFileException {
        this(in, maxBytes());
    }

    /** With {@code maxBytes} as the limit, packed and unpacked. */
    EpssFileReader(InputStream in, long maxBytes) throws IOException, InvalidEpssFileException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(unpacked(in, maxBytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
        String first = firstLine(reader);
        Matcher m = first == null ? null : HEAD.matcher(first);
        if (m == null || !m.matches()) {
            throw invalid("line 1", "is not the EPSS comment line '#model_version:…,score_date:…'"
                    + (first != null && first.toLowerCase().startsWith("cve") ? " (the file starts with the header; "
                    + "upload the daily file from FIRST as it is published)" : "") + ". This is not a FIRST EPSS file");
        }
        modelVersion = m.group(1);
        try {
            scoreDate = OffsetDateTime.parse(m.group(2)).toLocalDate();
        } catch (DateTimeParseException e) {
            throw invalid("line 1", "score_date '" + KevCatalogReader.clip(m.group(2), 40) + "' is not a date and time");
        }
        String header = reader.readLine();
        if (header == null || !header.strip().equalsIgnoreCase("cve,epss,percentile")) {
            throw invalid("line 2", "must be the header 'cve,epss,percentile'");
        }
        csv = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get().parse(reader);
        records = csv.iterator();
    }

    /**
     * The most an EPSS file may have, packed and unpacked ({@code PATCHCARE_EPSS_MAX_BYTES}, default 100 MB; the
     * daily file is about 10 MB unpacked): a larger upload, or a gzip bomb, is refused with 413 once it passes.
     */
    public static long maxBytes() {
        String v = System.getenv("PATCHCARE_EPSS_MAX_BYTES");
        try {
            long n = v == null || v.isBlank() ? 0 : Long.parseLong(v.strip());
            return n > 0 ? n : DEFAULT_MAX_BYTES;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_BYTES;
        }
    }

    public static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;

    private static InputStream unpacked(InputStream raw, long max) throws IOException {
        java.util.function.LongFunction<RuntimeException> tooLarge =
                m -> new org.patchcare.shared.domain.PayloadTooLargeException("EPSS file", m);
        InputStream in = new org.patchcare.shared.io.SizeLimitedInputStream(raw, max, tooLarge);
        BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
        buffered.mark(2);
        int b1 = buffered.read();
        int b2 = buffered.read();
        buffered.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new org.patchcare.shared.io.SizeLimitedInputStream(
                new GZIPInputStream(buffered, 1 << 16), max, tooLarge), 1 << 16) : buffered;
    }

    private static String firstLine(BufferedReader reader) throws IOException {
        String line = reader.readLine();
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    private static InvalidEpssFileException invalid(String where, String message) {
        return new InvalidEpssFileException(new FeedProblem(where, message));
    }

    public String modelVersion() {
        return modelVersion;
    }

    public LocalDate scoreDate() {
        return scoreDate;
    }

    /** The next good row, or null at the end; bad rows are skipped and recorded in {@link #problems()}. */
    public Row next() {
        try {
            while (records.hasNext()) {
                CSVRecord r = records.next();
                long line = r.getRecordNumber() + 2;
                rows++;
                Row row = row(r, line);
                if (row != null) {
                    return row;
                }
                badRows++;
            }
            return null;
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("The EPSS file could not be read past row " + rows
                    + " (is it UTF-8 text, and complete?): " + e.getCause().getMessage(), e.getCause());
        }
    }

    private Row row(CSVRecord r, long line) {
        if (r.size() != 3) {
            return problem(line, "has " + r.size() + " values; expected cve,epss,percentile");
        }
        String cve = CveId.normalize(r.get(0));
        if (cve == null) {
            return problem(line, "'" + KevCatalogReader.clip(r.get(0), 40) + "' is not a CVE id");
        }
        BigDecimal epss = probability(r.get(1));
        BigDecimal percentile = probability(r.get(2));
        if (epss == null || percentile == null) {
            return problem(line, "epss and percentile must be numbers from 0 to 1, not '"
                    + KevCatalogReader.clip(r.get(1), 20) + "' and '" + KevCatalogReader.clip(r.get(2), 20) + "'");
        }
        return new Row(cve, epss, percentile);
    }

    private static BigDecimal probability(String s) {
        try {
            BigDecimal d = new BigDecimal(s.strip());
            return d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0 ? null : d.setScale(5, java.math.RoundingMode.HALF_UP);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Row problem(long line, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FeedProblem("line " + line, message));
        }
        return null;
    }

    /** Rows read so far, good and bad. */
    public long rows() {
        return rows;
    }

    public long badRows() {
        return badRows;
    }

    /** The first {@value #MAX_PROBLEMS} bad rows. */
    public List<FeedProblem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
