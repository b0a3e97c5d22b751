package org.patchcare.advisories.domain.matching;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProductNameMatcherTest {

    private final ProductNameMatcher names = new ProductNameMatcher();

    @Test
    void a_model_number_named_in_the_advisory_counts_strongly() {
        assertThat(names.score("Alaris 8015 PC unit", "Alaris PC Unit", "8015")).isGreaterThanOrEqualTo(0.95);
        assertThat(names.score("Alaris PC Unit Model 8015", "Alaris 8015 PC unit", null)).isGreaterThanOrEqualTo(0.95);
        assertThat(names.score("Alaris 8000 PC unit", "Alaris PC Unit", "8015")).as("another model number")
                .isLessThan(0.5);
        assertThat(names.score("IntelliVue MX40 Patient Worn Monitor (WLAN only)", "IntelliVue MX40", null))
                .isGreaterThanOrEqualTo(0.8);
        assertThat(names.score("IntelliVue MX40 Patient Worn Monitor (WLAN only)", "IntelliVue MX45", null))
                .isLessThan(0.4);
    }

    @Test
    void family_words_weigh_little() {
        double specific = names.score("Medfusion 4000 Wireless Syringe Infusion Pump", "Medfusion 4000", null);
        double generic = names.score("Medfusion 4000 Wireless Syringe Infusion Pump", "Infusion Pump", null);
        assertThat(specific).isGreaterThan(0.8);
        assertThat(generic).isLessThan(specific - 0.1);
        assertThat(names.score("Medfusion 4000 Wireless Syringe Infusion Pump", "Medfusion 3500", null)).isLessThan(0.3);
    }

    @Test
    void slash_alternatives_are_tried_one_by_one() {
        assertThat(names.score("MiniMed Paradigm 512/712 pumps", "MiniMed Paradigm 712", null)).isGreaterThan(0.85);
        assertThat(names.score("MiniMed Paradigm 512/712 pumps", "Paradigm 512", "MMT-512")).isGreaterThan(0.8);
        assertThat(names.score("MiniMed Paradigm 512/712 pumps", "MiniMed Paradigm 722", null)).isLessThan(0.5);
        assertThat(names.score("Accent/Anthem", "Anthem", null)).isGreaterThanOrEqualTo(0.95);
        assertThat(names.score("Avalon Fetal/Maternal Monitors FM20/FM30/FM40/FM50", "Avalon FM30", null))
                .isGreaterThan(0.8);
    }

    @Test
    void a_model_the_advisory_excludes_scores_zero() {
        assertThat(names.score("LOGIQ, not including LOGIQ 100 Pro", "LOGIQ 100 Pro", null)).isZero();
        assertThat(names.score("Vivid products, not including EchoPAC", "EchoPAC", null)).isZero();
        assertThat(names.score("LOGIQ, not including LOGIQ 100 Pro", "LOGIQ E10", null)).as("a model of the line")
                .isBetween(0.6, 0.8);
    }

    @Test
    void vendor_words_in_the_product_name_can_be_ignored() {
        Set<String> bd = ProductNameMatcher.ignoredSet(List.of("Becton, Dickinson and Company (BD)", "BD"));
        assertThat(names.explain("BD Pyxis MedStation ES", "Pyxis MedStation ES", null, bd).score()).isEqualTo(1.0);
        assertThat(names.score("BD Pyxis MedStation ES", "Pyxis MedStation ES", null)).isLessThan(1.0);
    }

    @Test
    void spelling_variants_of_words_still_match() {
        assertThat(names.score("Battery pack SP with WiFi", "Battery Pack SP with Wi-Fi", null)).isEqualTo(1.0);
        assertThat(names.score("Battery pack SP with Wi Fi", "Battery Pack SP with WiFi", null)).isEqualTo(1.0);
        assertThat(names.score("Data module compactplus", "Data Module compactPlus", null)).isEqualTo(1.0);
        assertThat(names.score("3.0T Signa HDXx", "3.0T SIGNA HDxx", null)).isEqualTo(1.0);
        assertThat(names.score("Kiestra InoqulA+ speciman processor", "Kiestra InoqulA+ specimen processor", null))
                .as("one typing error").isGreaterThan(0.85);
    }

    @Test
    void unrelated_names_score_low() {
        assertThat(names.score("Infinity Delta", "Infinity Explorer C700", null)).isLessThan(0.5);
        assertThat(names.score("IntelliSpace Cardiovascular", "IntelliSpace PACS", null)).isLessThan(0.6);
        assertThat(names.score("Windows 7", "Arkon", null)).isZero();
        assertThat(names.score("", "Arkon", null)).isZero();
    }

    @Test
    void explains_the_score_with_both_names() {
        assertThat(names.explain("Alaris 8015 PC unit", "Alaris PC Unit", "8015", Set.of()).explanation())
                .isEqualTo("name 1.00 (\"Alaris PC Unit\" ~ \"Alaris 8015 PC unit\")");
    }

    @Test
    void identifiers_from_the_advisory_decide_first() {
        List<String> numbers = List.of("6GK5205-3BB00-2AB2");
        assertThat(names.identifierMatch(numbers, "6GK5205 3BB00 2AB2")).get()
                .extracting(ProductNameMatcher.NameScore::score).isEqualTo(1.0);
        assertThat(names.identifierMatch(numbers, "6GK5205-3BB00-2TB2")).get()
                .extracting(ProductNameMatcher.NameScore::score).isEqualTo(0.0);
        assertThat(names.identifierMatch(List.of(), "6GK5205-3BB00-2TB2")).isEmpty();
        assertThat(names.identifierMatch(numbers, null)).isEmpty();
    }
}
