package org.patchcare.advisories.application.csaf;

import org.patchcare.advisories.domain.matching.AdvisoryProduct;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the {@code product_tree} of a CSAF 2.0 document into one {@link AdvisoryProduct} per product id: every product
 * found in {@code branches} (vendor → product_family → product_name → product_version / product_version_range, at
 * any depth), in {@code full_product_names}, and in {@code relationships}. A relationship's product takes vendor,
 * name, version and identifiers from its {@code product_reference} side and records the
 * {@code relates_to_product_reference} in {@link AdvisoryProduct#relatesTo()}. Strings are kept as written.
 * <p>
 * The document is expected to have passed schema validation; missing parts are skipped, not reported.
 */
public final class ProductTreeFlattener {

    /** The branch context inherited by a product: the nearest vendor, family, name and version branch. */
    private record Context(String vendor, String family, String name, String version, boolean range) {

        Context with(String category, String branchName) {
            return switch (category) {
                case "vendor" -> new Context(branchName, family, name, version, range);
                case "product_family" -> new Context(vendor, branchName, name, version, range);
                case "product_name" -> new Context(vendor, family, branchName, version, range);
                case "product_version" -> new Context(vendor, family, name, branchName, false);
                case "product_version_range" -> new Context(vendor, family, name, branchName, true);
                default -> this; // architecture, host_name, language, legacy, patch_level, service_pack, specification
            };
        }

        String productName(String fullName) {
            if (name == null) {
                return family != null ? family : fullName;
            }
            if (family == null || name.toLowerCase().contains(family.toLowerCase())) {
                return name;
            }
            return family + " " + name;
        }
    }

    public List<AdvisoryProduct> flatten(JsonNode csafDocument) {
        JsonNode tree = csafDocument.path("product_tree");
        Map<String, AdvisoryProduct> byId = new LinkedHashMap<>();
        walk(tree.path("branches"), new Context(null, null, null, null, false), byId);
        for (JsonNode p : tree.path("full_product_names")) {
            String id = p.path("product_id").asString(null);
            if (id != null) {
                byId.putIfAbsent(id, product(id, null, p.path("name").asString(null), null, false,
                        p.path("product_identification_helper"), null));
            }
        }
        List<JsonNode> pending = new ArrayList<>();
        tree.path("relationships").forEach(pending::add);
        // A relationship may refer to a product defined by another relationship: add those whose reference is known,
        // pass after pass; what never resolves is added with its own name only.
        int before;
        do {
            before = pending.size();
            pending.removeIf(r -> {
                AdvisoryProduct ref = byId.get(r.path("product_reference").asString(""));
                if (ref == null) {
                    return false;
                }
                addRelationship(r, ref, byId);
                return true;
            });
        } while (!pending.isEmpty() && pending.size() < before);
        for (JsonNode r : pending) {
            addRelationship(r, null, byId);
        }
        return List.copyOf(byId.values());
    }

    private static void addRelationship(JsonNode r, AdvisoryProduct ref, Map<String, AdvisoryProduct> byId) {
        JsonNode fpn = r.path("full_product_name");
        String id = fpn.path("product_id").asString(null);
        if (id == null) {
            return;
        }
        String relatesTo = r.path("relates_to_product_reference").asString(null);
        JsonNode helper = fpn.path("product_identification_helper");
        AdvisoryProduct own = product(id, null, fpn.path("name").asString(null), null, false, helper, relatesTo);
        if (ref == null) {
            byId.putIfAbsent(id, own);
            return;
        }
        byId.putIfAbsent(id, new AdvisoryProduct(id, ref.vendor(), ref.productName(), ref.versionText(),
                ref.versionIsRange(), union(ref.cpes(), own.cpes()), union(ref.purls(), own.purls()),
                union(ref.modelNumbers(), own.modelNumbers()), union(ref.skus(), own.skus()),
                union(ref.serialNumbers(), own.serialNumbers()), relatesTo));
    }

    private static void walk(JsonNode branches, Context parent, Map<String, AdvisoryProduct> byId) {
        for (JsonNode branch : branches) {
            Context ctx = parent.with(branch.path("category").asString(""), branch.path("name").asString(null));
            JsonNode p = branch.path("product");
            String id = p.path("product_id").asString(null);
            if (id != null) {
                String fullName = p.path("name").asString(null);
                byId.putIfAbsent(id, product(id, ctx.vendor(), ctx.productName(fullName), ctx.version(), ctx.range(),
                        p.path("product_identification_helper"), null));
            }
            walk(branch.path("branches"), ctx, byId);
        }
    }

    private static AdvisoryProduct product(String id, String vendor, String name, String version, boolean range,
            JsonNode helper, String relatesTo) {
        List<String> purls = strings(helper.path("purls"));
        String purl = helper.path("purl").asString(null);
        if (purl != null && !purls.contains(purl)) {
            purls = union(List.of(purl), purls);
        }
        String cpe = helper.path("cpe").asString(null);
        return new AdvisoryProduct(id, vendor, name, version, range, cpe == null ? List.of() : List.of(cpe), purls,
                strings(helper.path("model_numbers")), strings(helper.path("skus")),
                strings(helper.path("serial_numbers")), relatesTo);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            if (n.isString()) {
                out.add(n.asString());
            }
        }
        return out;
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<String> out = new ArrayList<>(a);
        for (String s : b) {
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
