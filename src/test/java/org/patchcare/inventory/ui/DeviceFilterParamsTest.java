package org.patchcare.inventory.ui;

import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.SupportStatus;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceFilterParamsTest {

    @Test
    void a_full_filter_survives_the_round_trip_through_the_url() {
        DeviceFilter f = new DeviceFilter("mx 450", "ICU", DeviceStatus.RETIRED, "mf-1", "model-9",
                Criticality.LIFE_SUSTAINING, SupportStatus.ENDING_SOON);

        QueryParameters q = DeviceFilterParams.toQuery(f);

        assertThat(DeviceFilterParams.fromQuery(QueryParameters.fromString(q.getQueryString()))).isEqualTo(f);
    }

    @Test
    void an_empty_filter_links_to_the_plain_list() {
        assertThat(DeviceFilterParams.link(DeviceFilter.none())).isEqualTo("devices");
        assertThat(DeviceFilterParams.fromQuery(QueryParameters.empty())).isEqualTo(DeviceFilter.none());
    }

    @Test
    void the_lifecycle_link_for_unsupported_icu_devices_reads_as_documented() {
        String link = DeviceFilterParams.link(new DeviceFilter(null, "ICU", null, null, null, null, SupportStatus.UNSUPPORTED));

        assertThat(link).isEqualTo("devices?department=ICU&support=UNSUPPORTED");
    }

    @Test
    void reads_hand_written_links_leniently() {
        DeviceFilter f = DeviceFilterParams.fromQuery(QueryParameters.fromString(
                "department=icu&status=in_service&support=ending-soon&criticality=nonsense&text=%20"));

        assertThat(f.department()).isEqualTo("ICU");
        assertThat(f.status()).isEqualTo(DeviceStatus.IN_SERVICE);
        assertThat(f.support()).isEqualTo(SupportStatus.ENDING_SOON);
        assertThat(f.criticality()).as("an unknown value is ignored, not an error page").isNull();
        assertThat(f.text()).as("a blank search is no search").isNull();
    }

    @Test
    void search_text_with_reserved_characters_is_encoded_and_decoded() {
        DeviceFilter f = DeviceFilter.none().withText("a&b=c #1");

        String query = DeviceFilterParams.toQuery(f).getQueryString();

        assertThat(query).doesNotContain("&b=");
        assertThat(DeviceFilterParams.fromQuery(QueryParameters.fromString(query)).text()).isEqualTo("a&b=c #1");
    }
}
