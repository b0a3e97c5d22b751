package org.patchcare.patching.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.DeviceRef;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.patching.application.PatchViews.AttachmentContent;
import org.patchcare.patching.application.PatchViews.AttachmentView;
import org.patchcare.patching.application.PatchViews.DeviceWork;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.application.PatchViews.RequestWork;
import org.patchcare.patching.domain.PatchAttachment;
import org.patchcare.patching.domain.PatchRecord;
import org.patchcare.patching.domain.PatchStatus;
import org.patchcare.patching.domain.PatchWork;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.Params;
import org.patchcare.shared.persistence.Rows;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Patch execution, device by device. Biomed and IT security start the work on a device of a scheduled (or already
 * running) change request (the device goes out of service; the first start puts the request in progress), record what
 * was done, verify it (the device is back in service; a new software version is written to the device as a lifecycle
 * event, which re-runs matching) or record a failure and its rollback. The request follows: completed when every device
 * is verified, failed on the first failure, rolled back once every failure is rolled back and no device is still being
 * worked on. Work outside a request is recorded as unplanned. Everyone with a role reads; clinical managers only the
 * records of their departments' devices. Every write takes the version the caller saw and is audited in the same
 * transaction.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class PatchService {

    public static final String AUDIT_TYPE = "PatchRecord";
    /** The version a caller passes when they sent none: refused on the field version. */
    public static final int NO_VERSION = -1;
    /** Names of the change request's states (downtime's domain enum is not imported across contexts). */
    private static final String SCHEDULED = "SCHEDULED";
    private static final String IN_PROGRESS = "IN_PROGRESS";
    private static final String FAILED = "FAILED";

    @PersistenceContext
    EntityManager em;
    @Inject
    PatchLookup lookup;
    @Inject
    ChangeRequestService changeRequests;
    @Inject
    DeviceService devices;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    // ---- the work on a device of a change request ---------------------------------------------

    /**
     * Starts the work on one device of a scheduled or in-progress request: a new record in progress; the device goes
     * out of service ("planned downtime for CR-…"); a scheduled request moves to in progress.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public PatchRecordView start(String changeRequestId, String assetTag, String comment) {
        ChangeRequestDetails cr = changeRequests.get(changeRequestId);
        String reference = cr.summary().reference();
        String status = cr.summary().status().name();
        PatchLookup.Device device = lookup.device(assetTag);
        if (cr.devices().stream().map(DeviceRef::assetTag).noneMatch(device.assetTag()::equals)) {
            throw new InvalidInputException("assetTag", "Device " + device.assetTag() + " is not part of " + reference
                    + "; add it to a request before working on it, or record the work as unplanned.");
        }
        if (!status.equals(SCHEDULED) && !status.equals(IN_PROGRESS)) {
            throw new DomainException("Work on the devices of " + reference + " starts once it is scheduled; it is "
                    + cr.summary().status().label().toLowerCase(Locale.ROOT) + ".");
        }
        PatchLookup.Request request = lookup.request(changeRequestId);
        PatchRecord existing = em.createQuery("select p from PatchRecord p where p.changeRequestId = :cr and "
                        + "p.deviceId = :d", PatchRecord.class).setParameter("cr", request.id())
                .setParameter("d", device.id()).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            throw new DomainException("The work on " + device.assetTag() + " for " + reference + " was already started "
                    + "by " + existing.getStartedBy() + "; it is " + existing.getStatus().label()
                    .toLowerCase(Locale.ROOT) + ".");
        }
        PatchRecord r = PatchRecord.start(request.id(), device.id(), device.assetTag(), device.softwareVersion(), me(),
                now());
        r.touch(me(), now());
        em.persist(r);
        audit.created(AUDIT_TYPE, r.getPublicId(), snapshot(r).with("changeRequest", reference)
                .with("device", device.assetTag()));
        devices.startPatchWork(device.assetTag(), "Planned downtime for " + reference
                + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()));
        if (status.equals(SCHEDULED)) {
            em.flush();
            changeRequests.start(changeRequestId, cr.summary().version(), "work started on " + device.assetTag());
        }
        flush(r);
        return view(r.getPublicId());
    }

    /** Records (or corrects, until verified) what was done and the result; a failed result fails the request. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public PatchRecordView record(String id, int version, PatchWork work) {
        if (work == null) {
            throw new InvalidInputException("action", "Send what was done: action, versions or control, result.");
        }
        PatchRecord r = require(id, version);
        if (r.isUnplanned()) {
            throw new DomainException("Unplanned work is recorded once, complete; it is not edited afterwards.");
        }
        Snapshot before = snapshot(r);
        r.record(work, me(), now());
        r.touch(me(), now());
        audit.changed(AUDIT_TYPE, r.getPublicId(), before, snapshot(r), "work recorded on " + r.getAssetTag()
                + ": " + r.getResult().label().toLowerCase(Locale.ROOT));
        flush(r);
        if (r.getStatus() == PatchStatus.FAILED) {
            ChangeRequestDetails cr = changeRequests.get(requestOf(r).publicId());
            if (cr.summary().status().name().equals(IN_PROGRESS)) {
                changeRequests.fail(cr.summary().id(), cr.summary().version(), "the patch of " + r.getAssetTag()
                        + " failed: " + r.getNotes());
            }
        }
        return view(r.getPublicId());
    }

    /**
     * The functional check passed and the device is back in service. A new software version is written to the
     * device (a SOFTWARE_CHANGED lifecycle event; matching runs again). The request completes once every device is
     * verified.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public PatchRecordView verify(String id, int version, String functionalCheck, boolean returnedToService) {
        return endWork(id, version, r -> r.verify(functionalCheck, returnedToService, me(), now()), "verified",
                PatchRecord::getFunctionalCheck, PatchRecord::softwareAfter);
    }

    /**
     * Records the rollback of failed work: what was restored. The device returns to service on its old version; the
     * request is rolled back once no failure waits for its rollback and no device is still being worked on.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public PatchRecordView rollBack(String id, int version, String restored, String notes) {
        return endWork(id, version, r -> r.rollBack(restored, notes, me(), now()), "rolled back",
                PatchRecord::getRollbackRestored, r -> null);
    }

    /**
     * What verifying and rolling back share: the record's change ({@code end}) under the lock of its request's work,
     * audited as "{@code done} on {asset tag}: {detail}"; the device back in service, on {@code newVersion} (null: its
     * old version), with the note "Patch {done} for {reference}: {detail}"; then the request follows its devices.
     */
    private PatchRecordView endWork(String id, int version, Consumer<PatchRecord> end, String done,
                                    Function<PatchRecord, String> detail, Function<PatchRecord, String> newVersion) {
        PatchRecord r = require(id, version);
        lockRequestWork(r);
        Snapshot before = snapshot(r);
        end.accept(r);
        r.touch(me(), now());
        audit.changed(AUDIT_TYPE, r.getPublicId(), before, snapshot(r), done + " on " + r.getAssetTag() + ": "
                + detail.apply(r));
        PatchLookup.Request request = requestOf(r);
        devices.finishPatchWork(r.getAssetTag(), newVersion.apply(r), true, "Patch " + done + " for "
                + request.reference() + ": " + detail.apply(r));
        flush(r);
        followRequest(request);
        return view(r.getPublicId());
    }

    /**
     * Two people finishing the last two devices at the same moment must not both see the other device still open (and
     * so leave the request in progress): the records of the request are locked in id order first, so the second waits
     * for the first to commit and then reads its outcome (a locking read sees committed rows on MariaDB too).
     */
    private void lockRequestWork(PatchRecord r) {
        if (r.getChangeRequestId() == null) {
            return;
        }
        em.createQuery("select p from PatchRecord p where p.changeRequestId = :cr order by p.id", PatchRecord.class)
                .setParameter("cr", r.getChangeRequestId()).setLockMode(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .getResultList(); // a change of this record meanwhile still fails its own versioned update (409)
    }

    /** Completes (all verified) or rolls back (failures all rolled back) the request once no device is open. */
    private void followRequest(PatchLookup.Request request) {
        ChangeRequestDetails cr = changeRequests.get(request.publicId());
        String status = cr.summary().status().name();
        List<PatchRecord> records = recordsOf(request.id());
        boolean open = records.stream().anyMatch(p -> p.getStatus().isOpen() || p.getStatus() == PatchStatus.FAILED);
        if (open) {
            return;
        }
        Set<Long> verified = new java.util.HashSet<>();
        records.stream().filter(p -> p.getStatus() == PatchStatus.VERIFIED).forEach(p -> verified.add(p.getDeviceId()));
        if (status.equals(IN_PROGRESS) && verified.size() == cr.devices().size()) {
            changeRequests.complete(cr.summary().id(), cr.summary().version(), "every device patched and verified");
        } else if (status.equals(FAILED)) {
            changeRequests.rollBack(cr.summary().id(), cr.summary().version(), "every failed device rolled back");
        }
    }

    // ---- unplanned work ----------------------------------------------------------------------

    /** Work done outside a request (a vendor visit, work on paper), flagged unplanned, with the times given. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public PatchRecordView recordUnplanned(String assetTag, UnplannedCommand command) {
        if (command == null || command.work() == null) {
            throw new InvalidInputException("action", "Send what was done: action, versions or control, result, "
                    + "when it was done and checked.");
        }
        PatchLookup.Device device = lookup.device(assetTag);
        if (device.status().equals("RETIRED")) {
            throw new DomainException("Device " + device.assetTag() + " is retired; no work is recorded on it.");
        }
        PatchWork work = command.work().withFromVersion(device.softwareVersion());
        PatchRecord r = PatchRecord.unplanned(device.id(), device.assetTag(), work, command.performedAt(),
                command.functionalCheck(), command.verifiedAt(), me(), now());
        r.touch(me(), now());
        em.persist(r);
        audit.created(AUDIT_TYPE, r.getPublicId(), snapshot(r).with("device", device.assetTag())
                .with("unplanned", true));
        devices.finishPatchWork(device.assetTag(), r.softwareAfter(), false, "Unplanned work of "
                + r.getPerformedAt() + " recorded" + (r.getVendorEngineer() == null ? ""
                : " (vendor engineer " + r.getVendorEngineer() + ")"));
        flush(r);
        return view(r.getPublicId());
    }

    // ---- attachments ---------------------------------------------------------------------------

    /** Keeps a file with the record (at most 10 MB; PDF, PNG, JPEG, text, CSV), with its SHA-256. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public AttachmentView addAttachment(String id, String fileName, String contentType, byte[] content) {
        PatchRecord r = find(id);
        PatchAttachment a = new PatchAttachment(r.getId(), fileName, contentType, content, me(), now());
        em.persist(a);
        audit.event(AUDIT_TYPE, r.getPublicId(), "attachment added", a.getFileName() + " (" + a.getContentType() + ", "
                + a.getSizeBytes() + " bytes, SHA-256 " + a.getSha256() + ")");
        em.flush();
        return attachmentView(a, r.getPublicId());
    }

    public List<AttachmentView> attachments(String id) {
        PatchRecord r = visible(find(id), id);
        return em.createQuery("select a.publicId, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedAt, "
                        + "a.uploadedBy from PatchAttachment a where a.patchRecordId = :r order by a.uploadedAt, a.id",
                        Object[].class)
                .setParameter("r", r.getId()).getResultStream()
                .map(x -> new AttachmentView((String) x[0], r.getPublicId(), (String) x[1], (String) x[2],
                        ((Number) x[3]).longValue(), (String) x[4], (Instant) x[5], (String) x[6])).toList();
    }

    public AttachmentContent attachment(String id, String attachmentId) {
        PatchRecord r = visible(find(id), id);
        PatchAttachment a = em.createQuery("select a from PatchAttachment a where a.publicId = :a and "
                        + "a.patchRecordId = :r", PatchAttachment.class).setParameter("a", attachmentId == null ? ""
                        : attachmentId.strip()).setParameter("r", r.getId()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Attachment", attachmentId));
        return new AttachmentContent(attachmentView(a, r.getPublicId()), a.getContent());
    }

    private static AttachmentView attachmentView(PatchAttachment a, String recordId) {
        return new AttachmentView(a.getPublicId(), recordId, a.getFileName(), a.getContentType(), a.getSizeBytes(),
                a.getSha256(), a.getUploadedAt(), a.getUploadedBy());
    }

    // ---- reading ------------------------------------------------------------------------------

    public PatchRecordView get(String id) {
        return view(visible(find(id), id).getPublicId());
    }

    /** The device-by-device work of a request: each device with its record (if started) and what may be done now. */
    public RequestWork work(String changeRequestId) {
        ChangeRequestDetails cr = changeRequests.get(changeRequestId);
        String status = cr.summary().status().name();
        Map<String, PatchRecordView> byTag = new java.util.HashMap<>();
        rows(new PatchFilter(null, cr.summary().id(), null), PageRequest.first(PageRequest.MAX_LIMIT))
                .forEach(v -> byTag.putIfAbsent(v.assetTag(), v));
        boolean startable = worker() && (status.equals(SCHEDULED) || status.equals(IN_PROGRESS));
        List<DeviceWork> out = new ArrayList<>();
        for (DeviceRef d : cr.devices()) {
            PatchRecordView rec = byTag.get(d.assetTag());
            Set<String> actions = rec == null ? (startable ? Set.of("start") : Set.of()) : rec.allowedActions();
            out.add(new DeviceWork(d.assetTag(), d.name(), d.status(), rec, actions));
        }
        return new RequestWork(cr.summary().id(), cr.summary().reference(), status, out);
    }

    private static final Map<String, String> SORTS = Map.of("performedAt", "pr.performed_at",
            "verifiedAt", "pr.verified_at", "startedAt", "pr.started_at", "assetTag", "pr.asset_tag",
            "status", "pr.status", "createdAt", "pr.created_at");

    public List<PatchRecordView> list(PatchFilter filter, PageRequest page) {
        if (page.sortBy() != null && !SORTS.containsKey(page.sortBy())) {
            throw new InvalidInputException("sort", "Cannot sort by '" + page.sortBy() + "'; allowed: "
                    + String.join(", ", new TreeSet<>(SORTS.keySet())) + ".");
        }
        return rows(filter, page);
    }

    public long count(PatchFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? PatchFilter.all() : filter, params);
        return Rows.count(Params.bind(em.createNativeQuery("SELECT COUNT(*)" + FROM + where), params)
                .getSingleResult());
    }

    private static final String FROM = " FROM patch_record pr JOIN device d ON d.id = pr.device_id "
            + "JOIN device_model m ON m.id = d.model_id JOIN department dep ON dep.id = d.department_id "
            + "LEFT JOIN change_request cr ON cr.id = pr.change_request_id";
    private static final String SELECT = "SELECT pr.public_id, cr.public_id, cr.reference, pr.asset_tag, m.name, "
            + "dep.code, pr.unplanned, pr.status, pr.action, pr.from_version, pr.to_version, pr.control_applied, "
            + "pr.vendor_engineer, pr.notes, pr.result, pr.started_at, pr.started_by, pr.performed_at, pr.performed_by, "
            + "pr.functional_check, pr.returned_to_service, pr.verified_at, pr.verified_by, pr.rollback_at, "
            + "pr.rollback_by, pr.rollback_restored, pr.rollback_notes, "
            + "(SELECT COUNT(*) FROM patch_attachment pa WHERE pa.patch_record_id = pr.id), pr.version" + FROM;

    private List<PatchRecordView> rows(PatchFilter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? PatchFilter.all() : filter, params);
        String sort = page.sortBy() == null ? null : SORTS.get(page.sortBy());
        String order = sort == null ? " ORDER BY pr.created_at DESC, pr.id DESC"
                : " ORDER BY " + sort + (page.ascending() ? " ASC" : " DESC") + ", pr.id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery(SELECT + where + order), params)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        boolean worker = worker();
        return rows.stream().map(r -> toView(r, worker)).toList();
    }

    private String where(PatchFilter f, List<Object> params) {
        List<String> and = new ArrayList<>();
        if (f.assetTag() != null && !f.assetTag().isBlank()) {
            params.add(f.assetTag().strip().toUpperCase(Locale.ROOT));
            and.add("pr.asset_tag = ?" + params.size());
        }
        if (f.changeRequestId() != null && !f.changeRequestId().isBlank()) {
            params.add(f.changeRequestId().strip());
            and.add("cr.public_id = ?" + params.size());
        }
        if (f.unplanned() != null) {
            and.add("pr.unplanned = " + (f.unplanned() ? "TRUE" : "FALSE"));
        }
        if (limited()) {
            Set<Long> mine = myDepartments();
            and.add(mine.isEmpty() ? "1 = 0" : "d.department_id IN (" + String.join(",",
                    mine.stream().map(String::valueOf).toList()) + ")");
        }
        return and.isEmpty() ? "" : " WHERE " + String.join(" AND ", and);
    }

    private PatchRecordView toView(Object[] r, boolean worker) {
        PatchStatus status = PatchStatus.valueOf((String) r[7]);
        return new PatchRecordView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], Rows.bool(r[6]), status,
                r[8] == null ? null : org.patchcare.patching.domain.PatchAction.valueOf((String) r[8]),
                (String) r[9], (String) r[10], (String) r[11], (String) r[12], (String) r[13],
                r[14] == null ? null : org.patchcare.patching.domain.PatchResult.valueOf((String) r[14]),
                Rows.instant(r[15]), (String) r[16], Rows.instant(r[17]), (String) r[18], (String) r[19],
                r[20] == null ? null : Rows.bool(r[20]), Rows.instant(r[21]), (String) r[22], Rows.instant(r[23]),
                (String) r[24], (String) r[25], (String) r[26], (int) Rows.count(r[27]), ((Number) r[28]).intValue(),
                actions(status, Rows.bool(r[6]), worker));
    }

    /** What a worker may do with a record in a state: record, verify, roll-back, attach. */
    static Set<String> actions(PatchStatus status, boolean unplanned, boolean worker) {
        if (!worker) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>();
        out.add("attach");
        if (!unplanned && status.canBecome(PatchStatus.RECORDED)) {
            out.add("record");
        }
        if (status.canBecome(PatchStatus.VERIFIED)) {
            out.add("verify");
        }
        if (status.canBecome(PatchStatus.ROLLED_BACK)) {
            out.add("roll-back");
        }
        return out;
    }

    private PatchRecordView view(String publicId) {
        em.flush();
        List<PatchRecordView> found = rowsById(publicId);
        if (found.isEmpty()) {
            throw new NotFoundException("Patch record", publicId);
        }
        return found.getFirst();
    }

    private List<PatchRecordView> rowsById(String publicId) {
        List<Object> params = new ArrayList<>();
        params.add(publicId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery(SELECT + " WHERE pr.public_id = ?1"), params)
                .getResultList();
        boolean worker = worker();
        return rows.stream().map(r -> toView(r, worker)).toList();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private List<PatchRecord> recordsOf(long requestId) {
        TypedQuery<PatchRecord> q = em.createQuery("select p from PatchRecord p where p.changeRequestId = :cr",
                PatchRecord.class);
        return q.setParameter("cr", requestId).getResultList();
    }

    private PatchLookup.Request requestOf(PatchRecord r) {
        return r.getChangeRequestId() == null ? new PatchLookup.Request(0, null, "unplanned work")
                : lookup.request(r.getChangeRequestId());
    }

    private PatchRecord find(String id) {
        return em.createQuery("select p from PatchRecord p where p.publicId = :id", PatchRecord.class)
                .setParameter("id", id == null ? "" : id.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Patch record", id));
    }

    /** A clinical manager limited to their departments does not see other departments' records. */
    private PatchRecord visible(PatchRecord r, String id) {
        if (limited() && !myDepartments().contains(lookup.device(r.getAssetTag()).departmentId())) {
            throw new NotFoundException("Patch record", id);
        }
        return r;
    }

    private PatchRecord require(String id, int version) {
        PatchRecord r = find(id);
        if (version == NO_VERSION) {
            throw new InvalidInputException("version", "Send the version of the patch record you saw, so a change "
                    + "someone made meanwhile is not overwritten.");
        }
        if (r.getVersion() != version) {
            throw ConflictException.staleEdit("Patch record of", r.getAssetTag());
        }
        return r;
    }

    private void flush(PatchRecord r) {
        try {
            em.flush();
        } catch (OptimisticLockException stale) {
            throw ConflictException.staleEdit("Patch record of", r.getAssetTag());
        }
    }

    static Snapshot snapshot(PatchRecord r) {
        return Snapshot.empty().with("status", r.getStatus()).with("action", r.getAction())
                .with("fromVersion", r.getFromVersion()).with("toVersion", r.getToVersion())
                .with("controlApplied", r.getControlApplied()).with("vendorEngineer", r.getVendorEngineer())
                .with("notes", r.getNotes()).with("result", r.getResult()).with("performedAt", r.getPerformedAt())
                .with("functionalCheck", r.getFunctionalCheck()).with("verifiedBy", r.getVerifiedBy())
                .with("rollbackRestored", r.getRollbackRestored()).with("rollbackNotes", r.getRollbackNotes());
    }

    private boolean worker() {
        return currentUser.hasRole(Roles.BIOMED_TECH) || currentUser.hasRole(Roles.IT_SECURITY);
    }

    private boolean limited() {
        return currentUser.limitedToOwnDepartments();
    }

    private Set<Long> myDepartments() {
        return lookup.departmentsOf(me());
    }

    private String me() {
        return currentUser.username();
    }

    private Instant now() {
        return clock.instant();
    }
}
