package org.patchcare.downtime.ui;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.ui.MainLayout;

import java.util.ServiceLoader;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The downtime entries of the side navigation: registered, after the risk entries, in a sensible order. */
class DowntimeNavigationTest {

    @Test
    void is_registered_and_places_its_entries_after_the_risk_entries() {
        assertThat(StreamSupport.stream(ServiceLoader.load(MainLayout.NavContributor.class).spliterator(), false))
                .anyMatch(c -> c instanceof DowntimeNavigation);
        var entries = new DowntimeNavigation().entries();
        assertThat(entries).extracting(MainLayout.NavEntry::label)
                .as("without a caller, today's downtime is reached by its address only")
                .containsExactly("Calendar", "Blackout windows", "Redundancy groups");
        assertThat(entries).allMatch(e -> e.order() > 33);
        assertThat(entries).extracting(MainLayout.NavEntry::order).isSorted();
    }
}
