package org.patchcare.advisories.application.csaf.validation;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.patchcare.advisories.application.csaf.validation.Json.field;
import static org.patchcare.advisories.application.csaf.validation.Json.index;
import static org.patchcare.advisories.application.csaf.validation.Json.items;
import static org.patchcare.advisories.application.csaf.validation.Json.quote;
import static org.patchcare.advisories.application.csaf.validation.Json.text;

/** Optional tests 6.2.1 to 6.2.20 of CSAF 2.0; every failure is a warning. All twenty run offline. */
final class OptionalTests {

    private static final Pattern CVE = Pattern.compile("^CVE-[0-9]{4}-[0-9]{4,}$");
    private static final Pattern VERS = Pattern.compile("^vers:[a-z.\\-+][a-z0-9.\\-+]*/.+");
    private static final Pattern FILENAME_CHARS = Pattern.compile("[^+\\-a-z0-9]+");
    private static final List<String> AFFECTED = List.of("first_affected", "known_affected", "last_affected");

    private final CsafSchemas schemas;
    private final LanguageTags languages;

    OptionalTests(CsafSchemas schemas, LanguageTags languages) {
        this.schemas = schemas;
        this.languages = languages;
    }

    void run(CsafDocument doc, Findings findings) {
        unusedProducts(doc, findings);
        List<JsonNode> vulnerabilities = doc.vulnerabilities();
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode vulnerability = vulnerabilities.get(v);
            String path = CsafDocument.vulnerabilityPath(v);
            missingRemediations(doc, vulnerability, path, findings);
            missingScores(vulnerability, path, findings);
            involvementsWithoutDate(vulnerability, path, findings);
            cveInIds(vulnerability, path, findings);
            cvssForFixedProducts(vulnerability, path, findings);
        }
        RevisionHistory history = new RevisionHistory(doc.tracking());
        buildMetadata(history, findings);
        releaseDates(doc, history, findings);
        weakHashes(doc, findings);
        documentMetadata(doc, findings);
        sorting(doc.root(), findings);
        productIdentificationHelpers(doc, findings);
        versionRangesWithoutVers(doc, findings);
        additionalProperties(doc, findings);
    }

    /** 6.2.1 Unused Definition of Product ID (skipped for informational advisories). */
    private static void unusedProducts(CsafDocument doc, Findings findings) {
        if ("csaf_informational_advisory".equals(doc.category())) {
            return;
        }
        Set<String> referenced = new HashSet<>();
        doc.productReferences().forEach(r -> referenced.add(r.id()));
        for (CsafDocument.ProductDefinition product : doc.products()) {
            if (!referenced.contains(product.productId())) {
                findings.warning("6.2.1", product.idPath(), "Product " + product.productId()
                        + " is defined but never referenced anywhere in the document.");
            }
        }
    }

    /** 6.2.2 Missing Remediation. */
    private static void missingRemediations(CsafDocument doc, JsonNode vulnerability, String path,
            Findings findings) {
        Set<String> remediated = new HashSet<>();
        items(vulnerability, "remediations").forEach(r -> remediated.addAll(doc.productsOf(r)));
        JsonNode status = vulnerability.get("product_status");
        List<String> lists = new ArrayList<>(AFFECTED);
        lists.add("under_investigation");
        for (String list : lists) {
            for (Json.Indexed<String> id : Json.strings(status, list)) {
                if (!remediated.contains(id.value())) {
                    findings.warning("6.2.2", index(field(field(path, "product_status"), list), id.index()),
                            "Product " + id.value() + " is " + list.replace('_', ' ') + " but no remediation names"
                                    + " it (a remediation may also say none_available or no_fix_planned).");
                }
            }
        }
    }

    /** 6.2.3 Missing Score. */
    private static void missingScores(JsonNode vulnerability, String path, Findings findings) {
        Set<String> scored = new HashSet<>();
        items(vulnerability, "scores").forEach(s -> Json.strings(s, "products").forEach(p -> scored.add(p.value())));
        JsonNode status = vulnerability.get("product_status");
        for (String list : AFFECTED) {
            for (Json.Indexed<String> id : Json.strings(status, list)) {
                if (!scored.contains(id.value())) {
                    findings.warning("6.2.3", index(field(field(path, "product_status"), list), id.index()),
                            "Product " + id.value() + " is " + list.replace('_', ' ') + " but no score covers it.");
                }
            }
        }
    }

    /** 6.2.4 Build Metadata in Revision History. */
    private static void buildMetadata(RevisionHistory history, Findings findings) {
        for (RevisionHistory.Item item : history.items()) {
            item.version().filter(DocumentVersion::hasBuild).ifPresent(v -> findings.warning("6.2.4",
                    item.numberPath(), "The revision number " + v.text() + " includes build metadata (+"
                            + v.build() + ")."));
        }
    }

    /** 6.2.5 Older Initial Release Date, 6.2.6 Older Current Release Date than Revision History. */
    private static void releaseDates(CsafDocument doc, RevisionHistory history, Findings findings) {
        List<RevisionHistory.Item> dated = history.items().stream().filter(i -> i.instant().isPresent())
                .sorted(Comparator.comparing(i -> i.instant().orElseThrow())).toList();
        if (dated.isEmpty()) {
            return;
        }
        RevisionHistory.Item oldest = dated.getFirst();
        RevisionHistory.Item newest = dated.getLast();
        String initial = text(doc.tracking(), "initial_release_date");
        VulnerabilityTests.instant(initial).filter(d -> d.isBefore(oldest.instant().orElseThrow())).ifPresent(d ->
                findings.warning("6.2.5", DocumentTests.TRACKING + ".initial_release_date", "The initial release"
                        + " date " + initial + " is older than the oldest revision (" + oldest.date() + ")."));
        String current = text(doc.tracking(), "current_release_date");
        VulnerabilityTests.instant(current).filter(d -> d.isBefore(newest.instant().orElseThrow())).ifPresent(d ->
                findings.warning("6.2.6", DocumentTests.TRACKING + ".current_release_date", "The current release"
                        + " date " + current + " is older than the newest revision (" + newest.date() + ")."));
    }

    /** 6.2.7 Missing Date in Involvements. */
    private static void involvementsWithoutDate(JsonNode vulnerability, String path, Findings findings) {
        List<JsonNode> involvements = items(vulnerability, "involvements");
        for (int i = 0; i < involvements.size(); i++) {
            if (Json.isObject(involvements.get(i)) && !involvements.get(i).has("date")) {
                findings.warning("6.2.7", index(field(path, "involvements"), i), "This involvement of "
                        + quote(String.valueOf(text(involvements.get(i), "party"))) + " has no date.");
            }
        }
    }

    /** 6.2.8 Use of MD5, 6.2.9 Use of SHA-1 as the only Hash Algorithm. */
    private static void weakHashes(CsafDocument doc, Findings findings) {
        ProductTreeTests.forEachFileHashes(doc, (fileHashes, path, product) -> {
            Set<String> algorithms = new LinkedHashSet<>();
            items(fileHashes).forEach(h -> {
                String algorithm = text(h, "algorithm");
                if (algorithm != null) {
                    algorithms.add(algorithm.toLowerCase(Locale.ROOT));
                }
            });
            if (algorithms.equals(Set.of("md5"))) {
                findings.warning("6.2.8", path, "The file hashes of product " + product.productId()
                        + " use only MD5, which is broken; add a stronger hash such as SHA-256.");
            } else if (algorithms.equals(Set.of("sha1"))) {
                findings.warning("6.2.9", path, "The file hashes of product " + product.productId()
                        + " use only SHA-1, which is broken; add a stronger hash such as SHA-256.");
            }
        });
    }

    /** 6.2.10 Missing TLP label, 6.2.11 Missing Canonical URL, 6.2.12 Missing Document Language, 6.2.14, 6.2.15. */
    private void documentMetadata(CsafDocument doc, Findings findings) {
        JsonNode document = doc.document();
        if (text(document.path("distribution").path("tlp"), "label") == null) {
            findings.warning("6.2.10", "$.document.distribution", "The document has no TLP label"
                    + " (document.distribution.tlp.label).");
        }
        String trackingId = text(doc.tracking(), "id");
        if (trackingId != null) {
            String filename = FILENAME_CHARS.matcher(trackingId.toLowerCase(Locale.ROOT)).replaceAll("_") + ".json";
            boolean canonical = items(document, "references").stream().anyMatch(r -> "self".equals(
                    text(r, "category")) && String.valueOf(text(r, "url")).startsWith("https://")
                    && String.valueOf(text(r, "url")).endsWith("/" + filename));
            if (!canonical) {
                findings.warning("6.2.11", "$.document.references", "The document has no canonical URL: no"
                        + " reference of category self with an https URL ending in " + filename + ".");
            }
        }
        String lang = text(document, "lang");
        if (lang == null || lang.isEmpty()) {
            findings.warning("6.2.12", "$.document", "The document language (document.lang) is not given.");
        }
        for (String name : List.of("lang", "source_lang")) {
            String tag = text(document, name);
            if (tag == null) {
                continue;
            }
            if (languages.usesPrivateSubtag(tag)) {
                findings.warning("6.2.14", "$.document." + name, "The language code " + quote(tag)
                        + " uses a subtag reserved for private use, which readers cannot interpret.");
            }
            if (tag.equalsIgnoreCase("i-default")) {
                findings.warning("6.2.15", "$.document." + name, "The language code \"i-default\" names no"
                        + " language; give the actual language.");
            }
        }
    }

    /** 6.2.13 Sorting: one warning for the document, at the first object whose keys are out of order. */
    private static void sorting(JsonNode root, Findings findings) {
        List<String> unsorted = new ArrayList<>();
        String[] firstPair = new String[2];
        checkSorted(root, Json.ROOT, unsorted, firstPair);
        if (!unsorted.isEmpty()) {
            findings.warning("6.2.13", unsorted.getFirst(), "The keys of " + unsorted.size() + " object(s) are not"
                    + " sorted alphabetically; the first is here, where " + quote(firstPair[0]) + " comes before "
                    + quote(firstPair[1]) + ".");
        }
    }

    private static void checkSorted(JsonNode node, String path, List<String> unsorted, String[] firstPair) {
        if (node.isObject()) {
            String previous = null;
            boolean reported = false;
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                if (!reported && previous != null && previous.compareTo(entry.getKey()) > 0) {
                    if (unsorted.isEmpty()) {
                        firstPair[0] = previous;
                        firstPair[1] = entry.getKey();
                    }
                    unsorted.add(path);
                    reported = true;
                }
                previous = entry.getKey();
                checkSorted(entry.getValue(), field(path, entry.getKey()), unsorted, firstPair);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkSorted(node.get(i), index(path, i), unsorted, firstPair);
            }
        }
    }

    /** 6.2.16 Missing Product Identification Helper. */
    private static void productIdentificationHelpers(CsafDocument doc, Findings findings) {
        for (CsafDocument.ProductDefinition product : doc.products()) {
            if (!product.node().has("product_identification_helper")) {
                findings.warning("6.2.16", product.nodePath(), "Product " + product.productId()
                        + " has no product identification helper (such as a CPE, purl, model or serial number).");
            }
        }
    }

    /** 6.2.17 CVE in field IDs. */
    private static void cveInIds(JsonNode vulnerability, String path, Findings findings) {
        List<JsonNode> ids = items(vulnerability, "ids");
        for (int i = 0; i < ids.size(); i++) {
            String text = text(ids.get(i), "text");
            if (text != null && CVE.matcher(text).matches()) {
                findings.warning("6.2.17", field(index(field(path, "ids"), i), "text"), text
                        + " is listed under ids; a CVE belongs in the vulnerability's cve field.");
            }
        }
    }

    /** 6.2.18 Product Version Range without vers. */
    private static void versionRangesWithoutVers(CsafDocument doc, Findings findings) {
        for (CsafDocument.Branch branch : doc.branches()) {
            String name = branch.name();
            if ("product_version_range".equals(branch.category()) && name != null && !VERS.matcher(name).find()) {
                findings.warning("6.2.18", field(branch.path(), "name"), "The version range " + quote(name)
                        + " is not written in the vers notation (e.g. \"vers:generic/>=1.0|<2.1\").");
            }
        }
    }

    /**
     * 6.2.19 CVSS for Fixed Products: a score covering a fixed product should have an environmental score of 0, given
     * or computed from the vector completed with the metric properties.
     */
    private static void cvssForFixedProducts(JsonNode vulnerability, String path, Findings findings) {
        JsonNode status = vulnerability.get("product_status");
        Set<String> fixed = new LinkedHashSet<>();
        for (String list : List.of("first_fixed", "fixed")) {
            Json.strings(status, list).forEach(id -> fixed.add(id.value()));
        }
        if (fixed.isEmpty()) {
            return;
        }
        List<JsonNode> scores = items(vulnerability, "scores");
        for (int s = 0; s < scores.size(); s++) {
            JsonNode score = scores.get(s);
            for (Json.Indexed<String> product : Json.strings(score, "products")) {
                if (!fixed.contains(product.value())) {
                    continue;
                }
                for (String key : List.of("cvss_v2", "cvss_v3")) {
                    JsonNode cvss = score.get(key);
                    Optional<Double> environmental = environmentalScore(cvss, key);
                    if (environmental.isPresent() && environmental.get() > 0.0) {
                        findings.warning("6.2.19", field(index(field(path, "scores"), s), key), "Product "
                                + product.value() + " is fixed but this score gives it an environmental score of "
                                + environmental.get() + "; for fixed products set the modified impacts so that"
                                + " the environmental score is 0.");
                    }
                }
            }
        }
    }

    private static Optional<Double> environmentalScore(JsonNode cvss, String key) {
        if (cvss == null) {
            return Optional.empty();
        }
        String version = key.equals("cvss_v2") ? "2.0" : String.valueOf(text(cvss, "version"));
        JsonNode given = cvss.get("environmentalScore");
        if (given != null && given.isNumber() && given.asDouble() > 0) {
            return Optional.of(given.asDouble());
        }
        return CvssVector.parse(version, text(cvss, "vectorString"))
                .map(vector -> vector.withProperties(cvss).scores().environmental());
    }

    /** 6.2.20 Additional Properties (against the strict schema). */
    private void additionalProperties(CsafDocument doc, Findings findings) {
        Set<String> reported = new HashSet<>();
        for (Error error : schemas.validateStrict(doc.root())) {
            if ("additionalProperties".equals(error.getKeyword())) {
                String path = CsafSchemas.path(Json.ROOT, error.getInstanceLocation());
                if (!reported.add(path + "\u0000" + error.getProperty())) {
                    continue;
                }
                findings.warning("6.2.20", field(path, String.valueOf(error.getProperty())), "The property "
                        + quote(String.valueOf(error.getProperty())) + " is not defined in the CSAF 2.0 schema.");
            }
        }
    }
}
