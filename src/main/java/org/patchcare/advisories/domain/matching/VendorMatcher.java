package org.patchcare.advisories.domain.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Finds the inventory manufacturer(s) an advisory's vendor string means. In order:
 * <ol>
 *   <li>{@link VendorMatch.Kind#EXACT}: the {@link Names#vendorKey key} (or its spelling without spaces, or with
 *       German transliteration) equals the manufacturer's.</li>
 *   <li>{@link VendorMatch.Kind#ALIAS}: equals one of the manufacturer's aliases, or the abbreviation in parentheses,
 *       the acronym ("General Electric" → "GE") or the name without sector words ("GE Healthcare" → "GE") of either
 *       side.</li>
 *   <li>The same two steps for each part of a list of vendors ("Silex Technology and GE Healthcare").</li>
 *   <li>{@link VendorMatch.Kind#FUZZY}: one or two typing errors ("Phillips" / "Philips"), or one name being the
 *       start of the other ("Fresenius" / "Fresenius Kabi").</li>
 * </ol>
 * Thread-safe; answers are cached per vendor string.
 */
public final class VendorMatcher {

    private enum Source { NAME, ALIAS, ABBREVIATION, CORE, ACRONYM }

    private record Entry(ManufacturerCandidate manufacturer, Source source, String label) {
    }

    private record Hit(ManufacturerCandidate manufacturer, VendorMatch.Kind kind, double confidence, String via) {
    }

    private static final Pattern LIST_SEPARATORS = Pattern.compile("\\s*(?:,|;|/|&|\\band\\b)\\s*",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, List<Entry>> forms = new HashMap<>();
    private final List<Entry> fuzzyForms = new ArrayList<>();
    private final Map<Entry, String> fuzzyText = new HashMap<>();
    private final Map<String, List<VendorMatch>> cache = new ConcurrentHashMap<>();

    public VendorMatcher(Collection<ManufacturerCandidate> manufacturers) {
        for (ManufacturerCandidate m : manufacturers) {
            index(m, m.name(), Source.NAME);
            for (String alias : m.aliases()) {
                index(m, alias, Source.ALIAS);
            }
        }
    }

    private void index(ManufacturerCandidate m, String name, Source source) {
        Entry main = new Entry(m, source, source == Source.ALIAS ? "\"" + name.strip() + "\"" : m.name());
        for (String form : Names.keyForms(name)) {
            put(form, main);
        }
        for (String abbreviation : Names.abbreviations(name)) {
            put(abbreviation, new Entry(m, Source.ABBREVIATION, "(" + abbreviation.toUpperCase() + ")"));
        }
        String key = Names.vendorKey(name);
        String core = Names.core(key);
        if (!core.isEmpty() && !core.equals(key)) {
            Entry e = new Entry(m, Source.CORE, "\"" + core + "\"");
            put(core, e);
            put(core.replace(" ", ""), e);
        }
        String acronym = Names.acronym(core);
        if (acronym != null) {
            put(acronym, new Entry(m, Source.ACRONYM, "acronym " + acronym.toUpperCase()));
        }
        for (String f : List.of(key.replace(" ", ""), core.replace(" ", ""))) {
            if (f.length() >= 4) {
                Entry fe = new Entry(m, source, main.label());
                fuzzyForms.add(fe);
                fuzzyText.put(fe, f);
            }
        }
    }

    private void put(String form, Entry e) {
        if (form != null && !form.isEmpty()) {
            forms.computeIfAbsent(form, k -> new ArrayList<>()).add(e);
        }
    }

    /** The best manufacturer for this vendor string, if any. */
    public Optional<VendorMatch> match(String advisoryVendor) {
        List<VendorMatch> all = matchAll(advisoryVendor);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every manufacturer this vendor string may mean, best first (a list of vendors gives several). */
    public List<VendorMatch> matchAll(String advisoryVendor) {
        if (advisoryVendor == null) {
            return List.of();
        }
        return cache.computeIfAbsent(advisoryVendor, v -> Names.vendorKey(v).isEmpty() ? List.of() : compute(v));
    }

    private List<VendorMatch> compute(String vendor) {
        Map<ManufacturerCandidate, Hit> best = new LinkedHashMap<>();
        exact(vendor, best);
        List<String> parts = parts(vendor);
        if (best.isEmpty() && parts.size() > 1) {
            parts.forEach(p -> exact(p, best));
        }
        if (best.isEmpty()) {
            fuzzy(vendor, best);
            if (best.isEmpty() && parts.size() > 1) {
                parts.forEach(p -> fuzzy(p, best));
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble(Hit::confidence).reversed()
                        .thenComparing(h -> h.manufacturer().name()))
                .map(h -> new VendorMatch(h.manufacturer().manufacturerKey(), h.manufacturer().name(), vendor,
                        h.kind(), h.confidence(), h.via()))
                .toList();
    }

    /** The names in a list of vendors, without legal forms left over by the split ("Natus Medical, Inc."). */
    static List<String> parts(String vendor) {
        List<String> out = new ArrayList<>();
        for (String p : LIST_SEPARATORS.split(Names.repairMojibake(vendor))) {
            if (!Names.vendorKey(p).isEmpty() && !Names.isLegalForm(p)) {
                out.add(p.strip());
            }
        }
        return out;
    }

    private void exact(String vendor, Map<ManufacturerCandidate, Hit> best) {
        for (String form : Names.keyForms(vendor)) {
            for (Entry e : forms.getOrDefault(form, List.of())) {
                switch (e.source()) {
                    case NAME -> offer(best, e, VendorMatch.Kind.EXACT, 1.0);
                    case ALIAS -> offer(best, e, VendorMatch.Kind.ALIAS, 0.95);
                    default -> offer(best, e, VendorMatch.Kind.ALIAS, 0.92);
                }
            }
        }
        String key = Names.vendorKey(vendor);
        String core = Names.core(key);
        List<String> shortForms = new ArrayList<>(Names.abbreviations(vendor));
        if (!core.equals(key)) {
            shortForms.add(core);
            shortForms.add(core.replace(" ", ""));
        }
        for (String form : shortForms) {
            for (Entry e : forms.getOrDefault(form, List.of())) {
                offer(best, e, VendorMatch.Kind.ALIAS, e.source() == Source.ACRONYM ? 0.9 : 0.92);
            }
        }
        String acronym = Names.acronym(core);
        if (acronym != null) {
            for (Entry e : forms.getOrDefault(acronym, List.of())) {
                if (e.source() != Source.ACRONYM && e.source() != Source.CORE) {
                    offer(best, new Entry(e.manufacturer(), e.source(), e.label() + " = acronym of \"" + core + "\""),
                            VendorMatch.Kind.ALIAS, 0.9);
                }
            }
        }
    }

    private void fuzzy(String vendor, Map<ManufacturerCandidate, Hit> best) {
        String key = Names.vendorKey(vendor);
        List<String> mine = List.of(key.replace(" ", ""), Names.core(key).replace(" ", ""));
        for (Entry e : fuzzyForms) {
            String theirs = fuzzyText.get(e);
            for (String own : mine) {
                if (own.length() < 4) {
                    continue;
                }
                int allowed = Math.min(own.length(), theirs.length()) >= 9 ? 2 : Math.min(own.length(),
                        theirs.length()) >= 5 ? 1 : 0;
                if (allowed > 0 && own.charAt(0) == theirs.charAt(0)
                        && Math.abs(own.length() - theirs.length()) <= allowed) {
                    int d = Names.editDistance(own, theirs);
                    if (d > 0 && d <= allowed) {
                        double similarity = 1.0 - (double) d / Math.max(own.length(), theirs.length());
                        offer(best, new Entry(e.manufacturer(), e.source(), "spelling"), VendorMatch.Kind.FUZZY,
                                0.85 * similarity);
                    }
                }
            }
        }
        if (!best.isEmpty()) {
            return;
        }
        // One name is the other plus more words: "Fresenius" / "Fresenius Kabi", "Medtronic" / "Medtronic MiniMed".
        for (Entry e : fuzzyForms) {
            if (e.source() != Source.NAME) {
                continue;
            }
            String theirKey = Names.vendorKey(e.manufacturer().name());
            for (String[] pair : new String[][] {{key, theirKey}}) {
                String shorter = pair[0].length() <= pair[1].length() ? pair[0] : pair[1];
                String longer = shorter == pair[0] ? pair[1] : pair[0];
                if (!shorter.equals(longer) && longer.startsWith(shorter + " ") && shorter.split(" ")[0].length() >= 4) {
                    offer(best, new Entry(e.manufacturer(), e.source(), "\"" + shorter + "\" starts \"" + longer + "\""),
                            VendorMatch.Kind.FUZZY, 0.6);
                }
            }
        }
    }

    private static void offer(Map<ManufacturerCandidate, Hit> best, Entry e, VendorMatch.Kind kind, double confidence) {
        Hit current = best.get(e.manufacturer());
        if (current == null || current.confidence() < confidence) {
            best.put(e.manufacturer(), new Hit(e.manufacturer(), kind, confidence, e.label()));
        }
    }
}
