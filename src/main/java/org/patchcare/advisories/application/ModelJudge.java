package org.patchcare.advisories.application;

import org.patchcare.advisories.application.InventoryModels.ModelRow;
import org.patchcare.advisories.domain.ProductEntry;
import org.patchcare.advisories.domain.matching.AdvisoryProduct;
import org.patchcare.advisories.domain.matching.ManufacturerCandidate;
import org.patchcare.advisories.domain.matching.MatchIndex;
import org.patchcare.advisories.domain.matching.MatchResult;
import org.patchcare.advisories.domain.matching.ModelCandidate;
import org.patchcare.advisories.domain.matching.ModelMatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge between stored advisory products and the matching library ({@code advisories.domain.matching}): builds
 * one {@link MatchIndex} of the inventory's models per matching run, and judges each (product, model, software
 * version) with the library's verdict ({@link org.patchcare.advisories.domain.matching.Certainty}).
 */
final class ModelJudge {

    /** What a product means for the devices of one model with one software version. */
    enum Kind {
        /** affected: vendor and name (or identifier) match firmly and the version is in range */
        CERTAIN,
        /** maybe: fuzzy vendor or name, or versions that cannot be compared; IT reviews */
        LIKELY,
        /** the model matches firmly, but this software version is outside the affected versions */
        OUTSIDE,
        /** not this model */
        NONE
    }

    record Verdict(ModelRow model, Kind kind, double score, String reason) {
    }

    private final MatchIndex index;
    private final Map<String, ModelRow> rows = new HashMap<>();
    private final Map<ProductEntry, AdvisoryProduct> products = new IdentityHashMap<>();
    private final Map<ProductEntry, Map<Long, ModelMatch>> candidates = new IdentityHashMap<>();

    ModelJudge(List<ModelRow> models) {
        Map<String, ManufacturerCandidate> manufacturers = new LinkedHashMap<>();
        List<ModelCandidate> candidates = new ArrayList<>(models.size());
        for (ModelRow m : models) {
            String mf = Long.toString(m.manufacturerId());
            manufacturers.putIfAbsent(mf, new ManufacturerCandidate(mf, m.manufacturer(), m.aliases()));
            candidates.add(new ModelCandidate(Long.toString(m.id()), mf, m.name(), m.modelNumber()));
            rows.put(Long.toString(m.id()), m);
        }
        this.index = new MatchIndex(manufacturers.values(), candidates);
    }

    /**
     * The models this product may be, best first.
     *
     * @param all the advisory's products, to find the platform a relationship product is installed on
     */
    List<Verdict> candidates(ProductEntry p, List<ProductEntry> all) {
        AdvisoryProduct product = product(p);
        AdvisoryProduct platform = null;
        if (p.relatesTo() != null) {
            for (ProductEntry other : all) {
                if (other.productId().equals(p.relatesTo())) {
                    platform = product(other);
                }
            }
        }
        Map<Long, ModelMatch> byModel = new LinkedHashMap<>();
        List<Verdict> out = new ArrayList<>();
        for (ModelMatch m : index.candidates(product, platform)) {
            ModelRow row = rows.get(m.model().modelKey());
            byModel.put(row.id(), m);
            out.add(new Verdict(row, Kind.LIKELY, m.score(), m.vendorReason() + "; " + m.nameReason()));
        }
        candidates.put(p, byModel);
        return out;
    }

    /** The verdict for the devices of {@code model} running {@code softwareVersion} (null: not recorded). */
    Verdict judge(ProductEntry p, ModelRow model, String softwareVersion) {
        ModelMatch match = candidates.getOrDefault(p, Map.of()).get(model.id());
        if (match == null) {
            return new Verdict(model, Kind.NONE, 0, "not a candidate");
        }
        MatchResult r = match.forVersion(softwareVersion);
        Kind kind = switch (r.certainty()) {
            case CERTAIN -> Kind.CERTAIN;
            case LIKELY -> Kind.LIKELY;
            case NOT_AFFECTED_VERSION -> Kind.OUTSIDE;
            case NONE -> Kind.NONE;
        };
        return new Verdict(model, kind, r.score(), r.reason());
    }

    /** The stored product as the library's record (identifiers are kept one per line as {@code kind:value}). */
    AdvisoryProduct product(ProductEntry p) {
        return products.computeIfAbsent(p, e -> {
            List<String> cpes = new ArrayList<>();
            List<String> purls = new ArrayList<>();
            List<String> models = new ArrayList<>();
            List<String> skus = new ArrayList<>();
            if (e.identifiers() != null) {
                for (String line : e.identifiers().split("\n")) {
                    if (line.startsWith("cpe:")) {
                        cpes.add(line);
                    } else if (line.startsWith("pkg:")) {
                        purls.add(line);
                    } else if (line.startsWith("model:")) {
                        models.add(line.substring(6));
                    } else if (line.startsWith("sku:")) {
                        skus.add(line.substring(4));
                    }
                }
            }
            return new AdvisoryProduct(e.productId(), e.vendor(), e.productName(), e.versionText(), e.versionIsRange(),
                    cpes, purls, models, skus, List.of(), e.relatesTo());
        });
    }
}
