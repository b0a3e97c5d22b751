package org.patchcare.risk.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Read records of compensating controls, validation evidence and risk acceptances (screens and API). */
public final class MitigationViews {

    private MitigationViews() {
    }

    /**
     * Filters of the control list; null means "any".
     *
     * @param status             ACTIVE, WITHDRAWN or EXPIRED
     * @param expiringWithinDays active controls whose expiry lies within this many days (past ones included)
     * @param expired            expired ones, also those past their date that the hourly job has not marked yet
     * @param owner              username of the owner
     * @param text               part of the title or the reference
     * @param exposureId         attached to this exposure
     */
    public record ControlFilter(String status, Integer expiringWithinDays, Boolean expired, String owner, String text,
                                String exposureId) {
        public static ControlFilter none() {
            return new ControlFilter(null, null, null, null, null, null);
        }

        public ControlFilter withStatus(String s) {
            return new ControlFilter(s, expiringWithinDays, expired, owner, text, exposureId);
        }
    }

    /**
     * One control. {@code scopeKey} is the asset tag, the segment or the model's public id; {@code scopeLabel} how it
     * reads ("Device BME-1", "Segment VLAN 20", "Model Philips IntelliVue MX450").
     */
    public record ControlView(String id, String type, String typeLabel, String title, String reference, String label,
                              String scope, String scopeLabel, String scopeKey, String owner, String evidence,
                              LocalDate appliedOn, LocalDate reviewOn, LocalDate expiresOn, String status,
                              String statusLabel, String statusReason, long daysToExpiry, boolean expiringSoon,
                              long attachedExposures, Instant updatedAt, String updatedBy, int version) {
    }

    /** An exposure a control is attached to, and the decision point it changes there. */
    public record AttachmentView(String exposureId, String assetTag, String cve, String trackingId, String point,
                                 String pointLabel, Instant attachedAt, String attachedBy) {
    }

    /** A control with (up to {@link ControlService#ATTACHMENTS_SHOWN}) of its attachments. */
    public record ControlDetails(ControlView control, List<AttachmentView> attachments) {
    }

    /**
     * One validation result; {@code stale} when older than the evidence freshness of the policy, {@code current} for
     * the newest fresh one, the one the decision counts.
     */
    public record ValidationView(String id, String exposureId, String outcome, String outcomeLabel, String method,
                                 String methodLabel, String tool, LocalDate testedOn, String evidence, String controlId,
                                 String controlLabel, boolean stale, boolean current, Instant recordedAt,
                                 String recordedBy) {
    }

    /**
     * Filters of the acceptance list; null means "any".
     *
     * @param awaitingMe only requests the caller may still approve (clinical managers: of their departments)
     * @param status     REQUESTED, APPROVED, REJECTED, WITHDRAWN or EXPIRED
     * @param exposureId of this exposure
     */
    public record AcceptanceFilter(Boolean awaitingMe, String status, String exposureId) {
        public static AcceptanceFilter none() {
            return new AcceptanceFilter(null, null, null);
        }
    }

    /**
     * One risk acceptance; {@code awaitingYou} when the caller may still approve or reject it, {@code withdrawableByYou}
     * when the caller requested it and it is requested or approved.
     */
    public record AcceptanceView(String id, String exposureId, String assetTag, String department,
                                 String departmentName, String cve, String trackingId, String status,
                                 String statusLabel, String reason, LocalDate expiresOn, String requestedBy,
                                 Instant requestedAt, String clinicalApprover, Instant clinicalDecidedAt,
                                 String securityApprover, Instant securityDecidedAt, String decisionComment,
                                 boolean awaitingYou, boolean withdrawableByYou, int version) {
    }

    /** What one run of the expiry job did. */
    public record ExpiryReport(int controlsExpired, int acceptancesExpired, int warningsSent) {
    }
}
