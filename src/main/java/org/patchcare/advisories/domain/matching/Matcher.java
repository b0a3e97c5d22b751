package org.patchcare.advisories.domain.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides whether an advisory product hits a device model at a software version: vendor first ({@link
 * VendorMatcher}), then identifiers (model numbers and SKUs of the advisory, model numbers written in its version
 * field), then the product name ({@link ProductNameMatcher}), then the version ({@link VersionSpec}). See
 * {@link Certainty} for the verdicts and {@link ModelMatch} for the thresholds. For many models use {@link
 * MatchIndex}, which indexes models by manufacturer.
 * <p>
 * Thread-safe; version texts are parsed once.
 */
public final class Matcher {

    private final VendorMatcher vendors;
    private final Map<String, ManufacturerCandidate> manufacturers;
    private final ProductNameMatcher names = new ProductNameMatcher();
    private final Map<String, VersionSpec> specs = new ConcurrentHashMap<>();

    public Matcher(Collection<ManufacturerCandidate> manufacturers) {
        this.vendors = new VendorMatcher(manufacturers);
        this.manufacturers = manufacturers.stream()
                .collect(Collectors.toMap(ManufacturerCandidate::manufacturerKey, Function.identity(), (a, b) -> a));
    }

    public VendorMatcher vendors() {
        return vendors;
    }

    /** The verdict for one advisory product, one model and one software version. */
    public MatchResult match(AdvisoryProduct product, ModelCandidate model, String softwareVersion) {
        return assess(product, null, model).forVersion(softwareVersion);
    }

    /** The parsed version text, cached. */
    public VersionSpec versions(AdvisoryProduct product) {
        String text = product.versionText() == null ? "" : product.versionText();
        return specs.computeIfAbsent(text, VersionSpec::parse);
    }

    /**
     * The version-independent match of a product against a model.
     *
     * @param platform for a product defined by a relationship ("firmware installed on camera"), the product it
     *                 relates to; its name is tried too. May be null.
     */
    public ModelMatch assess(AdvisoryProduct product, AdvisoryProduct platform, ModelCandidate model) {
        VendorMatch vendor = vendorFor(product, platform, model);
        VersionSpec spec = versions(product);
        String vendorText = vendorOf(product, platform);
        if (vendor == null && vendorText != null) {
            return new ModelMatch(product, model, null, "vendor \"" + vendorText.strip() + "\" is not "
                    + manufacturerName(model), 0, "", false, spec);
        }
        String vendorReason = vendor == null ? ModelMatch.NO_VENDOR : vendor.describe();
        // identifiers first: model numbers and SKUs of the advisory, then model numbers written as versions
        List<String> helperNumbers = new ArrayList<>(product.modelNumbers());
        helperNumbers.addAll(product.skus());
        Optional<ProductNameMatcher.NameScore> byHelper = names.identifierMatch(helperNumbers, model.modelNumber());
        if (byHelper.isPresent()) {
            return new ModelMatch(product, model, vendor, vendorReason, byHelper.get().score(),
                    byHelper.get().explanation(), false, spec);
        }
        boolean listed = false;
        if (model.modelNumber() != null && !spec.listedNames().isEmpty()) {
            String number = Names.identifierKey(model.modelNumber());
            listed = !number.isEmpty() && spec.listedNames().stream().anyMatch(n -> Names.identifierKey(n).equals(number));
        }
        List<String> advisoryNames = advisoryNames(product, platform, spec);
        Set<String> ignored = ignoredWords(product, platform, model);
        ProductNameMatcher.NameScore name = names.explain(advisoryNames, model.modelName(), model.modelNumber(), ignored);
        if (listed) {
            return new ModelMatch(product, model, vendor, vendorReason, Math.max(name.score(), ModelMatch.STRONG_NAME),
                    name.explanation() + ", model number " + model.modelNumber().strip() + " listed", true, spec);
        }
        return new ModelMatch(product, model, vendor, vendorReason, name.score(), name.explanation(), false, spec);
    }

    private VendorMatch vendorFor(AdvisoryProduct product, AdvisoryProduct platform, ModelCandidate model) {
        String v = vendorOf(product, platform);
        if (v == null) {
            return null;
        }
        for (VendorMatch m : vendors.matchAll(v)) {
            if (m.manufacturerKey().equals(model.manufacturerKey())) {
                return m;
            }
        }
        return null;
    }

    static String vendorOf(AdvisoryProduct product, AdvisoryProduct platform) {
        if (product.vendor() != null && !product.vendor().isBlank()) {
            return product.vendor();
        }
        return platform != null && platform.vendor() != null && !platform.vendor().isBlank() ? platform.vendor() : null;
    }

    private String manufacturerName(ModelCandidate model) {
        ManufacturerCandidate m = manufacturers.get(model.manufacturerKey());
        return m == null ? model.manufacturerKey() : m.name();
    }

    /**
     * The names the advisory gives this product: its name, name + each variant written as version, the product of its
     * CPE and purl. For a product on a platform (a firmware installed on a device) only the platform's name: the
     * device is the platform.
     */
    static List<String> advisoryNames(AdvisoryProduct product, AdvisoryProduct platform, VersionSpec spec) {
        if (platform != null && platform.productName() != null) {
            return List.of(platform.productName());
        }
        Set<String> out = new LinkedHashSet<>();
        String name = product.productName() == null ? "" : product.productName();
        out.add(name);
        for (String variant : spec.listedNames()) {
            out.add(name + " " + variant);
        }
        for (String cpe : product.cpes()) {
            String p = cpeProduct(cpe);
            if (p != null) {
                out.add(p);
            }
        }
        for (String purl : product.purls()) {
            String p = purlName(purl);
            if (p != null) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    /** The product part of a CPE 2.2 or 2.3 name, underscores as spaces ("cpe:/a:redhat:openshift:4.6" → "openshift"). */
    static String cpeProduct(String cpe) {
        String[] parts = cpe.startsWith("cpe:2.3:") ? cpe.substring(8).split(":") : cpe.startsWith("cpe:/")
                ? cpe.substring(5).split(":") : new String[0];
        if (parts.length < 3 || parts[2].isEmpty() || parts[2].equals("*") || parts[2].equals("-")) {
            return null;
        }
        return parts[2].replace('_', ' ').replace("\\", "");
    }

    /** The name of a purl ("pkg:maven/org.apache/tomcat@9.0" → "tomcat"). */
    static String purlName(String purl) {
        String p = purl.replaceFirst("[?#].*$", "").replaceFirst("@.*$", "");
        int slash = p.lastIndexOf('/');
        return slash < 0 || slash == p.length() - 1 ? null : p.substring(slash + 1).replace('-', ' ');
    }

    private record IgnoredKey(String vendor, String manufacturerKey) {
    }

    private final Map<IgnoredKey, Set<String>> ignoredCache = new ConcurrentHashMap<>();

    private Set<String> ignoredWords(AdvisoryProduct product, AdvisoryProduct platform, ModelCandidate model) {
        return ignoredCache.computeIfAbsent(new IgnoredKey(vendorOf(product, platform), model.manufacturerKey()),
                k -> ignoredWords(k.vendor(), k.manufacturerKey()));
    }

    private Set<String> ignoredWords(String v, String manufacturerKey) {
        List<String> words = new ArrayList<>();
        if (v != null) {
            words.add(Names.withoutParentheses(v));
            words.addAll(Names.abbreviations(v));
        }
        ManufacturerCandidate m = manufacturers.get(manufacturerKey);
        if (m != null) {
            words.add(Names.vendorKey(m.name()));
            words.addAll(Names.abbreviations(m.name()));
            m.aliases().forEach(a -> words.add(Names.vendorKey(a)));
        }
        Set<String> out = ProductNameMatcher.ignoredSet(words);
        out.removeAll(Set.of("and", "of", "the"));
        return Set.copyOf(out);
    }
}
