package org.patchcare.downtime.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestSummary;
import org.patchcare.downtime.application.DowntimeViews.DurationSuggestion;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.domain.Roles;

import java.util.List;

/**
 * Change requests and their approvals. Requests are created by IT security or biomed; approved by one clinical manager
 * of each affected department plus IT security, never by the requester. Every transition records who, when and a
 * comment, and is audited in the same transaction. Every write takes the version the caller saw (409 when stale).
 * CONTRACT SHELL (issue 5 in progress): bodies are being filled in.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ChangeRequestService {

    /** A new draft. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails create(ChangeRequestCommand command) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Edits a draft (only drafts are edited; a submitted request is sent back to draft first). */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails update(String id, int version, ChangeRequestCommand command) {
        throw new UnsupportedOperationException("in progress");
    }

    public ChangeRequestDetails get(String id) {
        throw new UnsupportedOperationException("in progress");
    }

    public List<ChangeRequestSummary> list(ChangeRequestFilter filter, PageRequest page) {
        throw new UnsupportedOperationException("in progress");
    }

    public long count(ChangeRequestFilter filter) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Requests with an approval slot the caller may decide now (their departments, or IT security's slot). */
    public List<ChangeRequestSummary> awaitingMyApproval() {
        throw new UnsupportedOperationException("in progress");
    }

    /** Expected duration from the advisories' restart_required and past patches of the same models. */
    public DurationSuggestion suggestDuration(List<String> assetTags, List<String> exposureIds) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails submit(String id, int version, String comment) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
    public ChangeRequestDetails approve(String id, int version, ApprovalDecision decision) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
    public ChangeRequestDetails reject(String id, int version, ApprovalDecision decision) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Proposes another window; the request goes back to its requester as a draft. */
    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
    public ChangeRequestDetails proposeWindow(String id, int version, ApprovalDecision decision) {
        throw new UnsupportedOperationException("in progress");
    }

    /** Confirms the windows of an approved request (conflicts checked again; override with a reason). */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails schedule(String id, int version, String comment, String conflictOverride) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails start(String id, int version, String comment) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails complete(String id, int version, String comment) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails fail(String id, int version, String comment) {
        throw new UnsupportedOperationException("in progress");
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails rollBack(String id, int version, String comment) {
        throw new UnsupportedOperationException("in progress");
    }

    /** The requester, IT security or an admin cancels a request that has not started. */
    public ChangeRequestDetails cancel(String id, int version, String comment) {
        throw new UnsupportedOperationException("in progress");
    }
}
