package org.patchcare.advisories.domain.matching;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

class VendorMatcherTest {

    /** Manufacturers as a hospital inventory spells them: legal names, other spellings, few aliases. */
    static final List<ManufacturerCandidate> INVENTORY = List.of(
            m("abbott", "Abbott Laboratories"),
            m("alivecor", "AliveCor, Inc."),
            m("bbraun", "B. Braun Medical Inc."),
            m("bmc", "BMC Medical Co., Ltd."),
            m("baxter", "Baxter Healthcare Corporation"),
            m("beacon", "BeaconMedaes"),
            m("bd", "Becton Dickinson"),
            m("boston", "Boston Scientific Corporation"),
            m("capsule", "Capsule Technologies SAS"),
            m("carestream", "Carestream Health, Inc."),
            m("change", "Change Healthcare"),
            m("draeger", "Draeger Medical GmbH"),
            m("windriver", "Wind River Systems, Inc."),
            m("greenhills", "Green Hills Software LLC"),
            m("kabi", "Fresenius Kabi AG"),
            m("fmc", "Fresenius Medical Care Holdings, Inc."),
            m("fujifilm", "FUJIFILM Medical Systems U.S.A., Inc."),
            m("ge", "GE Healthcare"),
            m("hamilton", "Hamilton Medical AG"),
            m("hillrom", "Hill-Rom"),
            m("jnj", "Johnson & Johnson"),
            m("lifepoint", "LifePoint Informatics"),
            m("medtronic", "Medtronic, Inc."),
            m("natus", "Natus Medical Incorporated"),
            m("offis", "OFFIS e.V."),
            m("openclinic", "OpenClinic GA"),
            m("philips", "Philips Medical Systems"),
            m("philipslighting", "Philips Lighting"),
            m("qualcomm", "Qualcomm Life, Inc."),
            m("roche", "Roche Diagnostics GmbH"),
            m("sooil", "SOOIL Development Co., Ltd."),
            m("siemens", "Siemens Healthineers AG"),
            m("silex", "Silex Technology, Inc."),
            m("smiths", "Smiths Medical ASD, Inc."),
            m("spacelabs", "Spacelabs Healthcare"),
            m("stjude", "St. Jude Medical, Inc."),
            m("stryker", "Stryker Corporation"),
            m("swisslog", "Swisslog Healthcare AG"),
            m("vyaire", "Vyaire Medical, Inc."),
            m("ypsomed", "Ypsomed AG"),
            m("zoll", "ZOLL Medical Corporation"),
            m("isens", "i-SENS, Inc."),
            m("innokas", "Innokas Medical"),
            new ManufacturerCandidate("eli", "Mortara Instrument", Set.of("ELI")));

    static ManufacturerCandidate m(String key, String name) {
        return new ManufacturerCandidate(key, name, Set.of());
    }

    /** What a person would answer for each vendor string of the ICSMA files (several for a list of vendors). */
    static final Map<String, Set<String>> EXPECTED = Map.ofEntries(
            entry("Abbott Laboratories", Set.of("abbott")),
            entry("AliveCor", Set.of("alivecor")),
            entry("B. Braun", Set.of("bbraun")),
            entry("B. Braun Medical", Set.of("bbraun")),
            entry("BMC Medical, 3B Medical", Set.of("bmc")),
            entry("Baxter", Set.of("baxter")),
            entry("BeaconMedaes", Set.of("beacon")),
            entry("Becton, Dickinson and Company (BD)", Set.of("bd")),
            entry("Boston Scientific", Set.of("boston")),
            entry("Capsule Technologies", Set.of("capsule")),
            entry("Carestream", Set.of("carestream")),
            entry("Change Healthcare", Set.of("change")),
            entry("Dräger", Set.of("draeger")),
            entry("ENEA, Green Hills Software, ITRON, IP Infusion, and Wind River", Set.of("greenhills", "windriver")),
            entry("Fresenius Kabi", Set.of("kabi")),
            entry("Fujifilm", Set.of("fujifilm")),
            entry("GE Healthcare", Set.of("ge")),
            entry("General Electric (GE)", Set.of("ge")),
            entry("Hamilton Medical AG", Set.of("hamilton")),
            entry("Hillrom", Set.of("hillrom")),
            entry("Hillrom and ELI, Baxter International Inc.", Set.of("hillrom", "eli", "baxter")),
            entry("Johnson & Johnson", Set.of("jnj")),
            entry("LifePoint Informatics", Set.of("lifepoint")),
            entry("Medtronic", Set.of("medtronic")),
            entry("Natus Medical, Inc. (Natus)", Set.of("natus")),
            entry("OFFIS", Set.of("offis")),
            entry("OpenClinic GA", Set.of("openclinic")),
            entry("Philips", Set.of("philips")),
            entry("Phillips", Set.of("philips")),
            entry("Qualcomm Life", Set.of("qualcomm")),
            entry("Roche Diagnostics", Set.of("roche")),
            entry("SOOIL Developments Co, Ltd.", Set.of("sooil")),
            entry("Siemens", Set.of("siemens")),
            entry("Silex Technology and GE Healthcare", Set.of("silex", "ge")),
            entry("Smiths Medical", Set.of("smiths")),
            entry("Spacelabs", Set.of("spacelabs")),
            entry("St. Jude Medical", Set.of("stjude")),
            entry("Stryker", Set.of("stryker")),
            entry("Swisslog Healthcare", Set.of("swisslog")),
            entry("Vyaire Medical", Set.of("vyaire")),
            entry("Ypsomed", Set.of("ypsomed")),
            entry("ZOLL", Set.of("zoll")),
            entry("i-SENS Inc", Set.of("isens")));

    private final VendorMatcher matcher = new VendorMatcher(INVENTORY);

    private Set<String> keys(String vendor) {
        return matcher.matchAll(vendor).stream().map(VendorMatch::manufacturerKey).collect(Collectors.toSet());
    }

    @Test
    void every_vendor_string_of_the_icsma_files_maps_to_the_manufacturer_a_person_would_pick() {
        Set<String> vendors = RealAdvisories.products(RealAdvisories.icsma()).stream().map(AdvisoryProduct::vendor)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(vendors).as("every vendor string of the files has an expected answer")
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
        Map<String, Set<String>> actual = new TreeMap<>();
        for (String v : vendors) {
            actual.put(v, keys(v));
        }
        assertThat(actual).containsExactlyInAnyOrderEntriesOf(EXPECTED);
    }

    @Test
    void matches_the_readme_examples_with_the_right_confidence() {
        assertThat(matcher.match("Phillips")).get().satisfies(m -> {
            assertThat(m.manufacturerKey()).isEqualTo("philips");
            assertThat(m.kind()).isEqualTo(VendorMatch.Kind.FUZZY);
            assertThat(m.describe()).startsWith("vendor \"Phillips\" ≈ Philips Medical Systems (fuzzy: spelling");
        });
        assertThat(matcher.match("General Electric (GE)")).get().satisfies(m -> {
            assertThat(m.manufacturerKey()).isEqualTo("ge");
            assertThat(m.kind()).isEqualTo(VendorMatch.Kind.ALIAS);
        });
        assertThat(matcher.match("Medtronic ")).get().satisfies(m -> {
            assertThat(m.manufacturerKey()).isEqualTo("medtronic");
            assertThat(m.kind()).isEqualTo(VendorMatch.Kind.EXACT);
            assertThat(m.describe()).isEqualTo("vendor \"Medtronic\" = Medtronic, Inc.");
        });
        assertThat(matcher.match("Innokas YhtymÃ¤ Oy")).get().extracting(VendorMatch::manufacturerKey)
                .isEqualTo("innokas");
    }

    @Test
    void general_electric_in_the_inventory_is_found_from_ge_healthcare_in_the_advisory() {
        VendorMatcher other = new VendorMatcher(List.of(m("ge", "General Electric (GE)"), m("gm", "General Motors")));
        assertThat(other.matchAll("GE Healthcare")).singleElement().satisfies(m -> {
            assertThat(m.manufacturerKey()).isEqualTo("ge");
            assertThat(m.kind()).isEqualTo(VendorMatch.Kind.ALIAS);
        });
        assertThat(other.matchAll("GE Digital")).as("another GE business is not GE Healthcare").isEmpty();
    }

    @Test
    void an_alias_of_the_inventory_wins_over_spelling() {
        VendorMatcher withAlias = new VendorMatcher(List.of(new ManufacturerCandidate("bd", "Becton Dickinson",
                Set.of("BD", "CareFusion")), m("bard", "C. R. Bard")));
        assertThat(withAlias.match("CareFusion")).get().satisfies(m -> {
            assertThat(m.manufacturerKey()).isEqualTo("bd");
            assertThat(m.kind()).isEqualTo(VendorMatch.Kind.ALIAS);
            assertThat(m.describe()).isEqualTo("vendor \"CareFusion\" = Becton Dickinson (alias \"CareFusion\")");
        });
        assertThat(withAlias.match("BD")).get().extracting(VendorMatch::manufacturerKey).isEqualTo("bd");
    }

    @Test
    void a_longer_company_name_is_only_a_fuzzy_match() {
        assertThat(matcher.match("Smiths Medical")).get().satisfies(m -> {
            assertThat(m.manufacturerKey()).isEqualTo("smiths");
            assertThat(m.kind()).isEqualTo(VendorMatch.Kind.FUZZY);
            assertThat(m.confidence()).isLessThan(0.7);
        });
        assertThat(matcher.match("Medtronic MiniMed")).get().satisfies(m -> {
            assertThat(m.manufacturerKey()).isEqualTo("medtronic");
            assertThat(m.kind()).isEqualTo(VendorMatch.Kind.FUZZY);
        });
        assertThat(keys("Fresenius Kabi")).as("not Fresenius Medical Care").containsExactly("kabi");
    }

    @Test
    void unknown_and_blank_vendors_match_nothing() {
        assertThat(matcher.matchAll("Mobotix")).isEmpty();
        assertThat(matcher.matchAll("  ")).isEmpty();
        assertThat(matcher.matchAll(null)).isEmpty();
        assertThat(matcher.matchAll("Siemens Energy")).as("another Siemens company").isEmpty();
    }
}
