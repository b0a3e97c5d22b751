package org.patchcare.advisories.application.csaf.validation;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import tools.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.patchcare.advisories.application.csaf.validation.Json.field;
import static org.patchcare.advisories.application.csaf.validation.Json.index;
import static org.patchcare.advisories.application.csaf.validation.Json.items;
import static org.patchcare.advisories.application.csaf.validation.Json.quote;
import static org.patchcare.advisories.application.csaf.validation.Json.text;

/** Mandatory tests on the product tree: 6.1.1 to 6.1.5, 6.1.13, 6.1.25 and 6.1.31 (with CISA's vers: leniency). */
final class ProductTreeTests {

    /** Comparison operators that mark a version range wherever they stand in a product_version name (6.1.31). */
    static final List<String> RANGE_OPERATORS = List.of("<=", ">=", "<", ">");
    /** Words that mark a version range when they stand as a word (separated by white space) in the name. */
    static final List<String> RANGE_WORDS = List.of("after", "all", "before", "earlier", "later", "prior",
            "versions");

    void run(CsafDocument doc, Findings findings) {
        missingProductDefinitions(doc, findings);
        multipleProductDefinitions(doc, findings);
        circularProductDefinitions(doc, findings);
        missingGroupDefinitions(doc, findings);
        multipleGroupDefinitions(doc, findings);
        invalidPurls(doc, findings);
        repeatedHashAlgorithms(doc, findings);
        versionRangesInProductVersion(doc, findings);
    }

    /** 6.1.1 Missing Definition of Product ID. */
    private static void missingProductDefinitions(CsafDocument doc, Findings findings) {
        Set<String> defined = doc.definedProductIds();
        for (CsafDocument.Reference reference : doc.productReferences()) {
            if (!defined.contains(reference.id())) {
                findings.error("6.1.1", reference.path(), "Product ID " + reference.id()
                        + " is referenced but never defined in the product tree.");
            }
        }
    }

    /** 6.1.2 Multiple Definition of Product ID. */
    private static void multipleProductDefinitions(CsafDocument doc, Findings findings) {
        Map<String, String> first = new HashMap<>();
        for (CsafDocument.ProductDefinition product : doc.products()) {
            String earlier = first.putIfAbsent(product.productId(), product.idPath());
            if (earlier != null) {
                findings.error("6.1.2", product.idPath(), "Product ID " + product.productId()
                        + " is defined more than once; it was already defined at " + earlier + ".");
            }
        }
    }

    /** 6.1.3 Circular Definition of Product ID. */
    private static void circularProductDefinitions(CsafDocument doc, Findings findings) {
        JsonNode tree = doc.productTree();
        List<JsonNode> relationships = items(tree, "relationships");
        Map<String, Set<String>> refersTo = new HashMap<>();
        Set<String> referenced = new HashSet<>();
        for (JsonNode relationship : relationships) {
            String id = text(relationship.path("full_product_name"), "product_id");
            if (id == null) {
                continue;
            }
            Set<String> targets = refersTo.computeIfAbsent(id, k -> new LinkedHashSet<>());
            for (String name : List.of("product_reference", "relates_to_product_reference")) {
                String target = text(relationship, name);
                if (target != null) {
                    targets.add(target);
                    referenced.add(target);
                }
            }
        }
        for (int i = 0; i < relationships.size(); i++) {
            String id = text(relationships.get(i).path("full_product_name"), "product_id");
            if (id != null && referenced.contains(id) && reaches(refersTo, id)) {
                findings.error("6.1.3", field(field(index("$.product_tree.relationships", i), "full_product_name"),
                        "product_id"), "Product ID " + id + " is defined through relationships that lead back to "
                        + id + " itself (a circular definition).");
            }
        }
    }

    private static boolean reaches(Map<String, Set<String>> refersTo, String start) {
        Deque<String> todo = new ArrayDeque<>(refersTo.getOrDefault(start, Set.of()));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (next.equals(start)) {
                return true;
            }
            if (seen.add(next)) {
                todo.addAll(refersTo.getOrDefault(next, Set.of()));
            }
        }
        return false;
    }

    /** 6.1.4 Missing Definition of Product Group ID. */
    private static void missingGroupDefinitions(CsafDocument doc, Findings findings) {
        Set<String> defined = new HashSet<>();
        doc.groups().forEach(g -> defined.add(g.groupId()));
        for (CsafDocument.Reference reference : doc.groupReferences()) {
            if (!defined.contains(reference.id())) {
                findings.error("6.1.4", reference.path(), "Product group ID " + reference.id()
                        + " is referenced but never defined in the product groups of the product tree.");
            }
        }
    }

    /** 6.1.5 Multiple Definition of Product Group ID. */
    private static void multipleGroupDefinitions(CsafDocument doc, Findings findings) {
        Map<String, String> first = new HashMap<>();
        for (CsafDocument.GroupDefinition group : doc.groups()) {
            String earlier = first.putIfAbsent(group.groupId(), group.path());
            if (earlier != null) {
                findings.error("6.1.5", group.path(), "Product group ID " + group.groupId()
                        + " is defined more than once; it was already defined at " + earlier + ".");
            }
        }
    }

    /** 6.1.13 PURL. */
    private static void invalidPurls(CsafDocument doc, Findings findings) {
        for (CsafDocument.ProductDefinition product : doc.products()) {
            JsonNode helper = product.node().get("product_identification_helper");
            String purl = text(helper, "purl");
            if (purl == null) {
                continue;
            }
            try {
                new PackageURL(purl);
            } catch (MalformedPackageURLException e) {
                findings.error("6.1.13", field(field(product.nodePath(), "product_identification_helper"), "purl"),
                        "The package URL " + quote(purl) + " of product " + product.productId()
                                + " is not valid: " + e.getMessage());
            }
        }
    }

    /** 6.1.25 Multiple Use of Same Hash Algorithm. */
    private static void repeatedHashAlgorithms(CsafDocument doc, Findings findings) {
        forEachFileHashes(doc, (fileHashes, path, product) -> {
            Set<String> seen = new HashSet<>();
            List<JsonNode> hashes = items(fileHashes);
            for (int i = 0; i < hashes.size(); i++) {
                String algorithm = text(hashes.get(i), "algorithm");
                if (algorithm != null && !seen.add(algorithm.toLowerCase(Locale.ROOT))) {
                    findings.error("6.1.25", field(index(path, i), "algorithm"), "The hash algorithm "
                            + quote(algorithm) + " is used more than once for the same file of product "
                            + product.productId() + "; give each algorithm once.");
                }
            }
        });
    }

    interface FileHashesVisitor {
        void visit(JsonNode fileHashes, String path, CsafDocument.ProductDefinition product);
    }

    /** Calls the visitor for every {@code product_identification_helper.hashes[].file_hashes} array. */
    static void forEachFileHashes(CsafDocument doc, FileHashesVisitor visitor) {
        for (CsafDocument.ProductDefinition product : doc.products()) {
            String helperPath = field(product.nodePath(), "product_identification_helper");
            List<JsonNode> hashes = items(product.node().get("product_identification_helper"), "hashes");
            for (int h = 0; h < hashes.size(); h++) {
                JsonNode fileHashes = hashes.get(h).get("file_hashes");
                if (fileHashes != null && fileHashes.isArray()) {
                    visitor.visit(fileHashes, field(index(field(helperPath, "hashes"), h), "file_hashes"), product);
                }
            }
        }
    }

    /**
     * 6.1.31 Version Range in Product Version. Following the OASIS test files ("after-eight" is a valid version),
     * the range words count as whole words, the operators anywhere. A name in the vers: notation is a version range
     * by definition; CISA writes such names (e.g. "vers:all/*") and PatchCare accepts them with a warning.
     */
    private static void versionRangesInProductVersion(CsafDocument doc, Findings findings) {
        for (CsafDocument.Branch branch : doc.branches()) {
            String name = branch.name();
            if (!"product_version".equals(branch.category()) || name == null) {
                continue;
            }
            String path = field(branch.path(), "name");
            if (name.startsWith("vers:")) {
                findings.warning("6.1.31", path, "The product version " + quote(name)
                        + " is a vers: version range, which CSAF 2.0 does not allow in a product_version branch;"
                        + " PatchCare accepted it as a version range.");
                continue;
            }
            String marker = rangeMarker(name);
            if (marker != null) {
                findings.error("6.1.31", path, "The product version " + quote(name) + " describes a range of"
                        + " versions (it contains " + quote(marker) + "); a product_version branch must name a"
                        + " single version. Use a product_version_range branch for ranges.");
            }
        }
    }

    /** The range operator or range word the name contains (compared in lower case), or null. */
    static String rangeMarker(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String operator : RANGE_OPERATORS) {
            if (lower.contains(operator)) {
                return operator;
            }
        }
        List<String> words = List.of(lower.strip().split("(?U)\\s+"));
        for (String word : RANGE_WORDS) {
            if (words.contains(word)) {
                return word;
            }
        }
        return null;
    }
}
