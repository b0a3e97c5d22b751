package org.patchcare.downtime.application;

import org.patchcare.downtime.domain.ApprovalStatus;
import org.patchcare.downtime.domain.ApproverRole;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.ConflictType;
import org.patchcare.downtime.domain.WindowStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** The read records of the downtime context (entities never leave the services). */
public final class DowntimeViews {

    private DowntimeViews() {
    }

    /** One line of a change-request list. {@code firstWindowStart} is null when no window is proposed. */
    public record ChangeRequestSummary(String id, String reference, String title, ChangeRequestKind kind,
                                       ChangeRequestStatus status, boolean emergency, boolean needsReview,
                                       String requestedBy, int deviceCount, String departments,
                                       Instant firstWindowStart, Instant submittedAt, int version) {
    }

    /** A device a request takes down. */
    public record DeviceRef(String assetTag, String name, String model, String departmentCode, String departmentName,
                            String facilityCode, String zoneId, String status) {
    }

    /** An exposure a request resolves, with its advisory and decision. */
    public record ExposureRef(String id, String assetTag, String cve, String advisoryTrackingId, String outcome,
                              Instant dueAt) {
    }

    /** One approval slot of a request. */
    public record ApprovalView(String slot, ApproverRole role, String departmentCode, String departmentName,
                               ApprovalStatus status, String decidedBy, Instant decidedAt, String comment,
                               Instant proposedStart, Instant proposedEnd, String conflictOverride,
                               boolean afterStart) {
    }

    /** One state change of a request. */
    public record TransitionView(ChangeRequestStatus from, ChangeRequestStatus to, String actor, Instant at,
                                 String comment) {
    }

    /** A downtime window, with enough of its request and device to draw it on a calendar. */
    public record WindowView(String id, String requestId, String requestReference, String requestTitle,
                             ChangeRequestKind kind, ChangeRequestStatus requestStatus, boolean emergency,
                             String assetTag, String deviceName, String deviceType, String departmentCode,
                             String departmentName, String facilityCode, String zoneId, Instant start, Instant end,
                             WindowStatus status, String technician, int sequence) {
    }

    /** A clash found for a proposed window; {@code message} is a sentence for the person planning. */
    public record ConflictView(ConflictType type, String assetTag, String message, Instant from, Instant to) {
    }

    /** A change request in full, as its detail screen and the API show it. */
    public record ChangeRequestDetails(ChangeRequestSummary summary, String plannedAction, String vendorReference,
                                       boolean manufacturerValidated, int expectedMinutes, String clinicalImpact,
                                       String backupEquipment, String rollbackPlan, String technician,
                                       List<DeviceRef> devices, List<ExposureRef> exposures, List<WindowView> windows,
                                       List<ApprovalView> approvals, List<TransitionView> transitions,
                                       List<ConflictView> conflicts, Set<String> allowedActions) {
    }

    /** A suggested duration and why ("the advisory says a restart is required; 3 earlier patches of model X took …"). */
    public record DurationSuggestion(int minutes, String reason) {
    }

    /** A blackout rule of a department: weekly (days and local times) or single days (first..last). */
    public record BlackoutView(String id, String departmentCode, String departmentName, String title, boolean recurring,
                               Set<DayOfWeek> days, LocalTime localStart, LocalTime localEnd, LocalDate firstDay,
                               LocalDate lastDay, boolean active, int version) {
    }

    /** A redundancy group and how many of its devices are in service now. */
    public record RedundancyGroupView(String id, String name, String departmentCode, int minimumAvailable,
                                      List<String> assetTags, int inServiceNow, int version) {
    }

    /** A calendar subscription of the caller; {@code url} is only filled when the feed was just created. */
    public record CalendarFeedView(String id, String departmentCode, String departmentName, Instant createdAt,
                                   Instant lastUsedAt, String url) {
    }
}
