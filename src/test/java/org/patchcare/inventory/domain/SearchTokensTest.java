package org.patchcare.inventory.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTokensTest {

    @Test
    void asset_tag_is_found_by_its_whole_lowercase_form_and_by_its_parts() {
        assertThat(SearchTokens.of("BME-004711")).containsExactlyInAnyOrder("bme-004711", "bme", "004711");
    }

    @Test
    void hostname_ip_and_mac_give_their_parts_as_keys() {
        assertThat(SearchTokens.of("icu-mon-07.hospital.local"))
                .contains("icu-mon-07.hospital.local", "icu", "mon", "07", "hospital", "local");
        assertThat(SearchTokens.of("10.20.30.40")).contains("10.20.30.40", "10", "20", "30", "40");
        assertThat(SearchTokens.of("00:1A:2B:3C:4D:5E")).contains("00:1a:2b:3c:4d:5e", "1a", "5e");
    }

    @Test
    void one_letter_parts_are_not_keys() {
        assertThat(SearchTokens.of("A-1-BC")).containsExactlyInAnyOrder("a-1-bc", "bc");
    }

    @Test
    void null_and_blank_values_are_skipped_and_several_values_merge() {
        assertThat(SearchTokens.of(null, "  ", "SN123", "sn123")).containsExactly("sn123");
    }

    @Test
    void surrounding_spaces_do_not_end_up_in_keys() {
        assertThat(SearchTokens.of("  BME-1  ")).contains("bme-1").allSatisfy(t -> assertThat(t).isEqualTo(t.strip()));
    }

    @Test
    void overlong_values_are_clipped_to_the_column_size() {
        String longValue = "x".repeat(300);
        assertThat(SearchTokens.of(longValue)).allSatisfy(t -> assertThat(t).hasSizeLessThanOrEqualTo(SearchTokens.TOKEN_MAX));
        assertThat(SearchTokens.query(longValue)).hasSize(SearchTokens.TOKEN_MAX);
    }

    @Test
    void the_query_is_normalised_like_the_keys() {
        assertThat(SearchTokens.query("  BME-00 ")).isEqualTo("bme-00");
        assertThat(SearchTokens.of("BME-004711")).anySatisfy(t -> assertThat(t).startsWith(SearchTokens.query("BME-00")));
    }

    @Test
    void an_empty_search_is_no_search() {
        assertThat(SearchTokens.query(null)).isNull();
        assertThat(SearchTokens.query("   ")).isNull();
    }
}
