package org.patchcare.advisories.domain.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All inventory models, indexed by manufacturer, to answer quickly which models an advisory product may hit.
 * Built once per matching run; thread-safe for reading.
 * <p>
 * Intended use: for each advisory product, {@link #candidates} gives the models whose manufacturer matches the
 * advisory's vendor and whose name scores at least {@link ModelMatch#MEDIUM_NAME} (or whose model number the
 * advisory lists); then {@link ModelMatch#forVersion} is asked once per distinct software version among that model's
 * devices, and the verdict applies to every device with that (model, version).
 */
public final class MatchIndex {

    private final Matcher matcher;
    private final List<ModelCandidate> all;
    private final Map<String, List<ModelCandidate>> byManufacturer = new HashMap<>();

    public MatchIndex(Collection<ManufacturerCandidate> manufacturers, Collection<ModelCandidate> models) {
        this.matcher = new Matcher(manufacturers);
        this.all = List.copyOf(models);
        for (ModelCandidate m : models) {
            byManufacturer.computeIfAbsent(m.manufacturerKey(), k -> new ArrayList<>()).add(m);
        }
    }

    public Matcher matcher() {
        return matcher;
    }

    /** The models this product may hit, best first. */
    public List<ModelMatch> candidates(AdvisoryProduct product) {
        return candidates(product, null);
    }

    /**
     * The models this product may hit, best first.
     *
     * @param platform for a product defined by a relationship, the product it relates to (the device a firmware is
     *                 installed on); may be null
     */
    public List<ModelMatch> candidates(AdvisoryProduct product, AdvisoryProduct platform) {
        String vendor = Matcher.vendorOf(product, platform);
        Collection<ModelCandidate> pool;
        if (vendor == null) {
            pool = all; // no vendor named: every model, at most LIKELY
        } else {
            pool = new ArrayList<>();
            for (VendorMatch v : matcher.vendors().matchAll(vendor)) {
                pool.addAll(byManufacturer.getOrDefault(v.manufacturerKey(), List.of()));
            }
        }
        List<ModelMatch> out = new ArrayList<>();
        for (ModelCandidate model : pool) {
            ModelMatch m = matcher.assess(product, platform, model);
            if (m.modelListed() || m.nameScore() >= ModelMatch.MEDIUM_NAME) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingDouble(ModelMatch::score).reversed()
                .thenComparing(m -> m.model().modelName()));
        return out;
    }
}
