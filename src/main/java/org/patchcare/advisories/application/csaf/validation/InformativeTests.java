package org.patchcare.advisories.application.csaf.validation;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.regex.Pattern;

import static org.patchcare.advisories.application.csaf.validation.Json.field;
import static org.patchcare.advisories.application.csaf.validation.Json.index;
import static org.patchcare.advisories.application.csaf.validation.Json.items;
import static org.patchcare.advisories.application.csaf.validation.Json.quote;
import static org.patchcare.advisories.application.csaf.validation.Json.text;

/**
 * Informative tests of CSAF 2.0 that run offline: 6.3.1 to 6.3.5 and 6.3.9 to 6.3.11, as warnings. Not run: 6.3.6
 * and 6.3.7 (they resolve URLs over the network) and 6.3.8 (it needs a spell checker and dictionaries).
 */
final class InformativeTests {

    private static final Pattern V_VERSION = Pattern.compile("^[vV][0-9].*$");

    void run(CsafDocument doc, Findings findings) {
        List<JsonNode> vulnerabilities = doc.vulnerabilities();
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode vulnerability = vulnerabilities.get(v);
            String path = CsafDocument.vulnerabilityPath(v);
            scores(vulnerability, path, findings);
            if (!vulnerability.has("cve")) {
                findings.warning("6.3.3", path, "This vulnerability has no CVE id; a CVE helps readers find more"
                        + " about it and follow it across advisories.");
            }
            if (!vulnerability.has("cwe")) {
                findings.warning("6.3.4", path, "This vulnerability has no CWE (kind of weakness).");
            }
        }
        shortHashes(doc, findings);
        branches(doc, findings);
    }

    /** 6.3.1 Use of CVSS v2 as the only Scoring System, 6.3.2 Use of CVSS v3.0. */
    private static void scores(JsonNode vulnerability, String path, Findings findings) {
        List<JsonNode> scores = items(vulnerability, "scores");
        for (int s = 0; s < scores.size(); s++) {
            JsonNode score = scores.get(s);
            String scorePath = index(field(path, "scores"), s);
            if (score.has("cvss_v2") && !score.has("cvss_v3")) {
                findings.warning("6.3.1", field(scorePath, "cvss_v2"), "This score is given only in CVSS v2;"
                        + " add a CVSS v3 score.");
            }
            JsonNode v3 = score.get("cvss_v3");
            String vector = text(v3, "vectorString");
            if ("3.0".equals(text(v3, "version")) || (vector != null && vector.startsWith("CVSS:3.0/"))) {
                findings.warning("6.3.2", field(scorePath, "cvss_v3"), "This score uses CVSS v3.0; CVSS v3.1 is"
                        + " recommended.");
            }
        }
    }

    /** 6.3.5 Use of Short Hash. */
    private static void shortHashes(CsafDocument doc, Findings findings) {
        ProductTreeTests.forEachFileHashes(doc, (fileHashes, path, product) -> {
            List<JsonNode> hashes = items(fileHashes);
            for (int i = 0; i < hashes.size(); i++) {
                String value = text(hashes.get(i), "value");
                if (value != null && value.length() < 64) {
                    findings.warning("6.3.5", field(index(path, i), "value"), "The " + quote(String.valueOf(
                            text(hashes.get(i), "algorithm"))) + " hash of product " + product.productId() + " is only "
                            + value.length() + " characters long; use a hash of at least 64 hex characters"
                            + " (e.g. SHA-256).");
                }
            }
        });
    }

    /** 6.3.9 Branch Categories, 6.3.10 Usage of Product Version Range, 6.3.11 Usage of V as Version Indicator. */
    private static void branches(CsafDocument doc, Findings findings) {
        for (CsafDocument.Branch branch : doc.branches()) {
            String category = branch.category();
            if (branch.node().has("product") && !inOrder(branch.categories(), "vendor", "product_name",
                    "product_version")) {
                findings.warning("6.3.9", field(branch.path(), "product"), "The branches leading to product "
                        + text(branch.node().path("product"), "product_id") + " are " + String.join(" > ",
                        branch.categories()) + "; the recommended path is vendor > product_name > product_version.");
            }
            if ("product_version_range".equals(category)) {
                findings.warning("6.3.10", field(branch.path(), "category"), "This branch gives a version range ("
                        + quote(String.valueOf(branch.name())) + "); listing the affected versions lets readers"
                        + " match their installed versions exactly.");
            }
            String name = branch.name();
            if ("product_version".equals(category) && name != null && V_VERSION.matcher(name).matches()) {
                findings.warning("6.3.11", field(branch.path(), "name"), "The product version " + quote(name)
                        + " starts with a \"v\"; give the version without it.");
            }
        }
    }

    /** Whether the categories contain the wanted ones as a subsequence, in that order. */
    private static boolean inOrder(List<String> categories, String... wanted) {
        int next = 0;
        for (String category : categories) {
            if (next < wanted.length && category.equals(wanted[next])) {
                next++;
            }
        }
        return next == wanted.length;
    }
}
