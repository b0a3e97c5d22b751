package org.patchcare.advisories.domain.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NamesTest {

    @Test
    void repairs_utf8_read_as_latin1() {
        assertThat(Names.repairMojibake("Innokas YhtymÃ¤ Oy")).isEqualTo("Innokas Yhtymä Oy");
        assertThat(Names.repairMojibake("DrÃ¤ger")).isEqualTo("Dräger");
        assertThat(Names.repairMojibake("Dräger")).as("correct text stays").isEqualTo("Dräger");
        assertThat(Names.repairMojibake("Ã and more")).as("no valid UTF-8 behind it").isEqualTo("Ã and more");
    }

    @Test
    void normalises_case_accents_punctuation_and_spaces() {
        assertThat(Names.normalize("  Dräger ")).isEqualTo("drager");
        assertThat(Names.normalize("Johnson & Johnson")).isEqualTo("johnson and johnson");
        assertThat(Names.normalize("PET/CT  Systems, Windows XP-Based")).isEqualTo("pet ct systems windows xp based");
        assertThat(Names.normalize("Dimension Vista® System")).isEqualTo("dimension vista system");
        assertThat(Names.normalizeTransliterated("Dräger")).isEqualTo("draeger");
        assertThat(Names.compact("Hill-Rom")).isEqualTo(Names.compact("Hillrom"));
    }

    @Test
    void vendor_key_drops_legal_forms_parentheses_and_dangling_and() {
        assertThat(Names.vendorKey("Becton, Dickinson and Company (BD)")).isEqualTo("becton dickinson");
        assertThat(Names.vendorKey("SOOIL Developments Co, Ltd.")).isEqualTo("sooil developments");
        assertThat(Names.vendorKey("Natus Medical, Inc. (Natus)")).isEqualTo("natus medical");
        assertThat(Names.vendorKey("Hamilton Medical AG")).isEqualTo("hamilton medical");
        assertThat(Names.vendorKey("Medtronic ")).isEqualTo("medtronic");
        assertThat(Names.vendorKey("Innokas YhtymÃ¤ Oy")).isEqualTo("innokas yhtyma");
        assertThat(Names.vendorKey("Laboratorios Grifols S.A.")).isEqualTo("laboratorios grifols");
        assertThat(Names.vendorKey("FUJIFILM Medical Systems U.S.A., Inc.")).isEqualTo("fujifilm medical systems usa");
        assertThat(Names.vendorKey("B. Braun")).as("a lone initial is kept").isEqualTo("b braun");
        assertThat(Names.vendorKey("AG")).as("never empties a name").isEqualTo("ag");
    }

    @Test
    void vendor_core_drops_trailing_sector_words() {
        assertThat(Names.vendorCore("GE Healthcare")).isEqualTo("ge");
        assertThat(Names.vendorCore("Roche Diagnostics")).isEqualTo("roche");
        assertThat(Names.vendorCore("Siemens Healthcare Diagnostics Inc.")).isEqualTo("siemens");
        assertThat(Names.vendorCore("FUJIFILM Medical Systems U.S.A., Inc.")).isEqualTo("fujifilm");
        assertThat(Names.vendorCore("Fresenius Kabi")).isEqualTo("fresenius kabi");
        assertThat(Names.vendorCore("Medical")).isEqualTo("medical");
    }

    @Test
    void finds_parenthesised_abbreviations_and_acronyms() {
        assertThat(Names.abbreviations("Becton, Dickinson and Company (BD)")).containsExactly("bd");
        assertThat(Names.abbreviations("General Electric (GE)")).containsExactly("ge");
        assertThat(Names.acronym("general electric")).isEqualTo("ge");
        assertThat(Names.acronym("medtronic")).isNull();
    }

    @Test
    void recognises_a_bare_legal_form() {
        assertThat(Names.isLegalForm("Inc.")).isTrue();
        assertThat(Names.isLegalForm(" Co, Ltd.")).isTrue();
        assertThat(Names.isLegalForm("S.A.")).isTrue();
        assertThat(Names.isLegalForm("Baxter International Inc.")).isFalse();
    }

    @Test
    void edit_distance_counts_a_transposition_as_one() {
        assertThat(Names.editDistance("phillips", "philips")).isEqualTo(1);
        assertThat(Names.editDistance("medtronic", "medtornic")).isEqualTo(1);
        assertThat(Names.editDistance("baxter", "boston")).isGreaterThan(2);
    }
}
