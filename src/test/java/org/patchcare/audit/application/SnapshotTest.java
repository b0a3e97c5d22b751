package org.patchcare.audit.application;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotTest {

    @Test
    void unchanged_values_give_no_changes() {
        Snapshot a = Snapshot.empty().with("hostname", "icu-mon-07").with("department", "ICU");
        Snapshot b = Snapshot.empty().with("hostname", "icu-mon-07").with("department", "ICU");
        assertThat(a.diff(b)).isEmpty();
    }

    @Test
    void a_changed_value_is_reported_with_its_old_and_new_value() {
        Snapshot before = Snapshot.empty().with("department", "ICU").with("hostname", "icu-mon-07");
        Snapshot after = Snapshot.empty().with("department", "ED").with("hostname", "icu-mon-07");
        Map<String, String[]> diff = before.diff(after);
        assertThat(diff).containsOnlyKeys("department");
        assertThat(diff.get("department")).containsExactly("ICU", "ED");
    }

    @Test
    void values_set_and_cleared_are_reported_with_null_on_the_empty_side() {
        Snapshot before = Snapshot.empty().with("notes", null).with("custodian", "Dr. Weber");
        Snapshot after = Snapshot.empty().with("notes", "new battery").with("custodian", null);
        Map<String, String[]> diff = before.diff(after);
        assertThat(diff.get("notes")).containsExactly(null, "new battery");
        assertThat(diff.get("custodian")).containsExactly("Dr. Weber", null);
    }

    @Test
    void creation_lists_every_filled_field_and_skips_empty_ones() {
        Snapshot after = Snapshot.empty().with("serialNumber", "SN-1").with("notes", null)
                .with("installDate", LocalDate.of(2024, 3, 1)).with("storesPhi", true);
        Map<String, String[]> diff = Snapshot.empty().diff(after);
        assertThat(diff).containsOnlyKeys("serialNumber", "installDate", "storesPhi");
        assertThat(diff.get("installDate")).containsExactly(null, "2024-03-01");
        assertThat(diff.get("storesPhi")).containsExactly(null, "true");
    }

    @Test
    void deletion_lists_every_field_that_had_a_value() {
        Snapshot before = Snapshot.empty().with("department", "ICU").with("place", "Main, floor 2").with("room", null);
        Map<String, String[]> diff = before.diff(Snapshot.empty());
        assertThat(diff).containsOnlyKeys("department", "place");
        assertThat(diff.get("department")).containsExactly("ICU", null);
    }

    @Test
    void changes_keep_the_display_order_of_the_fields() {
        Snapshot before = Snapshot.empty().with("c", "1").with("a", "1").with("b", "1");
        Snapshot after = Snapshot.empty().with("c", "2").with("a", "2").with("b", "2");
        assertThat(before.diff(after).keySet()).containsExactly("c", "a", "b");
    }
}
