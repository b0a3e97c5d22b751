package org.patchcare.advisories.application;

import org.patchcare.advisories.application.InventoryModels.ModelRow;
import org.patchcare.advisories.domain.ProductEntry;
import org.patchcare.advisories.domain.matching.Containment;
import org.patchcare.advisories.domain.matching.ManufacturerCandidate;
import org.patchcare.advisories.domain.matching.Names;
import org.patchcare.advisories.domain.matching.VendorMatch;
import org.patchcare.advisories.domain.matching.VendorMatcher;
import org.patchcare.advisories.domain.matching.VersionCheck;
import org.patchcare.advisories.domain.matching.VersionSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Judges one advisory product against the inventory's device models, using the matching library
 * ({@code advisories.domain.matching}): vendor through manufacturer names and aliases, product name against model name
 * and model number, software version against the advisory's version text. Built once per matching run.
 */
final class ModelJudge {

    /** What a product means for the devices of one model with one software version. */
    enum Kind {
        /** affected: vendor and name match firmly and the version is in range */
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

    /** Name score from which a model is a candidate at all, and from which the name counts as a firm match. */
    static final double CANDIDATE = 0.5;
    static final double FIRM = 0.85;

    private final VendorMatcher vendors;
    private final Map<String, List<ModelRow>> modelsByManufacturer = new HashMap<>();
    private final List<ModelRow> allModels;
    private final Map<String, VersionSpec> specs = new HashMap<>();

    ModelJudge(List<ModelRow> models) {
        this.allModels = List.copyOf(models);
        Map<String, ManufacturerCandidate> manufacturers = new HashMap<>();
        for (ModelRow m : models) {
            String key = Long.toString(m.manufacturerId());
            manufacturers.putIfAbsent(key, new ManufacturerCandidate(key, m.manufacturer(), m.aliases()));
            modelsByManufacturer.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        this.vendors = new VendorMatcher(manufacturers.values());
    }

    /** The models this product may be, best first, judged without a software version. */
    List<Verdict> candidates(ProductEntry p) {
        List<Verdict> result = new ArrayList<>();
        if (p.vendor() == null || p.vendor().isBlank()) {
            for (ModelRow m : allModels) {
                double s = nameScore(p, m);
                if (s >= FIRM) {
                    result.add(new Verdict(m, Kind.LIKELY, s, "no vendor given; name " + fmt(s)));
                }
            }
        } else {
            for (VendorMatch vm : vendors.matchAll(p.vendor())) {
                for (ModelRow m : modelsByManufacturer.getOrDefault(vm.manufacturerKey(), List.of())) {
                    double s = nameScore(p, m);
                    if (s >= CANDIDATE) {
                        result.add(new Verdict(m, Kind.LIKELY, s * vm.confidence(), vm.describe() + "; name " + fmt(s)));
                    }
                }
            }
        }
        result.sort((a, b) -> Double.compare(b.score(), a.score()));
        return result;
    }

    /** The verdict for the devices of {@code model} running {@code softwareVersion} (null: not recorded). */
    Verdict judge(ProductEntry p, ModelRow model, String softwareVersion) {
        VendorMatch vm = p.vendor() == null || p.vendor().isBlank() ? null
                : vendors.matchAll(p.vendor()).stream()
                .filter(v -> v.manufacturerKey().equals(Long.toString(model.manufacturerId()))).findFirst().orElse(null);
        double name = nameScore(p, model);
        boolean firmVendor = vm != null && vm.kind() != VendorMatch.Kind.FUZZY;
        boolean firmName = name >= FIRM;
        VersionCheck version = versionCheck(p, softwareVersion);
        String reason = (vm == null ? "no vendor given" : vm.describe()) + "; name \"" + p.productName() + "\" ~ \""
                + model.name() + "\" " + fmt(name) + "; version " + version.explanation();
        double score = name * (vm == null ? 0.8 : vm.confidence());
        if (name < CANDIDATE) {
            return new Verdict(model, Kind.NONE, score, reason);
        }
        if (version.containment() == Containment.NO) {
            return new Verdict(model, firmVendor && firmName ? Kind.OUTSIDE : Kind.NONE, score, reason);
        }
        if (firmVendor && firmName && version.containment() == Containment.YES) {
            return new Verdict(model, Kind.CERTAIN, score, reason);
        }
        return new Verdict(model, Kind.LIKELY, score, reason);
    }

    private VersionCheck versionCheck(ProductEntry p, String softwareVersion) {
        if (p.versionText() == null || p.versionText().isBlank()) {
            return new VersionCheck(Containment.YES, "not limited by the advisory");
        }
        VersionSpec spec = specs.computeIfAbsent(p.versionText(), VersionSpec::parse);
        if (softwareVersion == null || softwareVersion.isBlank()) {
            return new VersionCheck(spec.check("").containment() == Containment.YES ? Containment.YES : Containment.UNKNOWN,
                    "device software version not recorded; advisory says " + p.versionText());
        }
        return spec.check(softwareVersion);
    }

    /**
     * How well the advisory's product name fits a model: the share of the model's name tokens (and model number) the
     * product name contains, and of the product name's tokens the model explains; a model number named in the
     * product name or its identifiers counts as a firm match.
     */
    static double nameScore(ProductEntry p, ModelRow m) {
        String product = p.productName() == null ? "" : p.productName();
        String modelNumber = m.modelNumber() == null ? "" : Names.identifierKey(m.modelNumber());
        if (!modelNumber.isEmpty() && modelNumber.length() >= 3) {
            for (String t : Names.tokens(product + " " + (p.identifiers() == null ? "" : p.identifiers()))) {
                if (Names.identifierKey(t).equals(modelNumber)) {
                    return 1.0;
                }
            }
        }
        Set<String> a = new LinkedHashSet<>(significant(product));
        Set<String> b = new LinkedHashSet<>(significant(m.name()));
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        if (Names.compact(product).equals(Names.compact(m.name()))) {
            return 1.0;
        }
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        double modelCovered = (double) common.size() / b.size();
        double productCovered = (double) common.size() / a.size();
        return 0.7 * modelCovered + 0.3 * productCovered;
    }

    private static final Set<String> WEAK = Set.of("the", "and", "for", "with", "of", "system", "systems", "device",
            "devices", "software", "unit", "model", "series", "version", "medical", "all", "versions");

    private static List<String> significant(String s) {
        List<String> out = new ArrayList<>();
        for (String t : Names.tokens(s == null ? "" : s)) {
            String x = t.toLowerCase(Locale.ROOT);
            if (!WEAK.contains(x) && !x.isBlank()) {
                out.add(x);
            }
        }
        return out;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.2f", d);
    }
}
