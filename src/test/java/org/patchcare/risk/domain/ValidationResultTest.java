package org.patchcare.risk.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a validation result must say, and how long it counts. */
class ValidationResultTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void refuses_a_test_date_in_the_future_and_missing_evidence() {
        assertThatThrownBy(() -> new ValidationResult(1, ValidationOutcome.NOT_REACHABLE, ValidationMethod.MANUAL_CHECK,
                "nmap", TODAY.plusDays(1), " ", null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("testedOn", "evidence"));
    }

    @Test
    void blocked_by_control_must_name_the_control() {
        assertThatThrownBy(() -> new ValidationResult(1, ValidationOutcome.BLOCKED_BY_CONTROL,
                ValidationMethod.BREACH_AND_ATTACK_SIMULATION, "SafeBreach", TODAY, "blocked at the IPS", null, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().getFirst().field()).isEqualTo("controlId"));
        assertThat(new ValidationResult(1, ValidationOutcome.BLOCKED_BY_CONTROL,
                ValidationMethod.BREACH_AND_ATTACK_SIMULATION, "SafeBreach", TODAY, "blocked at the IPS", 5L, TODAY)
                .getControlId()).isEqualTo(5L);
    }

    @Test
    void evidence_is_fresh_for_the_configured_days_and_then_stale() {
        assertThat(ValidationResult.isFresh(TODAY.minusDays(90), 90, TODAY)).isTrue();
        assertThat(ValidationResult.isFresh(TODAY.minusDays(91), 90, TODAY)).isFalse();
    }

    @Test
    void only_not_reachable_and_blocked_show_that_the_exposure_cannot_be_exploited() {
        assertThat(ValidationResult.showsNotExploitable(ValidationOutcome.NOT_REACHABLE)).isTrue();
        assertThat(ValidationResult.showsNotExploitable(ValidationOutcome.BLOCKED_BY_CONTROL)).isTrue();
        assertThat(ValidationResult.showsNotExploitable(ValidationOutcome.EXPLOITABLE)).isFalse();
    }
}
