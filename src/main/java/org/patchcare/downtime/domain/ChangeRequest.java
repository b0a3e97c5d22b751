package org.patchcare.downtime.domain;

import static org.patchcare.shared.domain.Texts.cut;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.InvalidInputException.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The work that takes devices down, with its approvals and its state history. Approvals: IT security once and one
 * clinical manager of each affected department, never the requester, one person one approval. An approver may
 * approve, reject (with a reason) or propose another window, which sends the request back to its requester as a
 * draft. An emergency request becomes approved on one clinical manager's approval; the other approvals stay pending
 * ({@code afterStart}) and are collected afterwards ({@code needsReview} until they are all given). Refusals of a
 * person's right to decide are {@link InvalidInputException}s on the field {@code approver}; moves the state machine
 * does not allow are {@link IllegalTransitionException}s.
 */
@Entity
@Table(name = "change_request")
public class ChangeRequest extends BaseEntity {

    public static final int TITLE_MAX = 200;
    public static final int ACTION_MAX = 4000;
    public static final int VENDOR_MAX = 200;
    public static final int IMPACT_MAX = 2000;
    public static final int BACKUP_MAX = 1000;
    public static final int ROLLBACK_MAX = 2000;
    public static final int COMMENT_MAX = ChangeRequestTransition.COMMENT_MAX;
    /** The longest expected duration: a week. */
    public static final int MAX_MINUTES = 7 * 24 * 60;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(nullable = false, updatable = false, length = 20)
    private String reference;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private ChangeRequestKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ChangeRequestStatus status = ChangeRequestStatus.DRAFT;
    @Column(nullable = false, length = TITLE_MAX)
    private String title;
    @Column(name = "planned_action", nullable = false, length = ACTION_MAX)
    private String plannedAction;
    @Column(name = "vendor_reference", length = VENDOR_MAX)
    private String vendorReference;
    @Column(name = "manufacturer_validated", nullable = false)
    private boolean manufacturerValidated;
    @Column(name = "expected_minutes", nullable = false)
    private int expectedMinutes;
    @Column(name = "clinical_impact", length = IMPACT_MAX)
    private String clinicalImpact;
    @Column(name = "backup_equipment", length = BACKUP_MAX)
    private String backupEquipment;
    @Column(name = "rollback_plan", length = ROLLBACK_MAX)
    private String rollbackPlan;
    @Column(length = 64)
    private String technician;
    @Column(nullable = false)
    private boolean emergency;
    @Column(name = "needs_review", nullable = false)
    private boolean needsReview;
    @Column(name = "requested_by", nullable = false, updatable = false, length = 64)
    private String requestedBy;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "approved_at")
    private Instant approvedAt;
    @Column(name = "scheduled_at")
    private Instant scheduledAt;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "escalated_at")
    private Instant escalatedAt;

    @ElementCollection
    @CollectionTable(name = "change_request_device", joinColumns = @JoinColumn(name = "change_request_id"))
    @Column(name = "device_id", nullable = false)
    private Set<Long> deviceIds = new LinkedHashSet<>();
    @ElementCollection
    @CollectionTable(name = "change_request_exposure", joinColumns = @JoinColumn(name = "change_request_id"))
    @Column(name = "exposure_id", nullable = false)
    private Set<Long> exposureIds = new LinkedHashSet<>();
    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("slot")
    private List<Approval> approvals = new ArrayList<>();
    @OneToMany(mappedBy = "request", cascade = CascadeType.ALL)
    @OrderBy("at, id")
    private List<ChangeRequestTransition> transitions = new ArrayList<>();

    /** What the requester fills in (validated by {@link #check}). */
    public record Details(ChangeRequestKind kind, String title, String plannedAction, String vendorReference,
                          boolean manufacturerValidated, int expectedMinutes, String clinicalImpact,
                          String backupEquipment, String rollbackPlan, String technician, boolean emergency) {
    }

    /** Who decides, as the approval rules see them; {@code departmentNames} only words the refusals. */
    public record Approver(String username, boolean security, boolean clinical, Set<Long> departments,
                           Map<Long, String> departmentNames) {
    }

    protected ChangeRequest() {
    }

    public ChangeRequest(Details d, Collection<Long> devices, Collection<Long> exposures, String requestedBy,
                         Instant now) {
        apply(d, devices, exposures);
        this.requestedBy = requestedBy;
        this.reference = "CR-" + publicId.substring(0, 8).toUpperCase(Locale.ROOT);
        transitions.add(new ChangeRequestTransition(this, null, ChangeRequestStatus.DRAFT, requestedBy, now, "created"));
    }

    /** Only a draft is edited. */
    public void edit(Details d, Collection<Long> devices, Collection<Long> exposures) {
        if (status != ChangeRequestStatus.DRAFT) {
            throw new DomainException("Change request " + reference + " is " + label(status) + "; only a draft can be "
                    + "edited.");
        }
        apply(d, devices, exposures);
    }

    private void apply(Details d, Collection<Long> devices, Collection<Long> exposures) {
        check(d, devices);
        kind = d.kind();
        title = d.title().strip();
        plannedAction = d.plannedAction().strip();
        vendorReference = blankToNull(d.vendorReference(), VENDOR_MAX);
        manufacturerValidated = d.manufacturerValidated();
        expectedMinutes = d.expectedMinutes();
        clinicalImpact = blankToNull(d.clinicalImpact(), IMPACT_MAX);
        backupEquipment = blankToNull(d.backupEquipment(), BACKUP_MAX);
        rollbackPlan = blankToNull(d.rollbackPlan(), ROLLBACK_MAX);
        technician = blankToNull(d.technician(), 64);
        emergency = d.emergency();
        deviceIds.clear();
        deviceIds.addAll(devices);
        exposureIds.clear();
        exposureIds.addAll(exposures);
    }

    /** Refuses missing or too long values, each on its field. */
    public static void check(Details d, Collection<Long> devices) {
        List<Violation> v = new ArrayList<>();
        if (d.kind() == null) {
            v.add(new Violation("kind", "Choose what the request does: patch, mitigation, configuration change, "
                    + "replacement or vendor service visit."));
        }
        required(v, "title", d.title(), TITLE_MAX, "Give the request a short title.");
        required(v, "plannedAction", d.plannedAction(), ACTION_MAX, "Describe the planned action.");
        tooLong(v, "vendorReference", d.vendorReference(), VENDOR_MAX);
        tooLong(v, "clinicalImpact", d.clinicalImpact(), IMPACT_MAX);
        tooLong(v, "backupEquipment", d.backupEquipment(), BACKUP_MAX);
        tooLong(v, "rollbackPlan", d.rollbackPlan(), ROLLBACK_MAX);
        if (d.expectedMinutes() < 1 || d.expectedMinutes() > MAX_MINUTES) {
            v.add(new Violation("expectedMinutes", "The expected duration lies between 1 and " + MAX_MINUTES
                    + " minutes (a week)."));
        }
        if (devices == null || devices.isEmpty()) {
            v.add(new Violation("assetTags", "Name at least one device, or an exposure whose device is taken down."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    private static void required(List<Violation> v, String field, String value, int max, String missing) {
        if (value == null || value.isBlank()) {
            v.add(new Violation(field, missing));
        } else {
            tooLong(v, field, value, max);
        }
    }

    private static void tooLong(List<Violation> v, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            v.add(new Violation(field, "At most " + max + " characters."));
        }
    }

    private static String blankToNull(String s, int max) {
        return s == null || s.isBlank() ? null : cut(s.strip(), max);
    }

    // ---- the state machine ---------------------------------------------------------------------

    /** Moves to {@code to} when the state machine allows it, recording who, when and why. */
    public void move(ChangeRequestStatus to, String actor, Instant now, String comment) {
        if (!status.canBecome(to)) {
            throw new IllegalTransitionException(status, to);
        }
        transitions.add(new ChangeRequestTransition(this, status, to, actor, now,
                comment == null || comment.isBlank() ? null : cut(comment.strip(), COMMENT_MAX)));
        status = to;
        switch (to) {
            case SUBMITTED -> submittedAt = now;
            case APPROVED -> approvedAt = now;
            case SCHEDULED -> scheduledAt = now;
            case IN_PROGRESS -> startedAt = now;
            case COMPLETED, FAILED -> finishedAt = now;
            case REJECTED, CANCELLED, EXPIRED -> approvals.forEach(Approval::withdraw);
            default -> {
            }
        }
    }

    /**
     * Sends the request for approval: one slot for IT security and one per affected department; slots of an earlier
     * round are reset to pending, slots of departments no longer affected are removed.
     */
    public void submit(Set<Long> departments, String actor, Instant now, String comment) {
        move(ChangeRequestStatus.SUBMITTED, actor, now, comment);
        needsReview = false;
        escalatedAt = null;
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(Approval.SECURITY_SLOT);
        departments.forEach(d -> wanted.add(Approval.slotOf(ApproverRole.CLINICAL, d)));
        approvals.removeIf(a -> !wanted.contains(a.getSlot()));
        approvals.forEach(Approval::reset);
        Set<String> have = approvals.stream().map(Approval::getSlot).collect(Collectors.toSet());
        if (!have.contains(Approval.SECURITY_SLOT)) {
            approvals.add(new Approval(this, ApproverRole.SECURITY, null));
        }
        departments.stream().filter(d -> !have.contains(Approval.slotOf(ApproverRole.CLINICAL, d)))
                .forEach(d -> approvals.add(new Approval(this, ApproverRole.CLINICAL, d)));
    }

    /**
     * The caller's approval. All given → approved. An emergency request becomes approved on the first clinical
     * manager's approval, with the rest pending after the start and {@code needsReview} set until they are in.
     */
    public Approval approve(Approver who, Instant now, String comment, String conflictOverride) {
        Approval slot = slotFor(who, ChangeRequestStatus.APPROVED);
        slot.decide(ApprovalStatus.APPROVED, who.username(), now, text(comment));
        if (conflictOverride != null && !conflictOverride.isBlank()) {
            slot.override(cut(conflictOverride.strip(), Approval.OVERRIDE_MAX));
        }
        boolean all = approvals.stream().allMatch(a -> a.getStatus() == ApprovalStatus.APPROVED);
        if (status == ChangeRequestStatus.SUBMITTED && all) {
            move(ChangeRequestStatus.APPROVED, who.username(), now, "all approvals given"
                    + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()));
        } else if (status == ChangeRequestStatus.SUBMITTED && emergency && slot.getRole() == ApproverRole.CLINICAL) {
            move(ChangeRequestStatus.APPROVED, who.username(), now, "emergency: approved by a clinical manager; the "
                    + "other approvals are collected afterwards");
            needsReview = true;
            approvals.stream().filter(Approval::isPending).forEach(Approval::afterStart);
        } else if (needsReview && all) {
            needsReview = false;
        }
        return slot;
    }

    /** One rejection ends a submitted request; after an emergency start it is recorded and the request goes on. */
    public Approval reject(Approver who, Instant now, String comment) {
        requireComment(comment, "Say why you reject the change request.");
        Approval slot = slotFor(who, ChangeRequestStatus.REJECTED);
        slot.decide(ApprovalStatus.REJECTED, who.username(), now, text(comment));
        if (status == ChangeRequestStatus.SUBMITTED) {
            move(ChangeRequestStatus.REJECTED, who.username(), now, comment);
        }
        return slot;
    }

    /** Another window: the request goes back to its requester as a draft, the other open approvals are withdrawn. */
    public Approval proposeWindow(Approver who, Instant now, String comment, Instant start, Instant end) {
        requireComment(comment, "Say why another window suits better.");
        if (start == null || end == null) {
            throw new InvalidInputException("proposedStart", "Give the start and the end of the window you propose.");
        }
        try {
            DowntimeWindow.checkInterval(start, end);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("proposedEnd", e.violations().getFirst().message());
        }
        if (status != ChangeRequestStatus.SUBMITTED) {
            throw new IllegalTransitionException(status, ChangeRequestStatus.DRAFT);
        }
        Approval slot = slotFor(who, ChangeRequestStatus.DRAFT);
        slot.decide(ApprovalStatus.PROPOSED_OTHER_WINDOW, who.username(), now, text(comment));
        slot.propose(start, end);
        approvals.forEach(Approval::withdraw);
        move(ChangeRequestStatus.DRAFT, who.username(), now, "another window proposed: " + comment.strip());
        return slot;
    }

    /**
     * The open slot {@code who} may decide now. The requester never decides; one person fills one slot; IT security's
     * slot first for someone with both roles.
     */
    private Approval slotFor(Approver who, ChangeRequestStatus target) {
        List<Approval> open = approvals.stream().filter(Approval::isPending)
                .filter(a -> status == ChangeRequestStatus.SUBMITTED || (needsReview && a.isAfterStart()))
                .toList();
        if (open.isEmpty()) {
            if (status != ChangeRequestStatus.SUBMITTED && !(needsReview && target != ChangeRequestStatus.DRAFT)) {
                throw new IllegalTransitionException(status, target);
            }
            throw new DomainException("Change request " + reference + " waits for no more approvals.");
        }
        if (who.username().equals(requestedBy)) {
            throw new InvalidInputException("approver", "You requested change request " + reference + ", so you "
                    + "cannot decide on it; IT security and the clinical managers of the departments decide.");
        }
        Optional<Approval> mine = approvals.stream()
                .filter(a -> who.username().equals(a.getDecidedBy()) && a.getStatus() == ApprovalStatus.APPROVED)
                .findFirst();
        if (mine.isPresent()) {
            throw new InvalidInputException("approver", "You already gave the " + describe(mine.get(), who)
                    + " approval; every approval of a change request must come from a different person.");
        }
        Optional<Approval> security = open.stream()
                .filter(a -> a.getRole() == ApproverRole.SECURITY && who.security()).findFirst();
        if (security.isPresent()) {
            return security.get();
        }
        return open.stream().filter(a -> a.getRole() == ApproverRole.CLINICAL && who.clinical()
                        && who.departments().contains(a.getDepartmentId())).findFirst()
                .orElseThrow(() -> new InvalidInputException("approver", "None of the open approvals of " + reference
                        + " is yours to give; it waits for " + open.stream().map(a -> describe(a, who))
                        .collect(Collectors.joining(", ")) + "."));
    }

    private static String describe(Approval a, Approver who) {
        if (a.getRole() == ApproverRole.SECURITY) {
            return "IT security";
        }
        String name = who.departmentNames() == null ? null : who.departmentNames().get(a.getDepartmentId());
        return "the clinical manager of " + (name == null ? "department " + a.getDepartmentId() : name);
    }

    private static void requireComment(String comment, String message) {
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("comment", message);
        }
    }

    private static String text(String comment) {
        return comment == null || comment.isBlank() ? null : cut(comment.strip(), Approval.COMMENT_MAX);
    }

    private static String label(ChangeRequestStatus s) {
        return s.label().toLowerCase(Locale.ROOT);
    }

    /** How the request's windows stand while it is in {@code s}. */
    public static WindowStatus windowStatusFor(ChangeRequestStatus s) {
        return switch (s) {
            case DRAFT, SUBMITTED -> WindowStatus.PROPOSED;
            case APPROVED, SCHEDULED -> WindowStatus.APPROVED;
            case IN_PROGRESS -> WindowStatus.IN_PROGRESS;
            case COMPLETED, FAILED, ROLLED_BACK -> WindowStatus.DONE;
            case REJECTED, CANCELLED, EXPIRED -> WindowStatus.CANCELLED;
        };
    }

    /** Whether {@code who} could decide an open approval now (for lists and allowed actions; no exception). */
    public boolean decidableBy(Approver who) {
        try {
            slotFor(who, ChangeRequestStatus.APPROVED);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    public void escalated(Instant at) {
        this.escalatedAt = at;
    }

    public String getPublicId() { return publicId; }
    public String getReference() { return reference; }
    public ChangeRequestKind getKind() { return kind; }
    public ChangeRequestStatus getStatus() { return status; }
    public String getTitle() { return title; }
    public String getPlannedAction() { return plannedAction; }
    public String getVendorReference() { return vendorReference; }
    public boolean isManufacturerValidated() { return manufacturerValidated; }
    public int getExpectedMinutes() { return expectedMinutes; }
    public String getClinicalImpact() { return clinicalImpact; }
    public String getBackupEquipment() { return backupEquipment; }
    public String getRollbackPlan() { return rollbackPlan; }
    public String getTechnician() { return technician; }
    public boolean isEmergency() { return emergency; }
    public boolean isNeedsReview() { return needsReview; }
    public String getRequestedBy() { return requestedBy; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Instant getApprovedAt() { return approvedAt; }
    public Instant getScheduledAt() { return scheduledAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public Instant getEscalatedAt() { return escalatedAt; }
    public Set<Long> getDeviceIds() { return Set.copyOf(deviceIds); }
    public Set<Long> getExposureIds() { return Set.copyOf(exposureIds); }
    public List<Approval> getApprovals() { return List.copyOf(approvals); }
    public List<ChangeRequestTransition> getTransitions() { return List.copyOf(transitions); }
}
