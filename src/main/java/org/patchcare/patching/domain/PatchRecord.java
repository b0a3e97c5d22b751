package org.patchcare.patching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.InvalidInputException.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The work on one device: started inside a change request (the device goes out of service), recorded (what was done
 * and the result), verified (functional check, back in service) or failed and rolled back. Unplanned work (a vendor
 * visit, work on paper) is recorded afterwards, already verified, with the times the person gives. Every step keeps
 * its own time and actor; the metrics read them ({@code performedAt} = patched, {@code verifiedAt} = verified).
 */
@Entity
@Table(name = "patch_record")
public class PatchRecord extends BaseEntity {

    public static final int CHECK_MAX = 2000;
    public static final int RESTORED_MAX = 1000;
    public static final int ROLLBACK_NOTES_MAX = 4000;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(name = "change_request_id", updatable = false)
    private Long changeRequestId;
    @Column(name = "device_id", nullable = false, updatable = false)
    private Long deviceId;
    @Column(name = "asset_tag", nullable = false, updatable = false, length = 40)
    private String assetTag;
    @Column(nullable = false, updatable = false)
    private boolean unplanned;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private PatchStatus status;
    @Enumerated(EnumType.STRING)
    @Column(length = 30)
    private PatchAction action;
    @Column(name = "from_version", length = 100)
    private String fromVersion;
    @Column(name = "to_version", length = 100)
    private String toVersion;
    @Column(name = "control_applied", length = PatchWork.CONTROL_MAX)
    private String controlApplied;
    @Column(name = "vendor_engineer", length = PatchWork.ENGINEER_MAX)
    private String vendorEngineer;
    @Column(length = PatchWork.NOTES_MAX)
    private String notes;
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private PatchResult result;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "started_by", length = 64)
    private String startedBy;
    @Column(name = "performed_at")
    private Instant performedAt;
    @Column(name = "performed_by", length = 64)
    private String performedBy;
    @Column(name = "functional_check", length = CHECK_MAX)
    private String functionalCheck;
    @Column(name = "returned_to_service")
    private Boolean returnedToService;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "verified_by", length = 64)
    private String verifiedBy;
    @Column(name = "rollback_at")
    private Instant rollbackAt;
    @Column(name = "rollback_by", length = 64)
    private String rollbackBy;
    @Column(name = "rollback_restored", length = RESTORED_MAX)
    private String rollbackRestored;
    @Column(name = "rollback_notes", length = ROLLBACK_NOTES_MAX)
    private String rollbackNotes;

    protected PatchRecord() {
    }

    private PatchRecord(Long changeRequestId, long deviceId, String assetTag, boolean unplanned) {
        this.changeRequestId = changeRequestId;
        this.deviceId = deviceId;
        this.assetTag = assetTag;
        this.unplanned = unplanned;
    }

    /** Work on a device of a change request begins; the software it runs now is the from-version. */
    public static PatchRecord start(long changeRequestId, long deviceId, String assetTag, String currentVersion,
                                    String actor, Instant now) {
        PatchRecord r = new PatchRecord(changeRequestId, deviceId, assetTag, false);
        r.status = PatchStatus.IN_PROGRESS;
        r.fromVersion = PatchWork.clean(currentVersion);
        r.startedAt = now;
        r.startedBy = actor;
        return r;
    }

    /**
     * Work done outside a request, recorded afterwards and flagged unplanned: performed and verified at the times the
     * person gives, neither in the future, verification not before the work. Only work that succeeded (fully or in
     * part) is recorded this way.
     */
    public static PatchRecord unplanned(long deviceId, String assetTag, PatchWork work, Instant performedAt,
                                        String functionalCheck, Instant verifiedAt, String actor, Instant now) {
        List<Violation> v = new ArrayList<>();
        try {
            work.check();
        } catch (InvalidInputException e) {
            v.addAll(e.violations());
        }
        if (work.result() == PatchResult.FAILED) {
            v.add(new Violation("result", "Unplanned work is recorded when it succeeded, fully or in part; a failed "
                    + "vendor visit changed nothing on the device and belongs in a maintenance note."));
        }
        if (performedAt == null) {
            v.add(new Violation("performedAt", "Give the date and time the work was done."));
        } else if (performedAt.isAfter(now)) {
            v.add(new Violation("performedAt", "The work cannot have been done in the future."));
        }
        if (verifiedAt == null) {
            v.add(new Violation("verifiedAt", "Give the date and time the device was checked and back in use."));
        } else if (verifiedAt.isAfter(now)) {
            v.add(new Violation("verifiedAt", "The check cannot have been done in the future."));
        } else if (performedAt != null && verifiedAt.isBefore(performedAt)) {
            v.add(new Violation("verifiedAt", "The check comes after the work, not before it."));
        }
        checkText(v, "functionalCheck", functionalCheck, CHECK_MAX,
                "Describe the functional check done after the work.");
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        PatchRecord r = new PatchRecord(null, deviceId, assetTag, true);
        r.apply(work);
        r.performedAt = performedAt;
        r.performedBy = actor;
        r.functionalCheck = functionalCheck.strip();
        r.returnedToService = true;
        r.verifiedAt = verifiedAt;
        r.verifiedBy = actor;
        r.status = PatchStatus.VERIFIED;
        return r;
    }

    /**
     * Records what was done. Success or partial: recorded, waiting for verification (recorded work may be corrected
     * until then; the first recording's time stays the time it was patched). Failed: the record fails and waits for
     * its rollback record.
     */
    public void record(PatchWork work, String actor, Instant now) {
        work.check();
        PatchStatus to = work.result() == PatchResult.FAILED ? PatchStatus.FAILED : PatchStatus.RECORDED;
        require(to);
        apply(work.withFromVersion(fromVersion));
        if (performedAt == null) { // a correction keeps the time the work was first recorded: the metrics' "patched"
            performedAt = now;
            performedBy = actor;
        }
        status = to;
    }

    /** The functional check passed and the device is back in clinical use. */
    public void verify(String check, boolean returned, String actor, Instant now) {
        require(PatchStatus.VERIFIED);
        List<Violation> v = new ArrayList<>();
        checkText(v, "functionalCheck", check, CHECK_MAX, "Describe the functional check: what was tested and "
                + "what it showed.");
        if (!returned) {
            v.add(new Violation("returnedToService", "Verification puts the device back into service. If the check "
                    + "failed, record the result as failed and roll the device back instead."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        functionalCheck = check.strip();
        returnedToService = true;
        verifiedAt = now;
        verifiedBy = actor;
        status = PatchStatus.VERIFIED;
    }

    /** Failed work undone: what was restored (e.g. "firmware 4.1 from the USB key"), with notes. */
    public void rollBack(String restored, String rollbackNotes, String actor, Instant now) {
        require(PatchStatus.ROLLED_BACK);
        List<Violation> v = new ArrayList<>();
        checkText(v, "restored", restored, RESTORED_MAX, "Say what was restored, e.g. 'firmware 4.1 reinstalled "
                + "from the vendor's USB key'.");
        if (rollbackNotes != null && rollbackNotes.strip().length() > ROLLBACK_NOTES_MAX) {
            v.add(new Violation("notes", "At most " + ROLLBACK_NOTES_MAX + " characters."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        rollbackRestored = restored.strip();
        this.rollbackNotes = PatchWork.clean(rollbackNotes);
        rollbackAt = now;
        rollbackBy = actor;
        status = PatchStatus.ROLLED_BACK;
    }

    /** The version the device runs after this work, or null when its software did not change. */
    public String softwareAfter() {
        return work().softwareAfter();
    }

    public PatchWork work() {
        return new PatchWork(action, fromVersion, toVersion, controlApplied, vendorEngineer, notes, result);
    }

    private void require(PatchStatus to) {
        if (!status.canBecome(to)) {
            throw new IllegalPatchTransitionException(assetTag, status, to);
        }
    }

    private void apply(PatchWork w) {
        action = w.action();
        if (w.action() == PatchAction.SOFTWARE_UPDATE) {
            fromVersion = PatchWork.clean(w.fromVersion());
            toVersion = PatchWork.clean(w.toVersion());
            controlApplied = null;
        } else {
            toVersion = null;
            controlApplied = PatchWork.clean(w.controlApplied());
        }
        vendorEngineer = PatchWork.clean(w.vendorEngineer());
        notes = PatchWork.clean(w.notes());
        result = w.result();
    }

    private static void checkText(List<Violation> v, String field, String value, int max, String missing) {
        if (value == null || value.isBlank()) {
            v.add(new Violation(field, missing));
        } else if (value.strip().length() > max) {
            v.add(new Violation(field, "At most " + max + " characters."));
        }
    }

    public String getPublicId() { return publicId; }
    public Long getChangeRequestId() { return changeRequestId; }
    public Long getDeviceId() { return deviceId; }
    public String getAssetTag() { return assetTag; }
    public boolean isUnplanned() { return unplanned; }
    public PatchStatus getStatus() { return status; }
    public PatchAction getAction() { return action; }
    public String getFromVersion() { return fromVersion; }
    public String getToVersion() { return toVersion; }
    public String getControlApplied() { return controlApplied; }
    public String getVendorEngineer() { return vendorEngineer; }
    public String getNotes() { return notes; }
    public PatchResult getResult() { return result; }
    public Instant getStartedAt() { return startedAt; }
    public String getStartedBy() { return startedBy; }
    public Instant getPerformedAt() { return performedAt; }
    public String getPerformedBy() { return performedBy; }
    public String getFunctionalCheck() { return functionalCheck; }
    public Boolean getReturnedToService() { return returnedToService; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public String getVerifiedBy() { return verifiedBy; }
    public Instant getRollbackAt() { return rollbackAt; }
    public String getRollbackBy() { return rollbackBy; }
    public String getRollbackRestored() { return rollbackRestored; }
    public String getRollbackNotes() { return rollbackNotes; }
}
