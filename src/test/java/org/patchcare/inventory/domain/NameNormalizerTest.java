package org.patchcare.inventory.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Vendor names as advisories (ICS-CERT, BSI, vendor bulletins) really spell them. */
class NameNormalizerTest {

    @Test
    void philips_and_the_common_misspelling_phillips_stay_distinct_keys() {
        // An alias joins them on purpose; the normaliser must not guess that they are the same company.
        assertThat(NameNormalizer.normalize("Philips")).isNotEqualTo(NameNormalizer.normalize("Phillips"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Philips|philips",
            "PHILIPS|philips",
            "  philips  |philips",
            "Philips Medical Systems|philips medical systems",
            "Philips-Medical  Systems|philips medical systems",
            "Philips Medical Systems, Inc.|philips medical systems",
    })
    void ignores_case_spacing_punctuation_and_legal_suffixes(String spelling, String key) {
        assertThat(NameNormalizer.normalize(spelling)).isEqualTo(key);
    }

    @Test
    void trailing_space_as_found_in_advisory_csvs_does_not_create_a_second_manufacturer() {
        assertThat(NameNormalizer.normalize("Medtronic ")).isEqualTo(NameNormalizer.normalize("Medtronic"))
                .isEqualTo("medtronic");
    }

    @Test
    void utf8_read_as_latin1_gives_the_same_key_as_the_correct_spelling() {
        String mojibake = "Innokas YhtymÃ¤ Oy";
        assertThat(NameNormalizer.normalize(mojibake)).isEqualTo(NameNormalizer.normalize("Innokas Yhtymä Oy"))
                .isEqualTo("innokas yhtyma");
    }

    @Test
    void accents_do_not_matter() {
        assertThat(NameNormalizer.normalize("Dräger")).isEqualTo(NameNormalizer.normalize("Drager")).isEqualTo("drager");
    }

    @Test
    void ampersand_and_the_word_and_are_the_same() {
        assertThat(NameNormalizer.normalize("Becton, Dickinson and Company"))
                .isEqualTo(NameNormalizer.normalize("Becton Dickinson & Co."));
        assertThat(NameNormalizer.normalize("Johnson & Johnson")).isEqualTo("johnson and johnson");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Baxter International Inc.|baxter international",
            "B. Braun Melsungen AG|b braun melsungen",
            "Siemens Healthcare GmbH|siemens healthcare",
            "Nihon Kohden Corporation|nihon kohden",
            "Getinge AB|getinge",
            "Smiths Medical ASD, Inc.|smiths medical asd",
            "Fresenius Kabi AG|fresenius kabi",
            "Hillrom Ltd|hillrom",
            "Mindray Co., Ltd.|mindray",
    })
    void drops_trailing_legal_suffixes_even_several(String spelling, String key) {
        assertThat(NameNormalizer.normalize(spelling)).isEqualTo(key);
    }

    @Test
    void a_name_that_is_only_a_legal_suffix_is_kept() {
        assertThat(NameNormalizer.normalize("AG")).isEqualTo("ag");
        assertThat(NameNormalizer.normalize("SE")).isEqualTo("se");
    }

    @Test
    void legal_words_in_the_middle_of_a_name_are_kept() {
        assertThat(NameNormalizer.normalize("Co Medical Inc")).isEqualTo("co medical");
    }

    @Test
    void ge_healthcare_and_general_electric_stay_distinct_keys() {
        assertThat(NameNormalizer.normalize("GE Healthcare")).isEqualTo("ge healthcare");
        assertThat(NameNormalizer.normalize("General Electric (GE)")).isEqualTo("general electric ge");
    }

    @Test
    void null_and_blank_give_an_empty_key() {
        assertThat(NameNormalizer.normalize(null)).isEmpty();
        assertThat(NameNormalizer.normalize("   ")).isEmpty();
        assertThat(NameNormalizer.normalize("---")).isEmpty();
    }

    @Test
    void a_real_a_tilde_is_not_mangled_by_the_mojibake_repair() {
        // "São Paulo" contains "ã", not "Ã" followed by a continuation byte; it must survive.
        assertThat(NameNormalizer.normalize("Hospital São Paulo Ltda")).isEqualTo("hospital sao paulo ltda");
        // A lone "Ã" that is not the start of a UTF-8 sequence stays as it is.
        assertThat(NameNormalizer.repairMojibake("Ãx")).isEqualTo("Ãx");
    }
}
