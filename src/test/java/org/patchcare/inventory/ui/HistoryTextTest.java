package org.patchcare.inventory.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryTextTest {

    @Test
    void shows_audited_fields_and_values_in_the_words_of_the_screens() {
        assertThat(HistoryText.field("endOfSupportOverride")).isEqualTo("End of support (this device)");
        assertThat(HistoryText.field("someNewField")).isEqualTo("Some new field");
        assertThat(HistoryText.value("status", "IN_REPAIR")).isEqualTo("In repair");
        assertThat(HistoryText.value("criticality", "LIFE_SUSTAINING")).isEqualTo("Life-sustaining");
        assertThat(HistoryText.value("storesPhi", "true")).isEqualTo("Yes");
        assertThat(HistoryText.value("hostname", null)).isEqualTo("—");
    }

    @Test
    void shows_redundancy_as_yes_or_no_and_mission_impact_by_its_label() {
        assertThat(HistoryText.field("redundant")).isEqualTo("Redundant");
        assertThat(HistoryText.value("redundant", "false")).isEqualTo("No");
        assertThat(HistoryText.value("missionImpact", "MEF_FAILURE")).isEqualTo("Essential function fails");
    }

    @Test
    void keeps_values_it_does_not_recognise_as_they_were_stored() {
        assertThat(HistoryText.value("status", "SCRAPPED")).isEqualTo("SCRAPPED");
        assertThat(HistoryText.value("hostname", "icu-1")).isEqualTo("icu-1");
    }
}
