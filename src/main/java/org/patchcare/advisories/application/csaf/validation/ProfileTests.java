package org.patchcare.advisories.application.csaf.validation;

import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.patchcare.advisories.application.csaf.validation.Json.field;
import static org.patchcare.advisories.application.csaf.validation.Json.index;
import static org.patchcare.advisories.application.csaf.validation.Json.items;
import static org.patchcare.advisories.application.csaf.validation.Json.text;

/** Mandatory profile tests 6.1.27.1 to 6.1.27.11; each applies only to the document categories it names. */
final class ProfileTests {

    private static final String INFORMATIONAL = "csaf_informational_advisory";
    private static final String INCIDENT = "csaf_security_incident_response";
    private static final String ADVISORY = "csaf_security_advisory";
    private static final String VEX = "csaf_vex";
    private static final Set<String> NOTE_CATEGORIES = Set.of("description", "details", "general", "summary");

    void run(CsafDocument doc, Findings findings) {
        String category = doc.category();
        if (category == null) {
            return;
        }
        JsonNode root = doc.root();
        List<JsonNode> vulnerabilities = doc.vulnerabilities();
        if (category.equals(INFORMATIONAL) || category.equals(INCIDENT)) {
            documentNotes(doc, findings);
            documentReferences(doc, findings);
        }
        if (category.equals(INFORMATIONAL) && root.has("vulnerabilities")) {
            findings.error("6.1.27.3", "$.vulnerabilities", "An informational advisory must not list"
                    + " vulnerabilities; remove them or use another document category.");
        }
        if (category.equals(ADVISORY) || category.equals(VEX)) {
            if (!root.has("product_tree")) {
                findings.error("6.1.27.4", "$", "A " + category + " document needs a product tree"
                        + " (product_tree).");
            }
            if (!root.has("vulnerabilities")) {
                findings.error("6.1.27.11", "$", "A " + category + " document needs at least one vulnerability"
                        + " (vulnerabilities).");
            }
            for (int v = 0; v < vulnerabilities.size(); v++) {
                if (!vulnerabilities.get(v).has("notes")) {
                    findings.error("6.1.27.5", CsafDocument.vulnerabilityPath(v), "This vulnerability has no notes;"
                            + " a " + category + " document must describe each vulnerability in notes.");
                }
            }
        }
        if (category.equals(ADVISORY)) {
            for (int v = 0; v < vulnerabilities.size(); v++) {
                if (!vulnerabilities.get(v).has("product_status")) {
                    findings.error("6.1.27.6", CsafDocument.vulnerabilityPath(v), "This vulnerability has no"
                            + " product_status; a security advisory must say which products are affected.");
                }
            }
        }
        if (category.equals(VEX)) {
            vex(doc, vulnerabilities, findings);
        }
    }

    /** 6.1.27.1 Document Notes. */
    private static void documentNotes(CsafDocument doc, Findings findings) {
        boolean found = items(doc.document(), "notes").stream()
                .anyMatch(n -> NOTE_CATEGORIES.contains(String.valueOf(text(n, "category"))));
        if (!found) {
            findings.error("6.1.27.1", "$.document.notes", "The document needs a note of category description,"
                    + " details, general or summary.");
        }
    }

    /** 6.1.27.2 Document References (a reference without category counts as external, its default). */
    private static void documentReferences(CsafDocument doc, Findings findings) {
        boolean found = items(doc.document(), "references").stream()
                .anyMatch(r -> Json.isObject(r) && (!r.has("category") || "external".equals(text(r, "category"))));
        if (!found) {
            findings.error("6.1.27.2", "$.document.references", "The document needs at least one reference of"
                    + " category external.");
        }
    }

    /** 6.1.27.7 to 6.1.27.10 for VEX documents. */
    private static void vex(CsafDocument doc, List<JsonNode> vulnerabilities, Findings findings) {
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode vulnerability = vulnerabilities.get(v);
            String path = CsafDocument.vulnerabilityPath(v);
            JsonNode status = vulnerability.get("product_status");
            if (List.of("fixed", "known_affected", "known_not_affected", "under_investigation").stream()
                    .noneMatch(list -> status != null && status.has(list))) {
                findings.error("6.1.27.7", field(path, "product_status"), "A VEX document must list products as"
                        + " fixed, known_affected, known_not_affected or under_investigation; this product status"
                        + " has none of them.");
            }
            if (!vulnerability.has("cve") && !vulnerability.has("ids")) {
                findings.error("6.1.27.8", path, "This vulnerability has neither a CVE (cve) nor another id (ids).");
            }
            impactStatements(doc, vulnerability, path, findings);
            actionStatements(doc, vulnerability, path, findings);
        }
    }

    /** 6.1.27.9 Impact Statement. */
    private static void impactStatements(CsafDocument doc, JsonNode vulnerability, String path, Findings findings) {
        Set<String> covered = new HashSet<>();
        items(vulnerability, "flags").forEach(flag -> covered.addAll(doc.productsOf(flag)));
        items(vulnerability, "threats").stream().filter(t -> "impact".equals(text(t, "category")))
                .forEach(threat -> covered.addAll(doc.productsOf(threat)));
        for (Json.Indexed<String> id : Json.strings(vulnerability.get("product_status"), "known_not_affected")) {
            if (!covered.contains(id.value())) {
                findings.error("6.1.27.9", index(field(field(path, "product_status"), "known_not_affected"),
                        id.index()), "Product " + id.value() + " is known not affected but has no impact statement:"
                        + " add a flag or a threat of category impact that names it.");
            }
        }
    }

    /** 6.1.27.10 Action Statement. */
    private static void actionStatements(CsafDocument doc, JsonNode vulnerability, String path, Findings findings) {
        Set<String> covered = new HashSet<>();
        items(vulnerability, "remediations").forEach(r -> covered.addAll(doc.productsOf(r)));
        for (Json.Indexed<String> id : Json.strings(vulnerability.get("product_status"), "known_affected")) {
            if (!covered.contains(id.value())) {
                findings.error("6.1.27.10", index(field(field(path, "product_status"), "known_affected"),
                        id.index()), "Product " + id.value() + " is known affected but has no action statement:"
                        + " add a remediation that names it.");
            }
        }
    }
}
