package org.patchcare.planning.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An engineer's name longer than its column is refused naming the field (it answered 500, HostileInputIT). */
class VendorVisitTest {

    private static final Instant START = Instant.parse("2030-01-07T08:00:00Z");

    @Test
    void an_engineer_name_over_120_characters_is_refused_naming_the_engineer() {
        assertThatThrownBy(() -> new VendorVisit(1L, "A".repeat(121), START, START.plusSeconds(3600)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("engineer"));
    }

    @Test
    void an_engineer_name_of_120_characters_is_kept_exactly() {
        String name = "<script>".repeat(15);
        assertThat(new VendorVisit(1L, name, START, START.plusSeconds(3600)).getEngineer()).isEqualTo(name);
    }
}
