package org.patchcare.advisories.application;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import org.patchcare.advisories.domain.CveId;
import org.patchcare.shared.io.SizeLimitedInputStream;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads CISA's Known Exploited Vulnerabilities catalogue in its JSON form (known_exploited_vulnerabilities.json, as
 * described by CISA's schema) and checks what PatchCare relies on: a catalogue version and release time, and per
 * entry a CVE id, the vendor, product and name, the date added and, when present, a due date and the ransomware flag.
 * Every problem is collected with its JSON path; a catalogue with any problem is refused whole.
 */
public final class KevCatalogReader {

    /** The real catalogue is about 1.3 MB; 20 MB leaves room for growth and refuses anything absurd. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_PROBLEMS = 100;

    private static final JsonProvider JSON = JsonProvider.provider();

    private final List<FeedProblem> problems = new ArrayList<>();

    /** The input passed {@link #MAX_BYTES}; thrown by the stream, caught in {@link #parse}. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("size limit exceeded", null, false, false);
        }
    }

    /** Thrown when the catalogue cannot be used; {@link #problems()} lists why. */
    public static final class InvalidCatalogException extends Exception {
        private final transient List<FeedProblem> problems;

        InvalidCatalogException(List<FeedProblem> problems) {
            super(problems.stream().limit(3).map(FeedProblem::text).collect(Collectors.joining("; ")), null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<FeedProblem> problems() {
            return problems;
        }
    }

    public KevCatalog read(InputStream in) throws InvalidCatalogException {
        JsonObject root = parse(in);
        String version = requiredText(root, "$", "catalogVersion");
        Instant released = instant(root, "$", "dateReleased");
        JsonValue list = root.get("vulnerabilities");
        List<KevCatalog.Entry> entries = new ArrayList<>();
        if (!(list instanceof JsonArray array)) {
            problem("$.vulnerabilities", "missing or not a list; this is not CISA's KEV catalogue");
        } else {
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < array.size() && problems.size() < MAX_PROBLEMS; i++) {
                String path = "$.vulnerabilities[" + i + "]";
                if (!(array.get(i) instanceof JsonObject o)) {
                    problem(path, "is not an object");
                    continue;
                }
                KevCatalog.Entry e = entry(o, path);
                if (e != null) {
                    Integer first = seen.putIfAbsent(e.cveId(), i);
                    if (first != null) {
                        problem(path + ".cveID", e.cveId() + " is listed twice (also at index " + first + ")");
                    }
                    entries.add(e);
                }
            }
            if (array.isEmpty()) {
                problem("$.vulnerabilities", "is empty; a KEV catalogue lists over a thousand vulnerabilities");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogException(problems);
        }
        return new KevCatalog(version, released, List.copyOf(entries));
    }

    private JsonObject parse(InputStream in) throws InvalidCatalogException {
        Reader reader = new InputStreamReader(new SizeLimitedInputStream(in, MAX_BYTES, max -> new TooLarge()),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
        try (JsonReader json = JSON.createReader(reader)) {
            JsonValue value = json.readValue();
            if (value instanceof JsonObject o) {
                return o;
            }
            throw fail("$", "is " + value.getValueType().name().toLowerCase() + ", not the catalogue object");
        } catch (TooLarge e) {
            // 413, as every upload over its limit (the catalogue itself is about 1.3 MB)
            throw new org.patchcare.shared.domain.PayloadTooLargeException("KEV catalogue", MAX_BYTES);
        } catch (JsonParsingException e) {
            String where = e.getLocation() == null ? "file" : "line " + e.getLocation().getLineNumber();
            throw fail(where, "is not valid JSON (" + e.getMessage() + "). Upload known_exploited_vulnerabilities.json "
                    + "as CISA publishes it; the CSV form is not accepted");
        } catch (JsonException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw fail("file", "is not UTF-8 text");
            }
            throw fail("file", "could not be read as JSON (" + e.getMessage() + ")");
        }
    }

    private InvalidCatalogException fail(String where, String message) {
        problems.add(new FeedProblem(where, message));
        return new InvalidCatalogException(problems);
    }

    private KevCatalog.Entry entry(JsonObject o, String path) {
        int before = problems.size();
        String rawCve = requiredText(o, path, "cveID");
        String cve = rawCve == null ? null : CveId.normalize(rawCve);
        if (rawCve != null && cve == null) {
            problem(path + ".cveID", "'" + clip(rawCve) + "' is not a CVE id (CVE-YYYY-NNNN)");
        }
        String vendor = requiredText(o, path, "vendorProject");
        String product = requiredText(o, path, "product");
        String name = requiredText(o, path, "vulnerabilityName");
        LocalDate added = date(o, path, "dateAdded", true);
        LocalDate due = date(o, path, "dueDate", false);
        String ransomware = optionalText(o, path, "knownRansomwareCampaignUse");
        if (ransomware != null && !ransomware.equals("Known") && !ransomware.equals("Unknown")) {
            problem(path + ".knownRansomwareCampaignUse", "'" + clip(ransomware) + "' is neither Known nor Unknown");
        }
        String cwes = null;
        JsonValue cweValue = o.get("cwes");
        if (cweValue instanceof JsonArray cweArray) {
            List<String> list = new ArrayList<>();
            for (JsonValue v : cweArray) {
                if (v instanceof JsonString s) {
                    list.add(s.getString().strip());
                }
            }
            cwes = list.isEmpty() ? null : clip(String.join(",", list), 200);
        }
        if (problems.size() > before) {
            return null;
        }
        return new KevCatalog.Entry(cve, clip(vendor, 200), clip(product, 200), clip(name, 500), added,
                optionalText(o, path, "shortDescription"), optionalText(o, path, "requiredAction"), due,
                "Known".equals(ransomware), optionalText(o, path, "notes"), cwes);
    }

    private String requiredText(JsonObject o, String path, String name) {
        JsonValue v = o.get(name);
        if (v instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString().strip();
        }
        problem(path + "." + name, v == null ? "is missing" : "must be a non-empty string");
        return null;
    }

    private String optionalText(JsonObject o, String path, String name) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString().strip();
        }
        problem(path + "." + name, "must be a string");
        return null;
    }

    private LocalDate date(JsonObject o, String path, String name, boolean required) {
        String s = required ? requiredText(o, path, name) : optionalText(o, path, name);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problem(path + "." + name, "'" + clip(s) + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private Instant instant(JsonObject o, String path, String name) {
        String s = requiredText(o, path, name);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                problem(path + "." + name, "'" + clip(s) + "' is not a date and time (ISO 8601)");
                return null;
            }
        }
    }

    private void problem(String where, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new FeedProblem(where, message));
        }
    }

    private static String clip(String s) {
        return clip(s, 60);
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
