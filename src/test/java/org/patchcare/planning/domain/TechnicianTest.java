package org.patchcare.planning.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Skills are kept comma-separated: a skill holding a comma is refused instead of coming back as two skills. */
class TechnicianTest {

    @Test
    void a_skill_with_a_comma_is_refused_naming_the_skills() {
        assertThatThrownBy(() -> new Technician("biomed", 240, Set.of("=HYPERLINK(\"http://evil.example\",\"x\")")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("skills"));
    }

    @Test
    void skills_come_back_as_given_in_lower_case() {
        Technician t = new Technician("biomed", 240, Set.of(" Philips ", "<script>alert(1)</script>"));
        assertThat(t.skillSet()).containsExactlyInAnyOrder("philips", "<script>alert(1)</script>");
    }
}
