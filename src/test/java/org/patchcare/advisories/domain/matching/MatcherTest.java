package org.patchcare.advisories.domain.matching;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.advisories.domain.matching.Certainty.CERTAIN;
import static org.patchcare.advisories.domain.matching.Certainty.LIKELY;
import static org.patchcare.advisories.domain.matching.Certainty.NONE;
import static org.patchcare.advisories.domain.matching.Certainty.NOT_AFFECTED_VERSION;

class MatcherTest {

    private static final List<ManufacturerCandidate> MANUFACTURERS = new ArrayList<>(VendorMatcherTest.INVENTORY);

    static {
        MANUFACTURERS.add(new ManufacturerCandidate("mobotix", "MOBOTIX AG", Set.of()));
        MANUFACTURERS.add(new ManufacturerCandidate("siemensag", "Siemens AG", Set.of()));
    }

    private final Matcher matcher = new Matcher(MANUFACTURERS);

    /** The product of a real advisory file with this name (and, when given, this version text). */
    private static AdvisoryProduct product(String file, String name, String version) {
        return RealAdvisories.products(java.util.stream.Stream.concat(RealAdvisories.icsma().stream(),
                        RealAdvisories.icsa().stream()).filter(a -> a.file().equals(file)).toList()).stream()
                .filter(p -> name.equals(p.productName()) && (version == null || version.equals(p.versionText())))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not in " + file));
    }

    private static Map<String, AdvisoryProduct> byId(String file) {
        return RealAdvisories.products(java.util.stream.Stream.concat(RealAdvisories.icsma().stream(),
                        RealAdvisories.icsa().stream()).filter(a -> a.file().equals(file)).toList()).stream()
                .collect(Collectors.toMap(AdvisoryProduct::productId, Function.identity()));
    }

    private static ModelCandidate model(String manufacturer, String name, String number) {
        return new ModelCandidate(manufacturer + ":" + name, manufacturer, name, number);
    }

    @Test
    void a_sure_vendor_a_strong_name_and_a_contained_version_are_certain() {
        AdvisoryProduct isc = product("icsma-17-318-01.json", "IntelliSpace Cardiovascular", null);
        ModelCandidate model = model("philips", "IntelliSpace Cardiovascular", null);
        MatchResult in = matcher.match(isc, model, "2.2.1");
        assertThat(in.certainty()).isEqualTo(CERTAIN);
        assertThat(in.reason()).isEqualTo("vendor \"Philips\" = Philips Medical Systems (alias \"philips\"); name 1.00 "
                + "(\"IntelliSpace Cardiovascular\" = \"IntelliSpace Cardiovascular\"); version 2.2.1 ≤ 2.3.0");
        assertThat(matcher.match(isc, model, "3.1").certainty()).isEqualTo(NOT_AFFECTED_VERSION);
        assertThat(matcher.match(isc, model, "B.12").certainty()).isEqualTo(LIKELY);
        assertThat(matcher.match(isc, model, null).certainty()).isEqualTo(LIKELY);
    }

    @Test
    void a_misspelt_vendor_sends_the_device_to_review() {
        AdvisoryProduct isc = product("icsma-18-025-01.json", "IntelliSpace Cardiovascular", null);
        assertThat(isc.vendor()).isEqualTo("Phillips");
        MatchResult r = matcher.match(isc, model("philips", "IntelliSpace Cardiovascular", null), "2.2");
        assertThat(r.certainty()).isEqualTo(LIKELY);
        assertThat(r.reason()).startsWith("vendor \"Phillips\" ≈ Philips Medical Systems (fuzzy: spelling, 0.74); "
                + "name 1.00").endsWith("version 2.2 ≤ 2.3.0");
        assertThat(matcher.match(isc, model("philips", "IntelliSpace Cardiovascular", null), "3.0").certainty())
                .isEqualTo(NONE);
    }

    @Test
    void another_vendor_or_a_weak_name_is_none() {
        AdvisoryProduct isc = product("icsma-17-318-01.json", "IntelliSpace Cardiovascular", null);
        MatchResult otherVendor = matcher.match(isc, model("ge", "IntelliSpace Cardiovascular", null), "2.2");
        assertThat(otherVendor.certainty()).isEqualTo(NONE);
        assertThat(otherVendor.reason()).startsWith("vendor \"Philips\" is not GE Healthcare");
        assertThat(matcher.match(isc, model("philips", "IntelliVue MX40", null), "2.2").certainty()).isEqualTo(NONE);
    }

    @Test
    void a_model_number_listed_in_the_version_field_hits_every_version_of_that_model() {
        AdvisoryProduct minimed630 = product("icsma-22-263-01.json", "MiniMed 630G", null);
        MatchResult listed = matcher.match(minimed630, model("medtronic", "MiniMed 630G insulin pump", "MMT-1754"), "4.3");
        assertThat(listed.certainty()).isEqualTo(CERTAIN);
        assertThat(listed.reason()).contains("model number MMT-1754 listed", "version model MMT-1754 listed");
        assertThat(matcher.match(minimed630, model("medtronic", "MiniMed 630G", "MMT-1799"), "4.3").certainty())
                .as("a 630G the advisory does not list: a person decides").isEqualTo(LIKELY);
        assertThat(matcher.match(minimed630, model("medtronic", "MiniMed 670G", "MMT-1780"), "4.3").certainty())
                .isEqualTo(NONE);
    }

    @Test
    void a_variant_written_as_version_is_matched_by_name_and_goes_to_review() {
        AdvisoryProduct roche = product("icsma-18-310-01.json", "Point of Care handheld medical devices",
                "Accu-Chek Inform II");
        MatchResult r = matcher.match(roche, model("roche", "Accu-Chek Inform II", null), "03.06.00");
        assertThat(r.certainty()).isEqualTo(LIKELY);
        assertThat(r.reason()).contains("the advisory names a product variant, not a version");
        assertThat(matcher.match(roche, model("roche", "cobas pulse", null), "1.0").certainty()).isEqualTo(NONE);
    }

    @Test
    void model_numbers_from_the_identification_helper_decide_before_the_name() {
        Map<String, AdvisoryProduct> scalance = byId("icsa-23-320-08.json");
        AdvisoryProduct ab2 = scalance.get("1");
        ModelCandidate same = model("siemensag", "SCALANCE XB205-3", "6GK5205-3BB00-2AB2");
        ModelCandidate other = model("siemensag", "SCALANCE XB205-3", "6GK5205-3BB00-2TB2");
        MatchResult r = matcher.match(ab2, same, "V4.3");
        assertThat(r.certainty()).isEqualTo(CERTAIN);
        assertThat(r.reason()).contains("model number 6GK5205-3BB00-2AB2 listed", "version V4.3 < V4.5");
        assertThat(matcher.match(ab2, same, "V4.5").certainty()).isEqualTo(NOT_AFFECTED_VERSION);
        assertThat(matcher.match(ab2, other, "V4.3").certainty()).isEqualTo(NONE);
    }

    @Test
    void a_firmware_installed_on_a_device_matches_the_device_model_through_the_relationship() {
        Map<String, AdvisoryProduct> mobotix = byId("icsa-24-235-03.json");
        AdvisoryProduct firmwareOnD24M = mobotix.get("CSAFPID-0109");
        AdvisoryProduct d24m = mobotix.get(firmwareOnD24M.relatesTo());
        MatchIndex index = new MatchIndex(MANUFACTURERS, List.of(model("mobotix", "Mobotix P3 D24M", null),
                model("mobotix", "Mobotix P3 M24M", null), model("siemensag", "P3 D24M", null)));
        List<ModelMatch> candidates = index.candidates(firmwareOnD24M, d24m);
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).model().modelName()).isEqualTo("Mobotix P3 D24M");
        assertThat(candidates.get(0).forVersion("MX-V4.0.1.15").certainty()).isEqualTo(CERTAIN);
        assertThat(candidates.get(0).forVersion("MX-V4.0.2.23").certainty()).isEqualTo(NOT_AFFECTED_VERSION);
    }

    @Test
    void the_index_offers_only_models_of_the_matched_manufacturers_with_a_fitting_name() {
        List<ModelCandidate> models = List.of(model("bd", "Alaris PC Unit", "8015"), model("bd", "Alaris Syringe Module",
                "8110"), model("bd", "Pyxis MedStation ES", null), model("baxter", "Alaris PC Unit", "8015"));
        MatchIndex index = new MatchIndex(MANUFACTURERS, models);
        AdvisoryProduct alaris = product("icsma-17-017-02.json", "Alaris 8015 PC unit", "<= 9.33");
        List<ModelMatch> candidates = index.candidates(alaris);
        assertThat(candidates).extracting(m -> m.model().modelKey()).containsExactly("bd:Alaris PC Unit");
        assertThat(candidates.get(0).forVersion("9.19").certainty()).isEqualTo(CERTAIN);
        assertThat(candidates.get(0).forVersion("9.41").certainty()).isEqualTo(NOT_AFFECTED_VERSION);
    }

    @Test
    void a_product_without_vendor_is_at_most_likely() {
        AdvisoryProduct noVendor = AdvisoryProduct.of("CSAFPID-1", null, "Alaris PC Unit", "vers:all/*", false);
        MatchIndex index = new MatchIndex(MANUFACTURERS, List.of(model("bd", "Alaris PC Unit", "8015")));
        List<ModelMatch> candidates = index.candidates(noVendor);
        assertThat(candidates).hasSize(1);
        MatchResult r = candidates.get(0).forVersion("9.1");
        assertThat(r.certainty()).isEqualTo(LIKELY);
        assertThat(r.reason()).startsWith("the advisory names no vendor");
    }
}
