package org.patchcare.advisories.application.csaf.validation;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.patchcare.advisories.application.csaf.validation.Json.field;
import static org.patchcare.advisories.application.csaf.validation.Json.index;
import static org.patchcare.advisories.application.csaf.validation.Json.items;
import static org.patchcare.advisories.application.csaf.validation.Json.text;

/**
 * One CSAF document with what the tests look up again and again: every product definition, every branch with the
 * categories above it, every reference to a product or a product group. Built once per validation; tolerant of a
 * document that does not match the schema (missing or mistyped parts are simply not indexed).
 */
final class CsafDocument {

    /** A Full Product Name (type full_product_name_t) wherever it stands. */
    record ProductDefinition(String productId, String idPath, JsonNode node, String nodePath) {
    }

    /** A branch with its path and the categories from the top of the tree down to and including itself. */
    record Branch(JsonNode node, String path, List<String> categories) {

        String category() {
            return text(node, "category");
        }

        String name() {
            return text(node, "name");
        }
    }

    /** An id used (not defined) somewhere, with where it is used. */
    record Reference(String id, String path) {
    }

    record GroupDefinition(String groupId, String path, Set<String> productIds) {
    }

    private final JsonNode root;
    private final List<ProductDefinition> products = new ArrayList<>();
    private final List<Branch> branches = new ArrayList<>();
    private final List<GroupDefinition> groups = new ArrayList<>();
    private final List<Reference> productReferences = new ArrayList<>();
    private final List<Reference> groupReferences = new ArrayList<>();
    private final Map<String, Set<String>> groupMembers = new HashMap<>();

    CsafDocument(JsonNode root) {
        this.root = root;
        indexProductTree();
        indexVulnerabilityReferences();
    }

    JsonNode root() {
        return root;
    }

    JsonNode document() {
        return root.path("document");
    }

    JsonNode tracking() {
        return document().path("tracking");
    }

    String category() {
        return text(document(), "category");
    }

    JsonNode productTree() {
        return root.get("product_tree");
    }

    List<JsonNode> vulnerabilities() {
        return items(root, "vulnerabilities");
    }

    static String vulnerabilityPath(int index) {
        return index("$.vulnerabilities", index);
    }

    List<ProductDefinition> products() {
        return products;
    }

    List<Branch> branches() {
        return branches;
    }

    List<GroupDefinition> groups() {
        return groups;
    }

    /** Every use of a product id outside a Full Product Name (test 6.1.1 and 6.2.1). */
    List<Reference> productReferences() {
        return productReferences;
    }

    /** Every use of a product group id outside a product group (test 6.1.4). */
    List<Reference> groupReferences() {
        return groupReferences;
    }

    /**
     * The products an element names directly ({@code product_ids}, or {@code products} for scores) or through its
     * {@code group_ids}.
     */
    Set<String> productsOf(JsonNode element, String productArray) {
        Set<String> result = new LinkedHashSet<>();
        for (Json.Indexed<String> id : Json.strings(element, productArray)) {
            result.add(id.value());
        }
        for (Json.Indexed<String> group : Json.strings(element, "group_ids")) {
            result.addAll(groupMembers.getOrDefault(group.value(), Set.of()));
        }
        return result;
    }

    Set<String> productsOf(JsonNode element) {
        return productsOf(element, "product_ids");
    }

    private void indexProductTree() {
        JsonNode tree = productTree();
        if (tree == null || !tree.isObject()) {
            return;
        }
        String treePath = "$.product_tree";
        walkBranches(tree.get("branches"), field(treePath, "branches"), List.of());
        List<JsonNode> fullNames = items(tree, "full_product_names");
        for (int i = 0; i < fullNames.size(); i++) {
            addProduct(fullNames.get(i), index(field(treePath, "full_product_names"), i));
        }
        List<JsonNode> relationships = items(tree, "relationships");
        for (int i = 0; i < relationships.size(); i++) {
            JsonNode relationship = relationships.get(i);
            String path = index(field(treePath, "relationships"), i);
            addProduct(relationship.get("full_product_name"), field(path, "full_product_name"));
            addReference(productReferences, relationship, "product_reference", path);
            addReference(productReferences, relationship, "relates_to_product_reference", path);
        }
        List<JsonNode> productGroups = items(tree, "product_groups");
        for (int i = 0; i < productGroups.size(); i++) {
            JsonNode group = productGroups.get(i);
            String path = index(field(treePath, "product_groups"), i);
            Set<String> members = new LinkedHashSet<>();
            for (Json.Indexed<String> id : Json.strings(group, "product_ids")) {
                members.add(id.value());
                productReferences.add(new Reference(id.value(), index(field(path, "product_ids"), id.index())));
            }
            String groupId = text(group, "group_id");
            if (groupId != null) {
                groups.add(new GroupDefinition(groupId, field(path, "group_id"), members));
                groupMembers.computeIfAbsent(groupId, k -> new LinkedHashSet<>()).addAll(members);
            }
        }
    }

    private void walkBranches(JsonNode array, String arrayPath, List<String> above) {
        List<JsonNode> list = items(array);
        for (int i = 0; i < list.size(); i++) {
            JsonNode branch = list.get(i);
            if (!Json.isObject(branch)) {
                continue;
            }
            String path = index(arrayPath, i);
            List<String> categories = new ArrayList<>(above);
            categories.add(String.valueOf(text(branch, "category")));
            branches.add(new Branch(branch, path, List.copyOf(categories)));
            addProduct(branch.get("product"), field(path, "product"));
            walkBranches(branch.get("branches"), field(path, "branches"), categories);
        }
    }

    private void addProduct(JsonNode fullProductName, String path) {
        if (!Json.isObject(fullProductName)) {
            return;
        }
        String id = text(fullProductName, "product_id");
        if (id != null) {
            products.add(new ProductDefinition(id, field(path, "product_id"), fullProductName, path));
        }
    }

    private static void addReference(List<Reference> target, JsonNode node, String name, String path) {
        String id = text(node, name);
        if (id != null) {
            target.add(new Reference(id, field(path, name)));
        }
    }

    private static void addReferences(List<Reference> target, JsonNode node, String arrayName, String path) {
        for (Json.Indexed<String> id : Json.strings(node, arrayName)) {
            target.add(new Reference(id.value(), index(field(path, arrayName), id.index())));
        }
    }

    static final List<String> PRODUCT_STATUSES = List.of("first_affected", "first_fixed", "fixed", "known_affected",
            "known_not_affected", "last_affected", "recommended", "under_investigation");

    private void indexVulnerabilityReferences() {
        List<JsonNode> vulnerabilities = vulnerabilities();
        for (int v = 0; v < vulnerabilities.size(); v++) {
            JsonNode vulnerability = vulnerabilities.get(v);
            String path = vulnerabilityPath(v);
            JsonNode status = vulnerability.get("product_status");
            for (String group : PRODUCT_STATUSES) {
                addReferences(productReferences, status, group, field(path, "product_status"));
            }
            indexElements(vulnerability, path, "remediations", "product_ids");
            indexElements(vulnerability, path, "scores", "products");
            indexElements(vulnerability, path, "threats", "product_ids");
            indexElements(vulnerability, path, "flags", "product_ids");
        }
    }

    private void indexElements(JsonNode vulnerability, String vulnerabilityPath, String arrayName,
            String productArray) {
        List<JsonNode> elements = items(vulnerability, arrayName);
        for (int i = 0; i < elements.size(); i++) {
            String path = index(field(vulnerabilityPath, arrayName), i);
            addReferences(productReferences, elements.get(i), productArray, path);
            addReferences(groupReferences, elements.get(i), "group_ids", path);
        }
    }

    /** Every product id defined in the document. */
    Set<String> definedProductIds() {
        Set<String> ids = new LinkedHashSet<>();
        for (ProductDefinition p : products) {
            ids.add(p.productId());
        }
        return ids;
    }
}
