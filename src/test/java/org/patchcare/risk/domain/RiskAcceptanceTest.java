package org.patchcare.risk.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may approve a risk acceptance, and how long it runs. */
class RiskAcceptanceTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static RiskAcceptance requestedBy(String who) {
        return new RiskAcceptance(42, "vendor patch due in spring; device isolated", TODAY.plusDays(60), who, TODAY);
    }

    @Test
    void the_requester_cannot_approve_their_own_request() {
        RiskAcceptance a = requestedBy("itsec");
        assertThatThrownBy(() -> a.approve(ApproverRole.SECURITY, "itsec", null, NOW, TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.violations().getFirst().field()).isEqualTo("approver");
                    assertThat(e.getMessage()).contains("You requested this risk acceptance");
                });
        assertThatThrownBy(() -> a.reject(ApproverRole.CLINICAL, "itsec", "no", NOW))
                .isInstanceOf(InvalidInputException.class);
        assertThat(a.getStatus()).isEqualTo(AcceptanceStatus.REQUESTED);
    }

    @Test
    void needs_both_approvals_from_two_different_people() {
        RiskAcceptance a = requestedBy("biomed");
        a.approve(ApproverRole.CLINICAL, "manager", "ok for ICU", NOW, TODAY);
        assertThat(a.getStatus()).isEqualTo(AcceptanceStatus.REQUESTED);
        assertThatThrownBy(() -> a.approve(ApproverRole.SECURITY, "manager", null, NOW, TODAY))
                .hasMessageContaining("must come from someone else");
        assertThatThrownBy(() -> a.approve(ApproverRole.CLINICAL, "manager2", null, NOW, TODAY))
                .isInstanceOf(DomainException.class).hasMessageContaining("already given by manager");
        a.approve(ApproverRole.SECURITY, "itsec", null, NOW, TODAY);
        assertThat(a.getStatus()).isEqualTo(AcceptanceStatus.APPROVED);
        assertThat(a.getDecisionComment()).contains("manager approved: ok for ICU");
    }

    @Test
    void one_rejection_ends_the_request_and_needs_a_reason() {
        RiskAcceptance a = requestedBy("biomed");
        assertThatThrownBy(() -> a.reject(ApproverRole.SECURITY, "itsec", " ", NOW)).isInstanceOf(InvalidInputException.class);
        a.approve(ApproverRole.CLINICAL, "manager", null, NOW, TODAY);
        a.reject(ApproverRole.SECURITY, "itsec", "internet facing, patch instead", NOW);
        assertThat(a.getStatus()).isEqualTo(AcceptanceStatus.REJECTED);
        assertThatThrownBy(() -> a.approve(ApproverRole.SECURITY, "itsec2", null, NOW, TODAY))
                .isInstanceOf(DomainException.class).hasMessageContaining("no longer waits");
    }

    @Test
    void the_end_date_lies_after_today_and_at_most_a_year_ahead() {
        assertThatThrownBy(() -> new RiskAcceptance(1, "r", TODAY, "biomed", TODAY))
                .hasMessageContaining("in the future");
        assertThatThrownBy(() -> new RiskAcceptance(1, "r", TODAY.plusDays(RiskAcceptance.MAX_DAYS + 1), "biomed", TODAY))
                .hasMessageContaining("at most 365 days");
        assertThat(new RiskAcceptance(1, "r", TODAY.plusDays(RiskAcceptance.MAX_DAYS), "biomed", TODAY).getExpiresOn())
                .isEqualTo(TODAY.plusDays(365));
        assertThatThrownBy(() -> new RiskAcceptance(1, " ", null, "biomed", TODAY))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::field).containsExactly("reason", "expiresOn"));
    }

    @Test
    void an_approved_acceptance_expires_the_day_after_its_end_and_only_then() {
        RiskAcceptance a = requestedBy("biomed");
        a.approve(ApproverRole.CLINICAL, "manager", null, NOW, TODAY);
        a.approve(ApproverRole.SECURITY, "itsec", null, NOW, TODAY);
        assertThat(a.expireIfDue(TODAY.plusDays(60))).isFalse();
        assertThat(a.needsWarning(TODAY.plusDays(50), 14)).isTrue();
        assertThat(a.expireIfDue(TODAY.plusDays(61))).isTrue();
        assertThat(a.getStatus()).isEqualTo(AcceptanceStatus.EXPIRED);
    }

    @Test
    void a_request_that_ran_out_before_approval_cannot_be_approved_and_never_expires_into_a_restarted_clock() {
        RiskAcceptance a = requestedBy("biomed");
        assertThat(a.expireIfDue(TODAY.plusDays(61))).as("only approved ones expire").isFalse();
        assertThatThrownBy(() -> a.approve(ApproverRole.CLINICAL, "manager", null, NOW, TODAY.plusDays(61)))
                .hasMessageContaining("request a new one");
    }

    @Test
    void only_the_requester_withdraws() {
        RiskAcceptance a = requestedBy("biomed");
        assertThatThrownBy(() -> a.withdraw("itsec", "x")).hasMessageContaining("Only biomed");
        a.withdraw("biomed", "patched after all");
        assertThat(a.getStatus()).isEqualTo(AcceptanceStatus.WITHDRAWN);
        assertThatThrownBy(() -> a.withdraw("biomed", "again")).isInstanceOf(DomainException.class);
    }
}
