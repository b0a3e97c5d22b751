package org.patchcare.downtime.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The approval rules of a change request, without a database. */
class ChangeRequestTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final long ICU = 1L;
    static final long ED = 2L;

    static final ChangeRequest.Approver ITSEC = new ChangeRequest.Approver("itsec", true, false, Set.of(), Map.of());
    static final ChangeRequest.Approver ITSEC2 = new ChangeRequest.Approver("itsec2", true, false, Set.of(), Map.of());
    static final ChangeRequest.Approver ICU_MANAGER = new ChangeRequest.Approver("icu", false, true, Set.of(ICU),
            Map.of(ICU, "Intensive care", ED, "Emergency"));
    static final ChangeRequest.Approver ED_MANAGER = new ChangeRequest.Approver("ed", false, true, Set.of(ED), Map.of());
    static final ChangeRequest.Approver BOTH_MANAGER = new ChangeRequest.Approver("both", false, true, Set.of(ICU, ED),
            Map.of());

    static ChangeRequest draft(boolean emergency) {
        return new ChangeRequest(new ChangeRequest.Details(ChangeRequestKind.PATCH, "Patch pumps", "Install 4.2",
                null, true, 60, null, null, null, null, emergency), List.of(10L, 20L), List.of(), "biomed", NOW);
    }

    static ChangeRequest submitted(boolean emergency) {
        ChangeRequest cr = draft(emergency);
        cr.submit(Set.of(ICU, ED), "biomed", NOW, null);
        return cr;
    }

    /** A request brought to {@code status} along legal moves. */
    static ChangeRequest requestIn(ChangeRequestStatus status) {
        ChangeRequest cr = draft(false);
        List<ChangeRequestStatus> path = switch (status) {
            case DRAFT -> List.of();
            case SUBMITTED -> List.of(ChangeRequestStatus.SUBMITTED);
            case APPROVED -> List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED);
            case SCHEDULED -> List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED,
                    ChangeRequestStatus.SCHEDULED);
            case IN_PROGRESS -> List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED,
                    ChangeRequestStatus.SCHEDULED, ChangeRequestStatus.IN_PROGRESS);
            case COMPLETED -> List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED,
                    ChangeRequestStatus.SCHEDULED, ChangeRequestStatus.IN_PROGRESS, ChangeRequestStatus.COMPLETED);
            case FAILED -> List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED,
                    ChangeRequestStatus.SCHEDULED, ChangeRequestStatus.IN_PROGRESS, ChangeRequestStatus.FAILED);
            case ROLLED_BACK -> List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.APPROVED,
                    ChangeRequestStatus.SCHEDULED, ChangeRequestStatus.IN_PROGRESS, ChangeRequestStatus.FAILED,
                    ChangeRequestStatus.ROLLED_BACK);
            case REJECTED -> List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.REJECTED);
            case CANCELLED -> List.of(ChangeRequestStatus.CANCELLED);
            case EXPIRED -> List.of(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.EXPIRED);
        };
        path.forEach(s -> cr.move(s, "biomed", NOW, null));
        assertThat(cr.getStatus()).isEqualTo(status);
        return cr;
    }

    private static Approval slot(ChangeRequest cr, String slot) {
        return cr.getApprovals().stream().filter(a -> a.getSlot().equals(slot)).findFirst().orElseThrow();
    }

    @Test
    void submitting_opens_one_security_slot_and_one_per_department() {
        ChangeRequest cr = submitted(false);
        assertThat(cr.getApprovals()).extracting(Approval::getSlot)
                .containsExactlyInAnyOrder("SECURITY", "DEPARTMENT:1", "DEPARTMENT:2");
        assertThat(cr.getApprovals()).allMatch(Approval::isPending);
        assertThat(cr.getSubmittedAt()).isEqualTo(NOW);
    }

    @Test
    void the_request_is_approved_when_every_slot_is_approved_and_not_before() {
        ChangeRequest cr = submitted(false);
        cr.approve(ICU_MANAGER, NOW, "fine at night", null);
        cr.approve(ITSEC, NOW, null, null);
        assertThat(cr.getStatus()).isEqualTo(ChangeRequestStatus.SUBMITTED);
        cr.approve(ED_MANAGER, NOW, null, "blackout is for elective work only");
        assertThat(cr.getStatus()).isEqualTo(ChangeRequestStatus.APPROVED);
        assertThat(slot(cr, "DEPARTMENT:2").getConflictOverride()).isEqualTo("blackout is for elective work only");
        assertThat(slot(cr, "DEPARTMENT:1").getDecidedBy()).isEqualTo("icu");
        assertThat(cr.getTransitions().getLast().getActor()).isEqualTo("ed");
    }

    @Test
    void the_requester_never_approves_their_own_request() {
        ChangeRequest cr = submitted(false);
        var self = new ChangeRequest.Approver("biomed", true, true, Set.of(ICU, ED), Map.of());
        assertThatThrownBy(() -> cr.approve(self, NOW, null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("approver: You requested change request");
        assertThatThrownBy(() -> cr.reject(self, NOW, "no")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void one_person_fills_at_most_one_slot_even_with_two_departments() {
        ChangeRequest cr = submitted(false);
        cr.approve(BOTH_MANAGER, NOW, null, null);
        assertThatThrownBy(() -> cr.approve(BOTH_MANAGER, NOW, null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("every approval of a change request must come from a different person");
        var securityAndClinical = new ChangeRequest.Approver("dual", true, true, Set.of(ED), Map.of());
        assertThat(cr.approve(securityAndClinical, NOW, null, null).getSlot()).isEqualTo("SECURITY");
        assertThatThrownBy(() -> cr.approve(securityAndClinical, NOW, null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(cr.getStatus()).isEqualTo(ChangeRequestStatus.SUBMITTED);
    }

    @Test
    void a_manager_of_another_department_has_no_slot_and_the_refusal_says_who_is_awaited() {
        ChangeRequest cr = submitted(false);
        var other = new ChangeRequest.Approver("rad", false, true, Set.of(99L), Map.of(ICU, "Intensive care"));
        assertThatThrownBy(() -> cr.approve(other, NOW, null, null)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("None of the open approvals")
                .hasMessageContaining("the clinical manager of Intensive care");
        cr.approve(ITSEC, NOW, null, null);
        assertThatThrownBy(() -> cr.approve(ITSEC2, NOW, null, null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void proposing_another_window_sends_the_request_back_to_draft_and_resubmitting_resets_the_slots() {
        ChangeRequest cr = submitted(false);
        cr.approve(ITSEC, NOW, null, null);
        Instant start = NOW.plusSeconds(86_400);
        assertThatThrownBy(() -> cr.proposeWindow(ICU_MANAGER, NOW, null, start, start.plusSeconds(3600)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("comment");
        assertThatThrownBy(() -> cr.proposeWindow(ICU_MANAGER, NOW, "later", start, start))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("proposedEnd");
        cr.proposeWindow(ICU_MANAGER, NOW, "night shift is quieter", start, start.plusSeconds(3600));
        assertThat(cr.getStatus()).isEqualTo(ChangeRequestStatus.DRAFT);
        Approval icu = slot(cr, "DEPARTMENT:1");
        assertThat(icu.getStatus()).isEqualTo(ApprovalStatus.PROPOSED_OTHER_WINDOW);
        assertThat(icu.getProposedStart()).isEqualTo(start);
        assertThat(slot(cr, "DEPARTMENT:2").getStatus()).isEqualTo(ApprovalStatus.WITHDRAWN);
        assertThat(slot(cr, "SECURITY").getStatus()).isEqualTo(ApprovalStatus.APPROVED);

        cr.submit(Set.of(ICU), "biomed", NOW, "moved to the night");
        assertThat(cr.getApprovals()).extracting(Approval::getSlot).containsExactlyInAnyOrder("SECURITY", "DEPARTMENT:1");
        assertThat(cr.getApprovals()).allMatch(a -> a.isPending() && a.getDecidedBy() == null
                && a.getProposedStart() == null);
    }

    @Test
    void one_rejection_with_a_reason_ends_a_submitted_request() {
        ChangeRequest cr = submitted(false);
        assertThatThrownBy(() -> cr.reject(ED_MANAGER, NOW, " ")).isInstanceOf(InvalidInputException.class);
        cr.reject(ED_MANAGER, NOW, "no backup ventilator that week");
        assertThat(cr.getStatus()).isEqualTo(ChangeRequestStatus.REJECTED);
        assertThat(slot(cr, "DEPARTMENT:2").getStatus()).isEqualTo(ApprovalStatus.REJECTED);
        assertThat(slot(cr, "SECURITY").getStatus()).isEqualTo(ApprovalStatus.WITHDRAWN);
        assertThatThrownBy(() -> cr.approve(ITSEC, NOW, null, null)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("rejected cannot become approved");
    }

    @Test
    void deciding_on_a_draft_is_an_illegal_transition() {
        ChangeRequest cr = draft(false);
        assertThatThrownBy(() -> cr.approve(ITSEC, NOW, null, null)).isInstanceOf(IllegalTransitionException.class)
                .hasMessage("A change request that is draft cannot become approved. From here it can become: "
                        + "cancelled, submitted.");
    }

    @Test
    void an_emergency_request_starts_on_one_clinical_approval_and_collects_the_others_afterwards() {
        ChangeRequest cr = submitted(true);
        cr.approve(ITSEC, NOW, null, null);
        assertThat(cr.getStatus()).as("IT security alone does not start an emergency").isEqualTo(ChangeRequestStatus.SUBMITTED);
        cr.approve(ICU_MANAGER, NOW, "go", null);
        assertThat(cr.getStatus()).isEqualTo(ChangeRequestStatus.APPROVED);
        assertThat(cr.isNeedsReview()).isTrue();
        assertThat(slot(cr, "DEPARTMENT:2").isPending()).isTrue();
        assertThat(slot(cr, "DEPARTMENT:2").isAfterStart()).isTrue();
        assertThat(cr.getTransitions().getLast().getComment()).startsWith("emergency");

        cr.move(ChangeRequestStatus.SCHEDULED, "biomed", NOW, null);
        cr.move(ChangeRequestStatus.IN_PROGRESS, "biomed", NOW, null);
        assertThat(cr.decidableBy(ED_MANAGER)).isTrue();
        cr.approve(ED_MANAGER, NOW, "seen afterwards", null);
        assertThat(cr.getStatus()).isEqualTo(ChangeRequestStatus.IN_PROGRESS);
        assertThat(cr.isNeedsReview()).isFalse();
        assertThatThrownBy(() -> cr.approve(ED_MANAGER, NOW, null, null)).isInstanceOf(DomainException.class);
    }

    @Test
    void a_normal_request_does_not_start_on_one_clinical_approval() {
        ChangeRequest cr = submitted(false);
        cr.approve(ICU_MANAGER, NOW, null, null);
        assertThat(cr.getStatus()).isEqualTo(ChangeRequestStatus.SUBMITTED);
        assertThat(cr.isNeedsReview()).isFalse();
    }

    @Test
    void windows_follow_the_state_of_their_request() {
        assertThat(ChangeRequest.windowStatusFor(ChangeRequestStatus.SUBMITTED)).isEqualTo(WindowStatus.PROPOSED);
        assertThat(ChangeRequest.windowStatusFor(ChangeRequestStatus.SCHEDULED)).isEqualTo(WindowStatus.APPROVED);
        assertThat(ChangeRequest.windowStatusFor(ChangeRequestStatus.IN_PROGRESS)).isEqualTo(WindowStatus.IN_PROGRESS);
        assertThat(ChangeRequest.windowStatusFor(ChangeRequestStatus.ROLLED_BACK)).isEqualTo(WindowStatus.DONE);
        assertThat(ChangeRequest.windowStatusFor(ChangeRequestStatus.EXPIRED)).isEqualTo(WindowStatus.CANCELLED);
    }

    @Test
    void missing_fields_are_refused_each_on_its_field() {
        assertThatThrownBy(() -> new ChangeRequest(new ChangeRequest.Details(null, " ", null, null, false, 0, null,
                null, null, null, false), List.of(), List.of(), "biomed", NOW))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).violations())
                        .extracting(InvalidInputException.Violation::field)
                        .containsExactly("kind", "title", "plannedAction", "expectedMinutes", "assetTags"));
    }
}
