package org.patchcare.advisories.application.csaf;

import static org.patchcare.shared.domain.Texts.cut;
import org.patchcare.advisories.domain.Advisory;
import org.patchcare.advisories.domain.HistoryEntry;
import org.patchcare.advisories.domain.Note;
import org.patchcare.advisories.domain.ProductEntry;
import org.patchcare.advisories.domain.ProductStatus;
import org.patchcare.advisories.domain.Reference;
import org.patchcare.advisories.domain.Remark;
import org.patchcare.advisories.domain.Remediation;
import org.patchcare.advisories.domain.Vulnerability;
import org.patchcare.advisories.domain.Warning;
import org.patchcare.advisories.domain.matching.AdvisoryProduct;
import tools.jackson.databind.JsonNode;
import us.springett.cvss.Cvss;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a validated CSAF 2.0 document into what PatchCare stores of an advisory: tracking data, notes, references, the
 * flattened product tree, and per vulnerability its CVE, CWE, CVSS (re-computed from the vector with a CVSS library;
 * the highest of the document's scores), product status, remediations, threats and flags.
 */
public final class CsafContentReader {

    private static final String[] STATUS_LISTS = {"first_affected", "first_fixed", "fixed", "known_affected",
            "known_not_affected", "last_affected", "recommended", "under_investigation"};

    private final ProductTreeFlattener flattener = new ProductTreeFlattener();

    public Advisory.Content read(JsonNode doc, List<Warning> warnings) {
        JsonNode d = doc.path("document");
        JsonNode tracking = d.path("tracking");
        JsonNode publisher = d.path("publisher");
        List<HistoryEntry> history = new ArrayList<>();
        for (JsonNode h : tracking.path("revision_history")) {
            history.add(new HistoryEntry(cut(text(h, "number"), 40), instant(text(h, "date")), cut(text(h, "summary"), 2000)));
        }
        List<Note> notes = new ArrayList<>();
        for (JsonNode n : d.path("notes")) {
            notes.add(new Note(cut(text(n, "category"), 30), cut(text(n, "title"), 500), text(n, "text")));
        }
        List<Reference> references = new ArrayList<>();
        for (JsonNode r : d.path("references")) {
            references.add(new Reference(cut(orElse(text(r, "category"), "external"), 20), cut(text(r, "summary"), 1000),
                    cut(text(r, "url"), 2000)));
        }
        List<ProductEntry> products = new ArrayList<>();
        for (AdvisoryProduct p : flattener.flatten(doc)) {
            products.add(entry(p));
        }
        List<Vulnerability.Content> vulnerabilities = new ArrayList<>();
        for (JsonNode v : doc.path("vulnerabilities")) {
            vulnerabilities.add(vulnerability(v));
        }
        return new Advisory.Content(cut(text(d, "title"), 500), cut(text(publisher, "name"), 200),
                cut(text(publisher, "category"), 40), cut(text(publisher, "namespace"), 500),
                cut(text(d.path("distribution").path("tlp"), "label"), 20), cut(text(tracking, "version"), 40),
                cut(text(tracking, "status"), 20), instant(text(tracking, "initial_release_date")),
                instant(text(tracking, "current_release_date")), text(doc.path("document"), "csaf_version"), history,
                notes, references, warnings, products, vulnerabilities);
    }

    static ProductEntry entry(AdvisoryProduct p) {
        List<String> ids = new ArrayList<>();
        p.cpes().forEach(c -> ids.add("cpe:" + c.replaceFirst("^cpe:", "")));
        p.purls().forEach(c -> ids.add(c.startsWith("pkg:") ? c : "pkg:" + c));
        p.modelNumbers().forEach(c -> ids.add("model:" + c));
        p.skus().forEach(c -> ids.add("sku:" + c));
        String full = String.join(" ", nonBlank(p.vendor(), p.productName(), p.versionText()));
        return new ProductEntry(cut(p.productId(), 200), cut(p.vendor(), 300), cut(p.productName(), 500),
                cut(p.versionText(), 500), p.versionIsRange(), cut(full.isBlank() ? p.productId() : full, 1000),
                ids.isEmpty() ? null : cut(String.join("\n", ids), 2000), cut(p.relatesTo(), 200));
    }

    private static List<String> nonBlank(String... parts) {
        List<String> out = new ArrayList<>();
        for (String s : parts) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private Vulnerability.Content vulnerability(JsonNode v) {
        String summary = note(v, "summary");
        if (summary == null) {
            summary = note(v, "description");
        }
        if (summary == null && !v.path("notes").isEmpty()) {
            summary = text(v.path("notes").get(0), "text");
        }
        String v3Vector = null;
        BigDecimal v3Score = null;
        String v3Severity = null;
        String v2Vector = null;
        BigDecimal v2Score = null;
        for (JsonNode s : v.path("scores")) {
            JsonNode c3 = s.path("cvss_v3");
            if (c3.isObject()) {
                String vector = text(c3, "vectorString");
                BigDecimal score = score(vector, c3.path("baseScore"));
                if (score != null && (v3Score == null || score.compareTo(v3Score) > 0)) {
                    v3Score = score;
                    v3Vector = vector;
                    v3Severity = severity(score);
                }
            }
            JsonNode c2 = s.path("cvss_v2");
            if (c2.isObject()) {
                String vector = text(c2, "vectorString");
                BigDecimal score = score(vector, c2.path("baseScore"));
                if (score != null && (v2Score == null || score.compareTo(v2Score) > 0)) {
                    v2Score = score;
                    v2Vector = vector;
                }
            }
        }
        Set<ProductStatus> status = new LinkedHashSet<>();
        for (String list : STATUS_LISTS) {
            for (JsonNode id : v.path("product_status").path(list)) {
                status.add(new ProductStatus(list, cut(id.asString(), 200)));
            }
        }
        List<Remediation> remediations = new ArrayList<>();
        for (JsonNode r : v.path("remediations")) {
            JsonNode restart = r.path("restart_required");
            remediations.add(new Remediation(cut(text(r, "category"), 30), orElse(text(r, "details"), ""),
                    cut(text(r, "url"), 2000), instant(text(r, "date")), cut(text(restart, "category"), 40),
                    cut(text(restart, "details"), 1000), ids(r)));
        }
        List<Remark> remarks = new ArrayList<>();
        for (JsonNode t : v.path("threats")) {
            remarks.add(new Remark("THREAT", cut(orElse(text(t, "category"), "?"), 60), text(t, "details"), ids(t)));
        }
        for (JsonNode f : v.path("flags")) {
            remarks.add(new Remark("FLAG", cut(orElse(text(f, "label"), "?"), 60), null, ids(f)));
        }
        return new Vulnerability.Content(cut(text(v, "cve"), 20), cut(text(v.path("cwe"), "id"), 20),
                cut(text(v.path("cwe"), "name"), 300), cut(text(v, "title"), 1000), summary, cut(v3Vector, 200),
                v3Score, v3Severity, cut(v2Vector, 200), v2Score, instant(text(v, "discovery_date")),
                instant(text(v, "release_date")), List.copyOf(status), remediations, remarks);
    }

    private static String note(JsonNode v, String category) {
        for (JsonNode n : v.path("notes")) {
            if (category.equals(text(n, "category"))) {
                return text(n, "text");
            }
        }
        return null;
    }

    /**
     * The base score computed from the vector by the CVSS library; where the library cannot read the vector, the
     * score the document states.
     */
    static BigDecimal score(String vector, JsonNode stated) {
        if (vector != null) {
            try {
                Cvss cvss = Cvss.fromVector(vector);
                if (cvss != null) {
                    return BigDecimal.valueOf(cvss.calculateScore().getBaseScore()).setScale(1, RoundingMode.HALF_UP);
                }
            } catch (RuntimeException unreadable) {
                // fall through to the stated score: the schema has already checked its range
            }
        }
        return stated.isNumber() ? stated.decimalValue().setScale(1, RoundingMode.HALF_UP) : null;
    }

    /** CVSS v3 qualitative rating. */
    public static String severity(BigDecimal score) {
        double s = score.doubleValue();
        return s == 0 ? "NONE" : s < 4 ? "LOW" : s < 7 ? "MEDIUM" : s < 9 ? "HIGH" : "CRITICAL";
    }

    private static String ids(JsonNode n) {
        List<String> ids = new ArrayList<>();
        for (JsonNode id : n.path("product_ids")) {
            ids.add(id.asString());
        }
        for (JsonNode id : n.path("group_ids")) {
            ids.add("group:" + id.asString());
        }
        return ids.isEmpty() ? null : cut(String.join(", ", ids), 4000);
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isString() ? v.stringValue() : null;
    }

    private static String orElse(String s, String other) {
        return s == null ? other : s;
    }

    /** CSAF dates are RFC 3339 date-times; the schema has checked the format. */
    static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(s);
        }
    }
}
