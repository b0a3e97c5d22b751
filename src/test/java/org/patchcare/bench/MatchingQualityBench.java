package org.patchcare.bench;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.patchcare.advisories.application.csaf.ProductTreeFlattener;
import org.patchcare.advisories.domain.matching.AdvisoryProduct;
import org.patchcare.advisories.domain.matching.Certainty;
import org.patchcare.advisories.domain.matching.ManufacturerCandidate;
import org.patchcare.advisories.domain.matching.MatchIndex;
import org.patchcare.advisories.domain.matching.MatchResult;
import org.patchcare.advisories.domain.matching.ModelCandidate;
import org.patchcare.advisories.domain.matching.ModelMatch;
import org.patchcare.advisories.domain.matching.Names;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quality of the advisory matching on an inventory generated from the real ICSMA product names, with known ground
 * truth; and its speed on 100,000 devices.
 * <p>
 * The inventory: for each distinct (vendor, product name) of the 107 ICSMA files one model, its name distorted as
 * inventories write names (case, vendor word dropped or added, family word dropped, one slash alternative, an
 * identifier moved to the model number, punctuation), its manufacturer spelled as inventories do ("Philips Healthcare",
 * "GE Medical Systems", "BD", "Hill-Rom Holdings, Inc."). Decoys: a model of the same vendor with a different
 * identifier or a different word ("IntelliVue MX45", "Tasy Lab"), the same product names under other manufacturers,
 * and the real GUDID devices. Software versions are made from each listing's version text by plain string rules
 * (independent of {@code VersionSpec}): versions inside and outside the range; a listing whose text those rules do not
 * read ("distributed &lt; april 1, 2018", variants, conditions) gets a device without version, whose truth is
 * UNDETERMINED (the right answer is the review queue).
 * <p>
 * Truth per (advisory product, model, version): AFFECTED, OUTSIDE (right model, version outside), UNDETERMINED, or
 * WRONG_MODEL. A version made for another listing of the same product, and a model of the same vendor whose name is
 * nearly the same as another product's ("Alaris PC Unit" and "Alaris 8015 PC unit"), are not scored (AMBIGUOUS):
 * no rule here can tell the truth for them.
 * <p>
 * Writes target/bench/matching-quality.md. Run with
 * {@code ./mvnw -B -o -q test -Dtest=MatchingQualityBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MatchingQualityBench {

    enum Truth { AFFECTED, OUTSIDE, UNDETERMINED, WRONG_MODEL, AMBIGUOUS }

    /** One (vendor, product name, version text) of an advisory. */
    record Listing(String file, AdvisoryProduct product, String identity) {
    }

    /** A generated software version of a model, made for one listing, with its truth for that listing. */
    record Version(String text, Listing madeFor, Truth truth) {
    }

    /** A generated model: what it stands for (identity; null for decoys) and its versions. */
    record GenModel(ModelCandidate candidate, String identity, String vendorKey, String kind, List<Version> versions,
            String originalName) {
    }

    private static final long SEED = Long.getLong("bench.seed", 42);
    private static final Path OUT = Path.of("target", "bench", "matching-quality.md");

    /** Advisory vendor string → canonical manufacturer (what a person would answer). */
    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("Abbott Laboratories", "abbott"), Map.entry("AliveCor", "alivecor"),
            Map.entry("B. Braun", "bbraun"), Map.entry("B. Braun Medical", "bbraun"),
            Map.entry("BMC Medical, 3B Medical", "bmc"), Map.entry("Baxter", "baxter"),
            Map.entry("BeaconMedaes", "beacon"), Map.entry("Becton, Dickinson and Company (BD)", "bd"),
            Map.entry("Boston Scientific", "boston"), Map.entry("Capsule Technologies", "capsule"),
            Map.entry("Carestream", "carestream"), Map.entry("Change Healthcare", "change"),
            Map.entry("Dräger", "draeger"),
            Map.entry("ENEA, Green Hills Software, ITRON, IP Infusion, and Wind River", "windriver"),
            Map.entry("Fresenius Kabi", "kabi"), Map.entry("Fujifilm", "fujifilm"),
            Map.entry("GE Healthcare", "ge"), Map.entry("General Electric (GE)", "ge"),
            Map.entry("Hamilton Medical AG", "hamilton"), Map.entry("Hillrom", "hillrom"),
            Map.entry("Hillrom and ELI, Baxter International Inc.", "hillrom"),
            Map.entry("Johnson & Johnson", "jnj"), Map.entry("LifePoint Informatics", "lifepoint"),
            Map.entry("Medtronic", "medtronic"), Map.entry("Natus Medical, Inc. (Natus)", "natus"),
            Map.entry("OFFIS", "offis"), Map.entry("OpenClinic GA", "openclinic"), Map.entry("Philips", "philips"),
            Map.entry("Phillips", "philips"), Map.entry("Qualcomm Life", "qualcomm"),
            Map.entry("Roche Diagnostics", "roche"), Map.entry("SOOIL Developments Co, Ltd.", "sooil"),
            Map.entry("Siemens", "siemens"), Map.entry("Silex Technology and GE Healthcare", "silex"),
            Map.entry("Smiths Medical", "smiths"), Map.entry("Spacelabs", "spacelabs"),
            Map.entry("St. Jude Medical", "stjude"), Map.entry("Stryker", "stryker"),
            Map.entry("Swisslog Healthcare", "swisslog"), Map.entry("Vyaire Medical", "vyaire"),
            Map.entry("Ypsomed", "ypsomed"), Map.entry("ZOLL", "zoll"), Map.entry("i-SENS Inc", "isens"));

    /** How inventories spell each manufacturer; "|" separates aliases that go with that spelling. */
    private static final Map<String, List<String>> SPELLINGS = Map.ofEntries(
            Map.entry("abbott", List.of("Abbott Laboratories", "Abbott", "ABBOTT LABORATORIES INC.")),
            Map.entry("alivecor", List.of("AliveCor, Inc.", "AliveCor")),
            Map.entry("bbraun", List.of("B. Braun Medical Inc.", "B. Braun Melsungen AG|B. Braun", "B BRAUN MEDICAL")),
            Map.entry("bmc", List.of("BMC Medical Co., Ltd.", "BMC Medical")),
            Map.entry("baxter", List.of("Baxter Healthcare Corporation", "Baxter International Inc.", "BAXTER")),
            Map.entry("beacon", List.of("BeaconMedaes", "Beacon Medaes LLC")),
            Map.entry("bd", List.of("Becton Dickinson", "BD", "Becton, Dickinson and Company", "BD Medical|Becton Dickinson")),
            Map.entry("boston", List.of("Boston Scientific Corporation", "BOSTON SCIENTIFIC")),
            Map.entry("capsule", List.of("Capsule Technologies SAS", "Capsule Tech, Inc.")),
            Map.entry("carestream", List.of("Carestream Health, Inc.", "Carestream")),
            Map.entry("change", List.of("Change Healthcare", "Change Healthcare Operations LLC")),
            Map.entry("draeger", List.of("Draeger Medical GmbH", "Dräger", "Drägerwerk AG & Co. KGaA|Dräger")),
            Map.entry("windriver", List.of("Wind River Systems, Inc.")),
            Map.entry("kabi", List.of("Fresenius Kabi AG", "Fresenius Kabi USA, LLC", "FRESENIUS KABI")),
            Map.entry("fujifilm", List.of("FUJIFILM Medical Systems U.S.A., Inc.", "Fujifilm Corporation")),
            Map.entry("ge", List.of("GE Healthcare", "General Electric (GE)", "GE Medical Systems", "GE HEALTHCARE")),
            Map.entry("hamilton", List.of("Hamilton Medical AG", "Hamilton Medical")),
            Map.entry("hillrom", List.of("Hill-Rom", "Hillrom", "Hill-Rom Holdings, Inc.")),
            Map.entry("jnj", List.of("Johnson & Johnson", "Ethicon (Johnson & Johnson)")),
            Map.entry("lifepoint", List.of("LifePoint Informatics")),
            Map.entry("medtronic", List.of("Medtronic, Inc.", "MEDTRONIC", "Medtronic plc")),
            Map.entry("natus", List.of("Natus Medical Incorporated", "Natus")),
            Map.entry("offis", List.of("OFFIS e.V.", "OFFIS")),
            Map.entry("openclinic", List.of("OpenClinic GA")),
            Map.entry("philips", List.of("Philips Medical Systems", "Philips Healthcare", "PHILIPS",
                    "Koninklijke Philips N.V.|Philips")),
            Map.entry("qualcomm", List.of("Qualcomm Life, Inc.")),
            Map.entry("roche", List.of("Roche Diagnostics GmbH", "Roche Diagnostics",
                    "F. Hoffmann-La Roche AG|Roche Diagnostics")),
            Map.entry("sooil", List.of("SOOIL Development Co., Ltd.")),
            Map.entry("siemens", List.of("Siemens Healthineers AG", "Siemens Healthcare GmbH", "SIEMENS")),
            Map.entry("silex", List.of("Silex Technology, Inc.")),
            Map.entry("smiths", List.of("Smiths Medical ASD, Inc.", "Smiths Medical")),
            Map.entry("spacelabs", List.of("Spacelabs Healthcare", "Spacelabs Medical Inc.")),
            Map.entry("stjude", List.of("St. Jude Medical, Inc.", "St Jude Medical")),
            Map.entry("stryker", List.of("Stryker Corporation", "Stryker Medical")),
            Map.entry("swisslog", List.of("Swisslog Healthcare AG")),
            Map.entry("vyaire", List.of("Vyaire Medical, Inc.")),
            Map.entry("ypsomed", List.of("Ypsomed AG")),
            Map.entry("zoll", List.of("ZOLL Medical Corporation")),
            Map.entry("isens", List.of("i-SENS, Inc.")));

    /** Manufacturers that publish no ICSMA advisory here, some with names close to those that do. */
    private static final List<String> OTHER_VENDORS = List.of("Mindray Medical International", "Nihon Kohden Corporation",
            "Masimo Corporation", "Olympus Medical Systems", "Karl Storz SE & Co. KG", "Getinge AB",
            "Canon Medical Systems Corporation", "Hologic, Inc.", "Fresenius Medical Care Holdings, Inc.",
            "Phillips-Medisize", "Siemens Energy", "Braun GmbH", "Medline Industries");

    private static final List<String> FAMILY_WORDS = List.of("pump", "pumps", "monitor", "monitors", "system", "systems",
            "software", "station", "server", "unit", "device", "application", "app", "module");
    /** Distinguishing words for decoys (not device-kind words such as "Infusion", which name no product). */
    private static final List<String> DECOY_WORDS = List.of("Telemetry", "Anesthesia", "Ventilator", "Surgical",
            "Oximeter", "Lab", "Connect", "Cardio", "Neuro", "Vision", "Archive", "Nova", "Prime", "Flex", "Quest",
            "Sentry", "Apex", "Orbit");

    private final Random random = new Random(SEED);

    @Test
    void measures_precision_and_recall_on_an_inventory_made_from_the_real_advisories() throws IOException {
        List<Listing> listings = icsmaListings();
        Map<String, List<Listing>> byIdentity = listings.stream()
                .collect(Collectors.groupingBy(Listing::identity, LinkedHashMap::new, Collectors.toList()));

        // --- manufacturers
        List<ManufacturerCandidate> manufacturers = new ArrayList<>();
        Map<String, String> spellingUsed = new TreeMap<>();
        for (var e : new TreeMap<>(SPELLINGS).entrySet()) {
            String[] spelling = pick(e.getValue()).split("\\|");
            spellingUsed.put(e.getKey(), String.join(" (alias ", spelling) + (spelling.length > 1 ? ")" : ""));
            manufacturers.add(new ManufacturerCandidate(e.getKey(), spelling[0],
                    Set.copyOf(Arrays.asList(spelling).subList(1, spelling.length))));
        }
        for (int i = 0; i < OTHER_VENDORS.size(); i++) {
            manufacturers.add(new ManufacturerCandidate("other" + i, OTHER_VENDORS.get(i), Set.of()));
        }

        // --- models
        List<GenModel> models = new ArrayList<>();
        Map<String, Set<String>> vendorNames = new HashMap<>();
        byIdentity.forEach((id, ls) -> vendorNames.computeIfAbsent(vendorOf(id), k -> new HashSet<>())
                .add(Names.compact(ls.get(0).product().productName())));
        int n = 0;
        for (var e : byIdentity.entrySet()) {
            String identity = e.getKey();
            String vendor = vendorOf(identity);
            List<Listing> ls = e.getValue();
            String original = ls.get(0).product().productName();
            String[] distorted = distort(original, ls);
            List<Version> versions = new ArrayList<>();
            for (Listing l : ls) {
                versions.addAll(versionsFor(l));
            }
            models.add(new GenModel(new ModelCandidate("m" + n++, vendor, distorted[0], distorted[1]), identity, vendor,
                    "true", versions, original));
            if (random.nextInt(3) < 2) {
                String decoy = decoy(original, vendorNames.get(vendor));
                if (decoy != null) {
                    models.add(new GenModel(new ModelCandidate("m" + n++, vendor, decoy, null), null, vendor, "decoy",
                            List.of(new Version("1.0", null, Truth.WRONG_MODEL), new Version("", null, Truth.WRONG_MODEL)), decoy));
                }
            }
            if (random.nextInt(4) == 0) {
                String other = "other" + random.nextInt(OTHER_VENDORS.size());
                models.add(new GenModel(new ModelCandidate("m" + n++, other, original, null), null, other,
                        "other vendor", List.of(new Version("1.0", null, Truth.WRONG_MODEL)), original));
            }
        }
        for (String[] g : gudid()) {
            String vendor = manufacturers.stream().filter(m -> m.name().equals(g[0])).findFirst()
                    .map(ManufacturerCandidate::manufacturerKey).orElse(null);
            if (vendor == null) {
                vendor = "gudid" + manufacturers.size();
                manufacturers.add(new ManufacturerCandidate(vendor, g[0], Set.of()));
            }
            // a GUDID company that is an advisory vendor ("BOSTON SCIENTIFIC CORPORATION") counts as that vendor, so
            // that its real devices named like an advisory product (ZOOM LATITUDE 3120) are not scored as wrong
            String canonical = SPELLINGS.entrySet().stream()
                    .filter(e -> Names.vendorCore(e.getValue().get(0)).equals(Names.vendorCore(g[0])))
                    .map(Map.Entry::getKey).findFirst().orElse(vendor);
            models.add(new GenModel(new ModelCandidate("m" + n++, vendor, g[1], g[2]), null, canonical, "GUDID",
                    List.of(new Version("1.0", null, Truth.WRONG_MODEL)), g[1]));
        }

        // --- match and score
        long t0 = System.nanoTime();
        MatchIndex index = new MatchIndex(manufacturers, models.stream().map(GenModel::candidate).toList());
        Map<String, GenModel> byKey = models.stream().collect(Collectors.toMap(m -> m.candidate().modelKey(), m -> m));
        Map<Truth, Map<Certainty, Integer>> confusion = new EnumMap<>(Truth.class);
        for (Truth t : Truth.values()) {
            confusion.put(t, new EnumMap<>(Certainty.class));
        }
        List<String> falseCertain = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        Map<String, Map<String, Certainty>> verdicts = new HashMap<>(); // listing key → (model|version) → verdict
        for (Listing l : listings) {
            Map<String, Certainty> v = new HashMap<>();
            for (ModelMatch mm : index.candidates(l.product())) {
                for (Version version : byKey.get(mm.model().modelKey()).versions()) {
                    MatchResult r = mm.forVersion(version.text());
                    v.put(mm.model().modelKey() + "|" + version.text(), r.certainty());
                    Truth truth = truth(l, byKey.get(mm.model().modelKey()), version, byIdentity);
                    if (r.certainty() == Certainty.CERTAIN && truth != Truth.AFFECTED && truth != Truth.AMBIGUOUS
                            && falseCertain.size() < 15) {
                        falseCertain.add(l.file() + " \"" + l.product().productName() + "\" `" + l.product().versionText()
                                + "` → " + mm.model().modelName() + " v\"" + version.text() + "\": " + r.reason());
                    }
                }
            }
            verdicts.put(l.file() + "#" + l.product().productId(), v);
        }
        long matchMs = (System.nanoTime() - t0) / 1_000_000;
        int pairs = 0;
        Map<String, Integer> noiseByKind = new TreeMap<>();
        List<String> noiseExamples = new ArrayList<>();
        for (Listing l : listings) {
            Map<String, Certainty> v = verdicts.get(l.file() + "#" + l.product().productId());
            Set<String> offered = v.keySet().stream().map(k -> k.substring(0, k.indexOf('|'))).collect(Collectors.toSet());
            for (GenModel m : models) {
                // scored: the listing's own manufacturer's models, the same names under other manufacturers, GUDID,
                // and whatever the index offered; models of the other advisory vendors are never offered (NONE)
                boolean scored = m.vendorKey().equals(vendorOf(l.identity())) || m.kind().equals("other vendor")
                        || m.kind().equals("GUDID") || offered.contains(m.candidate().modelKey());
                if (!scored) {
                    continue;
                }
                for (Version version : m.versions()) {
                    Truth truth = truth(l, m, version, byIdentity);
                    Certainty c = v.getOrDefault(m.candidate().modelKey() + "|" + version.text(), Certainty.NONE);
                    confusion.get(truth).merge(c, 1, Integer::sum);
                    pairs++;
                    if (truth == Truth.WRONG_MODEL && c == Certainty.LIKELY) {
                        noiseByKind.merge(m.kind().equals("true") ? "another product of the vendor" : m.kind(), 1,
                                Integer::sum);
                        if (noiseExamples.size() < 12 && random.nextInt(20) == 0) {
                            noiseExamples.add("\"" + l.product().productName() + "\" → " + m.candidate().modelName()
                                    + " (" + m.kind() + ")");
                        }
                    }
                    if ((truth == Truth.AFFECTED || truth == Truth.UNDETERMINED)
                            && (c == Certainty.NONE || c == Certainty.NOT_AFFECTED_VERSION) && missed.size() < 25) {
                        ModelMatch mm = index.matcher().assess(l.product(), null, m.candidate());
                        missed.add(l.file() + " " + l.product().vendor() + " \"" + l.product().productName() + "\" `"
                                + l.product().versionText() + "` → " + m.candidate().modelName()
                                + (m.candidate().modelNumber() == null ? "" : " #" + m.candidate().modelNumber())
                                + " v\"" + version.text() + "\" (" + truth + "): " + c + ": "
                                + mm.forVersion(version.text()).reason());
                    }
                }
            }
        }

        // --- figures
        int certain = sumColumn(confusion, Certainty.CERTAIN);
        int certainRight = confusion.get(Truth.AFFECTED).getOrDefault(Certainty.CERTAIN, 0);
        int likely = sumColumn(confusion, Certainty.LIKELY) - confusion.get(Truth.AMBIGUOUS).getOrDefault(Certainty.LIKELY, 0);
        int likelyUseful = confusion.get(Truth.AFFECTED).getOrDefault(Certainty.LIKELY, 0)
                + confusion.get(Truth.UNDETERMINED).getOrDefault(Certainty.LIKELY, 0);
        int likelyRightModel = likelyUseful + confusion.get(Truth.OUTSIDE).getOrDefault(Certainty.LIKELY, 0);
        int affected = sumRow(confusion.get(Truth.AFFECTED));
        int undetermined = sumRow(confusion.get(Truth.UNDETERMINED));
        int outside = sumRow(confusion.get(Truth.OUTSIDE));
        int certainScored = certain - confusion.get(Truth.AMBIGUOUS).getOrDefault(Certainty.CERTAIN, 0);
        double certainPrecision = ratio(certainRight, certainScored);
        double certainRecall = ratio(certainRight, affected);
        double likelyPrecision = ratio(likelyUseful, likely);
        double foundRecall = ratio(certainRight + confusion.get(Truth.AFFECTED).getOrDefault(Certainty.LIKELY, 0), affected);
        double undeterminedToReview = ratio(confusion.get(Truth.UNDETERMINED).getOrDefault(Certainty.LIKELY, 0), undetermined);
        int nav = sumColumn(confusion, Certainty.NOT_AFFECTED_VERSION)
                - confusion.get(Truth.AMBIGUOUS).getOrDefault(Certainty.NOT_AFFECTED_VERSION, 0);
        int navRight = confusion.get(Truth.OUTSIDE).getOrDefault(Certainty.NOT_AFFECTED_VERSION, 0);

        StringBuilder md = new StringBuilder();
        md.append("# Matching quality\n\n");
        md.append(String.format(Locale.ROOT, "Inventory made from the %d ICSMA listings (%d distinct products) of the "
                        + "shared test data, seed %d: %d manufacturers, %d models (%d true, %d same-vendor decoys, %d "
                        + "under other manufacturers, %d GUDID), %d scored (listing, model, version) triples. Matching "
                        + "took %d ms.%n%n", listings.size(), byIdentity.size(), SEED, manufacturers.size(), models.size(),
                count(models, "true"), count(models, "decoy"), count(models, "other vendor"), count(models, "GUDID"),
                pairs - sumRow(confusion.get(Truth.AMBIGUOUS)), matchMs));
        md.append("| measure | value |\n|---|---|\n");
        md.append(row("CERTAIN precision (CERTAIN and truly affected / CERTAIN)", certainPrecision, certainRight, certainScored));
        md.append(row("CERTAIN recall (CERTAIN / truly affected)", certainRecall, certainRight, affected));
        md.append(row("LIKELY precision (review items where the device may be affected: AFFECTED or UNDETERMINED)",
                likelyPrecision, likelyUseful, likely));
        md.append(row("LIKELY items on the right model (also OUTSIDE versions)", ratio(likelyRightModel, likely),
                likelyRightModel, likely));
        md.append(row("recall of CERTAIN + LIKELY on truly affected", foundRecall,
                certainRight + confusion.get(Truth.AFFECTED).getOrDefault(Certainty.LIKELY, 0), affected));
        md.append(row("UNDETERMINED (version unreadable or unknown) sent to review", undeterminedToReview,
                confusion.get(Truth.UNDETERMINED).getOrDefault(Certainty.LIKELY, 0), undetermined));
        md.append(row("NOT_AFFECTED_VERSION precision", ratio(navRight, nav), navRight, nav));
        md.append(row("NOT_AFFECTED_VERSION recall (of right model, version outside)", ratio(navRight, outside), navRight,
                outside));
        md.append("\n## Truth × verdict\n\n| truth | CERTAIN | LIKELY | NOT_AFFECTED_VERSION | NONE |\n|---|---|---|---|---|\n");
        for (Truth t : Truth.values()) {
            Map<Certainty, Integer> r = confusion.get(t);
            md.append("| ").append(t).append(" | ").append(r.getOrDefault(Certainty.CERTAIN, 0)).append(" | ")
                    .append(r.getOrDefault(Certainty.LIKELY, 0)).append(" | ")
                    .append(r.getOrDefault(Certainty.NOT_AFFECTED_VERSION, 0)).append(" | ")
                    .append(r.getOrDefault(Certainty.NONE, 0)).append(" |\n");
        }
        md.append("\nWRONG_MODEL counts only models of the listing's own manufacturer, the same names under other "
                + "manufacturers and the GUDID devices; models of other advisory vendors are never offered by the "
                + "index (manufacturer first) and are left out of the counts.\n");
        md.append("\n## Wrong models in the review queue (LIKELY), by kind\n\n");
        noiseByKind.forEach((k, c) -> md.append("- ").append(k).append(": ").append(c).append('\n'));
        md.append("\nExamples: ").append(String.join("; ", noiseExamples)).append('\n');
        md.append("\n## Manufacturer spellings used\n\n");
        spellingUsed.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n## CERTAIN that are wrong (first 15)\n\n");
        falseCertain.forEach(s -> md.append("- ").append(s).append('\n'));
        md.append("\n## Affected or undetermined, not found (first 25)\n\n");
        missed.forEach(s -> md.append("- ").append(s).append('\n'));
        md.append("\n").append(speed(manufacturers, models));
        Files.createDirectories(OUT.getParent());
        Files.writeString(OUT, md.toString(), StandardCharsets.UTF_8);
        System.out.println(md);

        assertThat(affected).isGreaterThan(300);
        assertThat(certainPrecision).as("CERTAIN precision").isGreaterThanOrEqualTo(0.97);
        assertThat(foundRecall).as("recall of CERTAIN + LIKELY").isGreaterThanOrEqualTo(0.9);
        assertThat(undeterminedToReview).as("undetermined sent to review").isGreaterThanOrEqualTo(0.8);
    }

    // ---------------------------------------------------------------- speed

    /** 100,000 devices on 2,000 models; all ICSMA and ICSA products matched, each (model, version) evaluated once. */
    private String speed(List<ManufacturerCandidate> manufacturers, List<GenModel> models) throws IOException {
        List<ModelCandidate> all = new ArrayList<>(models.stream().map(GenModel::candidate).toList());
        List<String> words = List.of("Vista", "Cardio", "Pulse", "Neo", "Flow", "Scan", "Guard", "Care", "Link",
                "Sense", "Trak", "View", "Pro", "Lite", "Max", "One", "Plus", "Net", "Smart", "Core");
        while (all.size() < 2000) {
            ManufacturerCandidate m = manufacturers.get(random.nextInt(manufacturers.size()));
            all.add(new ModelCandidate("f" + all.size(), m.manufacturerKey(), words.get(random.nextInt(words.size()))
                    + " " + words.get(random.nextInt(words.size())) + " " + (100 + random.nextInt(900)), null));
        }
        Map<String, Map<String, Integer>> devices = new HashMap<>(); // model → version → device count
        Map<String, List<String>> versionPool = new HashMap<>();
        for (GenModel m : models) {
            versionPool.put(m.candidate().modelKey(), m.versions().stream().map(Version::text).distinct().toList());
        }
        for (int d = 0; d < 100_000; d++) {
            ModelCandidate m = all.get((int) Math.min(all.size() - 1, Math.abs(random.nextGaussian()) * all.size() / 2.5));
            List<String> pool = versionPool.getOrDefault(m.modelKey(), List.of("1.0", "1.1", "2.0"));
            devices.computeIfAbsent(m.modelKey(), k -> new HashMap<>()).merge(pool.get(random.nextInt(pool.size())), 1,
                    Integer::sum);
        }
        int distinctPairs = devices.values().stream().mapToInt(Map::size).sum();
        List<AdvisoryProduct[]> products = new ArrayList<>(); // product, platform (or null)
        ProductTreeFlattener flattener = new ProductTreeFlattener();
        ObjectMapper json = new ObjectMapper();
        int files = 0;
        for (String folder : List.of("csaf/icsma", "csaf/icsa")) {
            try (Stream<Path> s = Files.list(TestData.dir().resolve(folder))) {
                for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                    List<AdvisoryProduct> flat = flattener.flatten(json.readTree(p));
                    Map<String, AdvisoryProduct> byId = flat.stream()
                            .collect(Collectors.toMap(AdvisoryProduct::productId, x -> x));
                    for (AdvisoryProduct x : flat) {
                        products.add(new AdvisoryProduct[] {x, x.relatesTo() == null ? null : byId.get(x.relatesTo())});
                    }
                    files++;
                }
            }
        }
        long t0 = System.nanoTime();
        MatchIndex index = new MatchIndex(manufacturers, all);
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        t0 = System.nanoTime();
        long evaluations = 0;
        long affectedDevices = 0;
        long reviewDevices = 0;
        for (AdvisoryProduct[] pp : products) {
            for (ModelMatch mm : index.candidates(pp[0], pp[1])) {
                for (var e : devices.getOrDefault(mm.model().modelKey(), Map.of()).entrySet()) {
                    Certainty c = mm.forVersion(e.getKey()).certainty();
                    evaluations++;
                    if (c == Certainty.CERTAIN) {
                        affectedDevices += e.getValue();
                    } else if (c == Certainty.LIKELY) {
                        reviewDevices += e.getValue();
                    }
                }
            }
        }
        long matchMs = (System.nanoTime() - t0) / 1_000_000;
        return String.format(Locale.ROOT, "## Speed%n%n%d advisories (%d ICSMA and ICSA files, %d products with the "
                        + "1,283 relationships), %d models, 100,000 devices in %d distinct (model, version) pairs, one "
                        + "thread.%n%n| measurement | value |%n|---|---|%n| index build | %d ms |%n| matching all "
                        + "products (%d (model, version) verdicts) | %d ms |%n| device verdicts, summed over products: CERTAIN / LIKELY | "
                        + "%d / %d |%n", files, files, products.size(), all.size(), distinctPairs, buildMs, evaluations,
                matchMs, affectedDevices, reviewDevices);
    }

    // ---------------------------------------------------------------- truth

    private static Truth truth(Listing l, GenModel m, Version v, Map<String, List<Listing>> byIdentity) {
        if (m.identity() == null) {
            return m.kind().equals("GUDID") && m.vendorKey().equals(vendorOf(l.identity()))
                    && similar(m.candidate().modelName(), l.product().productName()) ? Truth.AMBIGUOUS : Truth.WRONG_MODEL;
        }
        if (m.identity().equals(l.identity())) {
            return v.madeFor() == l ? v.truth() : Truth.AMBIGUOUS;
        }
        if (m.vendorKey().equals(vendorOf(l.identity())) && similar(m.originalName(), l.product().productName())) {
            return Truth.AMBIGUOUS;
        }
        return Truth.WRONG_MODEL;
    }

    /** Two names of one vendor that a person could take for the same product: one's words contain the other's. */
    private static boolean similar(String a, String b) {
        Set<String> x = significant(a);
        Set<String> y = significant(b);
        if (x.isEmpty() || y.isEmpty()) {
            return false;
        }
        Set<String> common = new HashSet<>(x);
        common.retainAll(y);
        return common.equals(x) || common.equals(y) || common.size() * 2 >= Math.min(x.size(), y.size()) + 1;
    }

    private static Set<String> significant(String name) {
        Set<String> out = new HashSet<>();
        for (String t : Names.tokens(name.replaceFirst("(?i),?\\s*\\b(not including|excluding|except)\\b.*$", ""))) {
            String s = t.endsWith("s") && t.length() > 3 ? t.substring(0, t.length() - 1) : t;
            if (!FAMILY_WORDS.contains(t) && !FAMILY_WORDS.contains(s) && !Set.of("and", "with", "of", "the", "for",
                    "model", "series", "only", "not", "including").contains(t)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String vendorOf(String identity) {
        return identity.substring(0, identity.indexOf('|'));
    }

    // ---------------------------------------------------------------- inventory generation

    private static List<Listing> icsmaListings() throws IOException {
        ProductTreeFlattener flattener = new ProductTreeFlattener();
        ObjectMapper json = new ObjectMapper();
        List<Listing> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(TestData.dir().resolve("csaf/icsma"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                JsonNode doc = json.readTree(p);
                for (AdvisoryProduct a : flattener.flatten(doc)) {
                    String vendor = CANONICAL.get(a.vendor());
                    if (vendor == null) {
                        throw new IllegalStateException("No canonical manufacturer for vendor \"" + a.vendor() + "\" in "
                                + p.getFileName() + ": add it to CANONICAL");
                    }
                    out.add(new Listing(p.getFileName().toString(), a, vendor + "|" + Names.compact(a.productName())));
                }
            }
        }
        return out;
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** The model name and number an inventory would record for this product. */
    private String[] distort(String name, List<Listing> listings) {
        String n = name;
        String number = null;
        // a model number listed as version ("MMT-1715 | MMT-1754") is what an inventory records as model number
        String version = listings.get(0).product().versionText();
        if (version != null && version.matches("(\\s*[A-Za-z]{2,4}-\\d{3,}\\s*\\|?)+")) {
            String[] parts = version.split("\\|");
            number = parts[random.nextInt(parts.length)].strip();
        }
        int edits = 1 + random.nextInt(2);
        for (int i = 0; i < edits; i++) {
            switch (random.nextInt(8)) {
                case 0 -> n = random.nextBoolean() ? n.toUpperCase(Locale.ROOT) : n.toLowerCase(Locale.ROOT);
                case 1 -> n = n.replaceFirst("(?i)^(BD|Philips|Baxter|Siemens|GE|Medtronic|Ypsomed|Welch Allyn|Capsule "
                        + "Technologies)\\s+", "");
                case 2 -> {
                    String[] words = n.split("\\s+");
                    List<String> kept = new ArrayList<>();
                    for (String w : words) {
                        if (!FAMILY_WORDS.contains(w.toLowerCase(Locale.ROOT)) || kept.isEmpty()) {
                            kept.add(w);
                        }
                    }
                    n = String.join(" ", kept);
                }
                case 3 -> n = n.replaceAll("\\s*\\([^)]*\\)", "");
                case 4 -> {
                    Matcher m = Pattern.compile("(\\S+)/(\\S+)").matcher(n);
                    if (m.find()) {
                        n = n.substring(0, m.start()) + (random.nextBoolean() ? m.group(1) : m.group(2)) + n.substring(m.end());
                    }
                }
                case 5 -> {
                    Matcher m = Pattern.compile("\\b(?=[A-Za-z-]*\\d)[A-Za-z0-9-]{3,}\\b").matcher(n);
                    if (number == null && m.find() && n.strip().length() > m.group().length()) {
                        number = m.group();
                        n = (n.substring(0, m.start()) + n.substring(m.end())).replaceAll("\\s+", " ").strip();
                    }
                }
                case 6 -> n = n.replace('-', ' ').replace('/', '-');
                default -> n = n + (n.toLowerCase(Locale.ROOT).contains("system") ? "" : " System");
            }
        }
        n = n.replaceAll("\\s+", " ").strip();
        if (n.isEmpty() || Names.tokens(n).isEmpty()) {
            n = name;
        }
        return new String[] {n, number};
    }

    /** A model of the same vendor that the advisory does not name: another identifier, or another word. */
    private String decoy(String fullName, Set<String> vendorNames) {
        String name = fullName.replaceFirst("(?i),?\\s*\\b(not including|excluding|except)\\b.*$", "");
        Matcher id = Pattern.compile("\\d+").matcher(name);
        String decoy;
        if (id.find()) {
            String digits = id.group();
            String changed = digits.substring(0, digits.length() - 1)
                    + (char) ('0' + (digits.charAt(digits.length() - 1) - '0' + 1 + random.nextInt(8)) % 10);
            decoy = name.substring(0, id.start()) + changed + name.substring(id.end());
        } else {
            String[] words = name.replaceAll("\\([^)]*\\)", "").strip().split("\\s+");
            String word = pick(DECOY_WORDS);
            if (Names.tokens(name).contains(word.toLowerCase(Locale.ROOT))) {
                return null;
            }
            if (words.length < 2) {
                decoy = words[0] + " " + word;
            } else {
                words[words.length - 1] = word;
                decoy = String.join(" ", words);
            }
        }
        return vendorNames.contains(Names.compact(decoy)) || Names.compact(decoy).equals(Names.compact(name))
                || Names.compact(decoy).equals(Names.compact(fullName)) ? null : decoy;
    }

    private static final Pattern SIMPLE = Pattern.compile("[A-Za-z]{0,3}[-_.]?\\d[A-Za-z0-9._-]*");
    private static final Pattern BOUND = Pattern.compile("(<=|<|>=|>)\\s*(" + SIMPLE.pattern() + ")");
    private static final Pattern WILDCARD = Pattern.compile("[vV]?(\\d+(?:\\.\\d+)*)\\.[xX]");
    private static final Pattern UPPER_WILDCARD = Pattern.compile("(<=|<)\\s*(\\d+(?:\\.\\d+)*)\\.[xX]");

    /**
     * Versions inside and outside a listing's version text, by string rules only: the listed versions and bounds
     * themselves, and their last number one up or one down. Anything else: a device without version (UNDETERMINED).
     */
    static List<Version> versionsFor(Listing l) {
        String t = l.product().versionText() == null ? "" : l.product().versionText().strip().replaceAll("\\s+", " ");
        List<Version> out = new ArrayList<>();
        if (t.matches("(?i)vers:all/\\*|\\*|all|all versions|\\* \\(end-of-life[^)]*\\)")) {
            out.add(new Version("2.1", l, Truth.AFFECTED));
            out.add(new Version("", l, Truth.AFFECTED));
            return out;
        }
        if (t.matches("[A-Za-z]{2,4}-\\d{3,}(\\s*\\|\\s*[A-Za-z]{2,4}-\\d{3,})*")) {
            // model numbers where the version belongs: the inventory records one of them as model number (distort)
            out.add(new Version("2.1", l, Truth.AFFECTED));
            out.add(new Version("", l, Truth.AFFECTED));
            return out;
        }
        String[] parts = t.split("\\s*\\|\\s*");
        if (Arrays.stream(parts).allMatch(p -> p.matches(SIMPLE.pattern()) && !p.matches("[A-Za-z]{2,4}-\\d{3,}"))) {
            Set<String> listed = new HashSet<>(Arrays.asList(parts));
            for (String p : parts) {
                out.add(new Version(p, l, Truth.AFFECTED));
                String up = step(p, 1);
                if (up != null && !listed.contains(up) && !anyEqualNumerically(up, listed)) {
                    out.add(new Version(up, l, Truth.OUTSIDE));
                }
            }
            return dedupe(out);
        }
        if (parts.length == 1) {
            Matcher b = BOUND.matcher(t);
            Matcher w = WILDCARD.matcher(t);
            Matcher uw = UPPER_WILDCARD.matcher(t);
            if (b.matches()) {
                bound(b.group(1), b.group(2), l, out, true);
                return dedupe(out);
            }
            if (w.matches()) {
                out.add(new Version(w.group(1) + ".3", l, Truth.AFFECTED));
                String up = step(w.group(1), 1);
                if (up != null) {
                    out.add(new Version(up + ".0", l, Truth.OUTSIDE));
                }
                return out;
            }
            if (uw.matches()) {
                String prefix = uw.group(2);
                if (uw.group(1).equals("<=")) {
                    out.add(new Version(prefix + ".5", l, Truth.AFFECTED));
                    out.add(new Version(step(prefix, 1) + ".0", l, Truth.OUTSIDE));
                } else {
                    out.add(new Version(prefix + ".1", l, Truth.OUTSIDE));
                    String down = step(prefix, -1);
                    if (down != null) {
                        out.add(new Version(down + ".9", l, Truth.AFFECTED));
                    }
                }
                return out;
            }
        }
        if (parts.length == 2) {
            Matcher lo = BOUND.matcher(parts[0]);
            Matcher hi = BOUND.matcher(parts[1]);
            if (lo.matches() && hi.matches() && lo.group(1).startsWith(">") && hi.group(1).startsWith("<")) {
                bound(lo.group(1), lo.group(2), l, out, false);
                bound(hi.group(1), hi.group(2), l, out, false);
                return dedupe(out);
            }
        }
        out.add(new Version("", l, Truth.UNDETERMINED));
        return out;
    }

    private static void bound(String op, String v, Listing l, List<Version> out, boolean alone) {
        String up = step(v, 1);
        String down = step(v, -1);
        switch (op) {
            case "<=" -> {
                out.add(new Version(v, l, Truth.AFFECTED));
                add(out, down, l, Truth.AFFECTED, alone);
                add(out, up, l, Truth.OUTSIDE, true);
            }
            case "<" -> {
                add(out, down, l, Truth.AFFECTED, alone);
                out.add(new Version(v, l, Truth.OUTSIDE));
                add(out, up, l, Truth.OUTSIDE, true);
            }
            case ">=" -> {
                out.add(new Version(v, l, Truth.AFFECTED));
                add(out, up, l, Truth.AFFECTED, alone);
                add(out, down, l, Truth.OUTSIDE, true);
            }
            default -> {
                add(out, up, l, Truth.AFFECTED, alone);
                out.add(new Version(v, l, Truth.OUTSIDE));
            }
        }
    }

    private static void add(List<Version> out, String v, Listing l, Truth t, boolean allowed) {
        if (v != null && allowed) {
            out.add(new Version(v, l, t));
        }
    }

    /** The text with its last number one up or down, keeping its width ("012U000040" → "012U000039"); null below 0. */
    static String step(String v, int delta) {
        Matcher m = Pattern.compile("\\d+").matcher(v);
        int start = -1;
        int end = -1;
        while (m.find()) {
            start = m.start();
            end = m.end();
        }
        if (start < 0) {
            return null;
        }
        BigInteger n = new BigInteger(v.substring(start, end)).add(BigInteger.valueOf(delta));
        if (n.signum() < 0) {
            return null;
        }
        String digits = n.toString();
        int width = end - start;
        if (digits.length() < width) {
            digits = "0".repeat(width - digits.length()) + digits;
        }
        return v.substring(0, start) + digits + v.substring(end);
    }

    private static boolean anyEqualNumerically(String v, Set<String> listed) {
        String key = v.replaceAll("(\\.0+)+$", "");
        return listed.stream().anyMatch(x -> x.replaceAll("(\\.0+)+$", "").equals(key));
    }

    private static List<Version> dedupe(List<Version> versions) {
        Map<String, Version> out = new LinkedHashMap<>();
        for (Version v : versions) {
            out.putIfAbsent(v.text(), v);
        }
        return new ArrayList<>(out.values());
    }

    /** Real GUDID devices: company, brand name, model number. */
    private static List<String[]> gudid() throws IOException {
        List<String[]> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Reader r = Files.newBufferedReader(TestData.file("misc/gudid/gudid-subset-medical-vendors.csv"))) {
            for (CSVRecord rec : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                String key = rec.get("company_name") + "|" + rec.get("brand_name");
                if (seen.add(key)) {
                    out.add(new String[] {rec.get("company_name"), rec.get("brand_name"), rec.get("version_model_number")});
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- report helpers

    private static int sumColumn(Map<Truth, Map<Certainty, Integer>> confusion, Certainty c) {
        return confusion.values().stream().mapToInt(m -> m.getOrDefault(c, 0)).sum();
    }

    private static int sumRow(Map<Certainty, Integer> row) {
        return row.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }

    private static long count(List<GenModel> models, String kind) {
        return models.stream().filter(m -> m.kind().equals(kind)).count();
    }

    private static String row(String label, double value, int numerator, int denominator) {
        return String.format(Locale.ROOT, "| %s | %.3f (%d / %d) |%n", label, value, numerator, denominator);
    }
}
