package org.patchcare.shared.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.risk.domain.RiskAcceptance;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a person typed is kept exactly or refused naming the field, never shortened: the hostile-input corpus found
 * risk-acceptance and exposure-state reasons of 10,000 characters stored cut to their column with an ellipsis.
 */
class TextsTest {

    @Test
    void a_text_within_the_limit_is_kept_exactly() {
        String s = "x".repeat(2000);
        assertThat(Texts.within("reason", s, 2000)).isSameAs(s);
        assertThat(Texts.within("reason", null, 10)).isNull();
    }

    @Test
    void a_text_over_the_limit_is_refused_naming_the_field_and_both_lengths() {
        assertThatThrownBy(() -> Texts.within("reason", "x".repeat(2001), 2000))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations()).extracting(InvalidInputException.Violation::field)
                            .containsExactly("reason");
                    assertThat(e.violations().getFirst().message()).contains("2,000").contains("2,001");
                });
    }

    @Test
    void a_risk_acceptance_reason_over_its_column_is_refused_not_cut() {
        String reason = "No vendor patch yet. ".repeat(200); // 4,200 characters, the column holds 2,000
        assertThatThrownBy(() -> new RiskAcceptance(1L, reason, LocalDate.of(2030, 1, 1), "biomed",
                LocalDate.of(2029, 12, 1))).isInstanceOf(InvalidInputException.class);
    }
}
