package org.patchcare.downtime.application;

import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal;
import org.patchcare.downtime.application.DowntimeLookup.Device;
import org.patchcare.downtime.application.DowntimeLookup.Exposure;
import org.patchcare.downtime.application.DowntimeViews.ApprovalView;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestSummary;
import org.patchcare.downtime.application.DowntimeViews.ConflictView;
import org.patchcare.downtime.application.DowntimeViews.DurationSuggestion;
import org.patchcare.downtime.application.DowntimeViews.TransitionView;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.domain.Approval;
import org.patchcare.downtime.domain.ApprovalStatus;
import org.patchcare.downtime.domain.ApproverRole;
import org.patchcare.downtime.domain.ChangeRequest;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.DowntimeWindow;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.InvalidInputException.Violation;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Change requests and their approvals. Requests are created by IT security or biomed; approved by one clinical manager
 * of each affected department plus IT security, never by the requester. Every transition records who, when and a
 * comment, and is audited in the same transaction. Every write takes the version the caller saw (409 when stale);
 * every approval decision also locks the request with {@code OPTIMISTIC_FORCE_INCREMENT}, so two approvers deciding
 * at the same time never both pass: the later one gets "changed by someone else, reload" (409).
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ChangeRequestService {

    static final String AUDIT_TYPE = "ChangeRequest";
    /** The version a caller passes when they sent none: refused on the field version. */
    public static final int NO_VERSION = -1;
    /** The default expected duration when nothing better is known. */
    public static final int DEFAULT_MINUTES = 60;
    /** What a restart adds to the expected duration. */
    public static final int RESTART_MINUTES = 30;

    @PersistenceContext
    EntityManager em;
    @Inject
    DowntimeLookup lookup;
    @Inject
    DowntimeFacts facts;
    @Inject
    ConflictService conflictService;
    @Inject
    NotificationService notifications;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    // ---- writing a draft -----------------------------------------------------------------------

    /** A new draft. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails create(ChangeRequestCommand command) {
        Resolved r = resolve(command);
        ChangeRequest cr = new ChangeRequest(r.details(), r.deviceIds(), r.exposureIds(), me(), now());
        cr.touch(me(), now());
        em.persist(cr);
        replaceWindows(cr, command, r.devices());
        audit.created(AUDIT_TYPE, cr.getPublicId(), snapshot(cr).with("title", cr.getTitle())
                .with("devices", r.tags()));
        flush(cr);
        return get(cr.getPublicId());
    }

    /** Edits a draft (only drafts are edited; a submitted request is sent back to draft first). */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails update(String id, int version, ChangeRequestCommand command) {
        ChangeRequest cr = require(id, version);
        requireOwnerOrSecurity(cr, "edit");
        Resolved r = resolve(command);
        Snapshot before = snapshot(cr).with("title", cr.getTitle());
        cr.edit(r.details(), r.deviceIds(), r.exposureIds());
        cr.touch(me(), now());
        replaceWindows(cr, command, r.devices());
        audit.changed(AUDIT_TYPE, cr.getPublicId(), before, snapshot(cr).with("title", cr.getTitle())
                .with("devices", r.tags()), "draft edited");
        flush(cr);
        return get(cr.getPublicId());
    }

    /** The command with its devices and exposures found, or every refusal on its field. */
    private record Resolved(ChangeRequest.Details details, Map<String, Device> devices, Set<Long> deviceIds,
                            Set<Long> exposureIds, String tags) {
    }

    private Resolved resolve(ChangeRequestCommand c) {
        if (c == null) {
            throw new InvalidInputException("request", "Send the change request's fields.");
        }
        List<Violation> v = new ArrayList<>();
        List<String> tags = c.assetTags() == null ? List.of() : c.assetTags();
        List<String> exposureIds = c.exposureIds() == null ? List.of() : c.exposureIds();
        Map<String, Device> byTag = lookup.devicesByTag(tags.stream().filter(t -> t != null).map(String::strip).toList());
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i) == null || !byTag.containsKey(tags.get(i).strip())) {
                v.add(new Violation("assetTags[" + i + "]", "No device has the asset tag '" + tags.get(i) + "'."));
            }
        }
        Map<String, Exposure> exposures = lookup.exposuresByPublicId(exposureIds.stream().filter(e -> e != null)
                .map(String::strip).toList());
        for (int i = 0; i < exposureIds.size(); i++) {
            if (exposureIds.get(i) == null || !exposures.containsKey(exposureIds.get(i).strip())) {
                v.add(new Violation("exposureIds[" + i + "]", "No exposure has the id '" + exposureIds.get(i) + "'."));
            }
        }
        Map<String, Device> devices = new java.util.LinkedHashMap<>(byTag);
        Set<Long> exposureDeviceIds = exposures.values().stream().map(Exposure::deviceId).collect(Collectors.toSet());
        lookup.devicesById(exposureDeviceIds).values().forEach(d -> devices.putIfAbsent(d.ref().assetTag(), d));
        if (c.technician() != null && !c.technician().isBlank() && !lookup.userExists(c.technician())) {
            v.add(new Violation("technician", "No PatchCare user is called '" + c.technician().strip() + "'."));
        }
        if (c.emergency() && exposures.values().stream().noneMatch(Exposure::immediate)) {
            v.add(new Violation("emergency", "An emergency request needs at least one linked exposure whose decision "
                    + "is immediate; link it, or plan the request through the normal approvals."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        int minutes = c.expectedMinutes() != null ? c.expectedMinutes()
                : suggest(devices.values(), exposures.values().stream().map(Exposure::id).toList()).minutes();
        ChangeRequest.Details d = new ChangeRequest.Details(c.kind(), c.title(), c.plannedAction(), c.vendorReference(),
                c.manufacturerValidated(), minutes, c.clinicalImpact(), c.backupEquipment(), c.rollbackPlan(),
                c.technician() == null ? null : c.technician().strip(), c.emergency());
        Set<Long> deviceIds = devices.values().stream().map(Device::id).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> exposureKeys = exposures.values().stream().map(Exposure::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Resolved(d, devices, deviceIds, exposureKeys, String.join(", ", new TreeSet<>(devices.keySet())));
    }

    /** The command's windows become the request's windows (in the zone of each device's facility). */
    private void replaceWindows(ChangeRequest cr, ChangeRequestCommand c, Map<String, Device> devices) {
        List<WindowProposal> proposals = c.windows() == null ? List.of() : c.windows();
        List<Violation> v = new ArrayList<>();
        List<DowntimeWindow> fresh = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            WindowProposal p = proposals.get(i);
            Device d = p == null || p.assetTag() == null ? null : devices.get(p.assetTag().strip());
            if (d == null) {
                v.add(new Violation("windows[" + i + "].assetTag", "A window is for one of the request's devices; '"
                        + (p == null ? null : p.assetTag()) + "' is not one of them."));
                continue;
            }
            try {
                fresh.add(new DowntimeWindow(cr.getId(), d.id(), p.start(), p.end(), ZoneId.of(d.ref().zoneId()),
                        cr.getTechnician()));
            } catch (InvalidInputException e) {
                v.add(new Violation("windows[" + i + "]", e.violations().getFirst().message()));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        windows(cr).forEach(em::remove);
        em.flush();
        fresh.forEach(w -> {
            w.touch(me(), now());
            em.persist(w);
        });
    }

    // ---- reading -------------------------------------------------------------------------------

    public ChangeRequestDetails get(String id) {
        ChangeRequest cr = find(id);
        Map<Long, Device> devices = lookup.devicesById(cr.getDeviceIds());
        if (limited() && devices.values().stream().noneMatch(d -> myDepartments().contains(d.departmentId()))) {
            throw new NotFoundException("Change request", id);
        }
        Map<Long, String[]> departments = lookup.departments(devices.values().stream().map(Device::departmentId)
                .collect(Collectors.toSet()));
        List<DowntimeWindow> windows = windows(cr);
        List<WindowView> windowViews = windows.stream().map(w -> windowView(cr, w, devices.get(w.getDeviceId())))
                .toList();
        List<ApprovalView> approvals = cr.getApprovals().stream().map(a -> {
            String[] dep = a.getDepartmentId() == null ? null : departments.get(a.getDepartmentId());
            return new ApprovalView(a.getSlot(), a.getRole(), dep == null ? null : dep[0], dep == null ? null : dep[1],
                    a.getStatus(), a.getDecidedBy(), a.getDecidedAt(), a.getComment(), a.getProposedStart(),
                    a.getProposedEnd(), a.getConflictOverride(), a.isAfterStart());
        }).toList();
        List<TransitionView> transitions = cr.getTransitions().stream().map(t -> new TransitionView(t.getFrom(),
                t.getTo(), t.getActor(), t.getAt(), t.getComment())).toList();
        List<ConflictView> conflicts = cr.getStatus() == ChangeRequestStatus.DRAFT
                || cr.getStatus() == ChangeRequestStatus.SUBMITTED || cr.getStatus() == ChangeRequestStatus.APPROVED
                ? conflicts(cr, windows, devices) : List.of();
        String depts = departments.values().stream().map(d -> d[0]).sorted().collect(Collectors.joining(", "));
        Instant first = windows.stream().map(DowntimeWindow::getStartsAt).min(Instant::compareTo).orElse(null);
        ChangeRequestSummary summary = new ChangeRequestSummary(cr.getPublicId(), cr.getReference(), cr.getTitle(),
                cr.getKind(), cr.getStatus(), cr.isEmergency(), cr.isNeedsReview(), cr.getRequestedBy(),
                cr.getDeviceIds().size(), depts, first, cr.getSubmittedAt(), cr.getVersion());
        return new ChangeRequestDetails(summary, cr.getPlannedAction(), cr.getVendorReference(),
                cr.isManufacturerValidated(), cr.getExpectedMinutes(), cr.getClinicalImpact(),
                cr.getBackupEquipment(), cr.getRollbackPlan(), cr.getTechnician(),
                devices.values().stream().map(Device::ref).sorted(java.util.Comparator.comparing(
                        DowntimeViews.DeviceRef::assetTag)).toList(),
                lookup.exposuresById(cr.getExposureIds()).stream().map(Exposure::ref).toList(),
                windowViews, approvals, transitions, conflicts, allowedActions(cr));
    }

    private WindowView windowView(ChangeRequest cr, DowntimeWindow w, Device d) {
        return new WindowView(w.getPublicId(), cr.getPublicId(), cr.getReference(), cr.getTitle(), cr.getKind(),
                cr.getStatus(), cr.isEmergency(), d == null ? null : d.ref().assetTag(), d == null ? null : d.ref().name(),
                d == null ? null : d.ref().model(), d == null ? null : d.ref().departmentCode(),
                d == null ? null : d.ref().departmentName(), d == null ? null : d.ref().facilityCode(),
                w.getZone().getId(), w.getStartsAt(), w.getEndsAt(), w.getStatus(), w.getTechnician(),
                w.getSequence());
    }

    /** What the caller may do with the request now: edit, submit, approve, reject, propose, schedule, … */
    private Set<String> allowedActions(ChangeRequest cr) {
        Set<String> out = new TreeSet<>();
        boolean worker = currentUser.hasRole(Roles.BIOMED_TECH) || currentUser.hasRole(Roles.IT_SECURITY);
        boolean ownerOrSecurity = me().equals(cr.getRequestedBy()) || currentUser.hasRole(Roles.IT_SECURITY);
        ChangeRequestStatus s = cr.getStatus();
        if (worker && ownerOrSecurity && s == ChangeRequestStatus.DRAFT) {
            out.add("edit");
            out.add("submit");
        }
        if ((currentUser.hasRole(Roles.CLINICAL_MANAGER) || currentUser.hasRole(Roles.IT_SECURITY))
                && cr.decidableBy(approver(cr))) {
            out.add("approve");
            out.add("reject");
            if (s == ChangeRequestStatus.SUBMITTED) {
                out.add("propose");
            }
        }
        if (worker) {
            if (s == ChangeRequestStatus.APPROVED) out.add("schedule");
            if (s == ChangeRequestStatus.SCHEDULED) out.add("start");
            if (s == ChangeRequestStatus.IN_PROGRESS) {
                if (deviceWorkRefuses(cr, ChangeRequestStatus.COMPLETED, false) == null) out.add("complete");
                if (deviceWorkRefuses(cr, ChangeRequestStatus.FAILED, false) == null) out.add("fail");
            }
            if (s == ChangeRequestStatus.FAILED && deviceWorkRefuses(cr, ChangeRequestStatus.ROLLED_BACK, false) == null) {
                out.add("roll-back");
            }
        }
        if (s.canBecome(ChangeRequestStatus.CANCELLED) && (ownerOrSecurity || currentUser.hasRole(Roles.ADMIN))) {
            out.add("cancel");
        }
        return out;
    }

    private static final String FROM = " FROM change_request cr";
    private static final String SELECT = "SELECT cr.public_id, cr.reference, cr.title, cr.kind, cr.status, cr.emergency, "
            + "cr.needs_review, cr.requested_by, cr.submitted_at, cr.version, cr.id, "
            + "(SELECT COUNT(*) FROM change_request_device x WHERE x.change_request_id = cr.id), "
            + "(SELECT MIN(w.starts_at) FROM downtime_window w WHERE w.change_request_id = cr.id)" + FROM;
    private static final Map<String, String> SORTS = Map.of("reference", "cr.reference", "title", "cr.title",
            "status", "cr.status", "kind", "cr.kind", "submittedAt", "cr.submitted_at", "createdAt", "cr.created_at",
            "requestedBy", "cr.requested_by");

    public List<ChangeRequestSummary> list(ChangeRequestFilter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? ChangeRequestFilter.all() : filter, params);
        String sort = page.sortBy() == null ? null : SORTS.get(page.sortBy());
        String order = sort == null ? " ORDER BY cr.created_at DESC, cr.id DESC"
                : " ORDER BY " + sort + (page.ascending() ? " ASC" : " DESC") + ", cr.id";
        return summaries(where + order, params, page.offset(), page.limit());
    }

    public long count(ChangeRequestFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? ChangeRequestFilter.all() : filter, params);
        return ((Number) org.patchcare.shared.persistence.Params.bind(em.createNativeQuery("SELECT COUNT(*)" + FROM + where), params)
                .getSingleResult()).longValue();
    }

    /** Requests with an approval slot the caller may decide now (their departments, or IT security's slot). */
    public List<ChangeRequestSummary> awaitingMyApproval() {
        boolean security = currentUser.hasRole(Roles.IT_SECURITY);
        boolean clinical = currentUser.hasRole(Roles.CLINICAL_MANAGER);
        if (!security && !clinical) {
            return List.of();
        }
        List<String> ways = new ArrayList<>();
        if (security) {
            ways.add("a.slot = 'SECURITY'");
        }
        if (clinical) {
            ways.add("a.department_id IN (" + idList(myDepartments()) + ")");
        }
        List<Object> params = new ArrayList<>();
        params.add(me());
        String where = " WHERE cr.requested_by <> ?1 AND EXISTS (SELECT 1 FROM approval a WHERE a.change_request_id = "
                + "cr.id AND a.status = 'PENDING' AND (cr.status = 'SUBMITTED' OR (cr.needs_review = TRUE AND "
                + "a.after_start = TRUE)) AND (" + String.join(" OR ", ways) + ")) AND NOT EXISTS (SELECT 1 FROM "
                + "approval b WHERE b.change_request_id = cr.id AND b.decided_by = ?1 AND b.status = 'APPROVED')";
        return summaries(where + " ORDER BY cr.submitted_at, cr.id", params, 0, PageRequest.MAX_LIMIT);
    }

    private String where(ChangeRequestFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (limited()) {
            sql.append(" AND EXISTS (SELECT 1 FROM change_request_device x JOIN device d ON d.id = x.device_id WHERE "
                    + "x.change_request_id = cr.id AND d.department_id IN (").append(idList(myDepartments())).append("))");
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            sql.append(" AND cr.status IN (");
            int i = 0;
            for (ChangeRequestStatus s : f.statuses()) {
                params.add(s.name());
                sql.append(i++ == 0 ? "?" : ", ?").append(params.size());
            }
            sql.append(')');
        }
        if (f.departmentCode() != null && !f.departmentCode().isBlank()) {
            params.add(f.departmentCode().strip());
            sql.append(" AND EXISTS (SELECT 1 FROM change_request_device x JOIN device d ON d.id = x.device_id "
                    + "JOIN department dep ON dep.id = d.department_id WHERE x.change_request_id = cr.id AND dep.code = ?")
                    .append(params.size()).append(')');
        }
        if (f.requestedBy() != null && !f.requestedBy().isBlank()) {
            params.add(f.requestedBy().strip());
            sql.append(" AND cr.requested_by = ?").append(params.size());
        }
        if (f.text() != null && !f.text().isBlank()) {
            params.add("%" + f.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
            sql.append(" AND (LOWER(cr.reference) LIKE ?").append(params.size()).append(" OR LOWER(cr.title) LIKE ?")
                    .append(params.size()).append(')');
        }
        return sql.toString();
    }

    private List<ChangeRequestSummary> summaries(String whereAndOrder, List<Object> params, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = org.patchcare.shared.persistence.Params.bind(em.createNativeQuery(SELECT + whereAndOrder), params)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Object> ids = rows.stream().map(r -> (Object) ((Number) r[10]).longValue()).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> deps = org.patchcare.shared.persistence.Params.bind(em.createNativeQuery("SELECT DISTINCT x.change_request_id, dep.code "
                + "FROM change_request_device x JOIN device d ON d.id = x.device_id JOIN department dep "
                + "ON dep.id = d.department_id WHERE x.change_request_id IN " + DowntimeLookup.in(ids.size())), ids)
                .getResultList();
        Map<Long, Set<String>> byRequest = new HashMap<>();
        deps.forEach(r -> byRequest.computeIfAbsent(((Number) r[0]).longValue(), k -> new TreeSet<>()).add((String) r[1]));
        return rows.stream().map(r -> new ChangeRequestSummary((String) r[0], (String) r[1], (String) r[2],
                ChangeRequestKind.valueOf((String) r[3]), ChangeRequestStatus.valueOf((String) r[4]), bool(r[5]),
                bool(r[6]), (String) r[7], ((Number) r[11]).intValue(),
                String.join(", ", byRequest.getOrDefault(((Number) r[10]).longValue(), Set.of())), instant(r[12]),
                instant(r[8]), ((Number) r[9]).intValue())).toList();
    }

    private static boolean bool(Object o) {
        return org.patchcare.shared.persistence.Rows.bool(o);
    }

    /** Expected duration from the advisories' restart_required and past patches of the same models. */
    public DurationSuggestion suggestDuration(List<String> assetTags, List<String> exposureIds) {
        Map<String, Device> devices = new java.util.LinkedHashMap<>(lookup.devicesByTag(
                assetTags == null ? List.of() : assetTags.stream().filter(t -> t != null).map(String::strip).toList()));
        Map<String, Exposure> exposures = lookup.exposuresByPublicId(exposureIds == null ? List.of()
                : exposureIds.stream().filter(e -> e != null).map(String::strip).toList());
        lookup.devicesById(exposures.values().stream().map(Exposure::deviceId).collect(Collectors.toSet())).values()
                .forEach(d -> devices.putIfAbsent(d.ref().assetTag(), d));
        return suggest(devices.values(), exposures.values().stream().map(Exposure::id).toList());
    }

    private DurationSuggestion suggest(Collection<Device> devices, Collection<Long> exposureIds) {
        List<Long> past = lookup.pastMinutes(devices.stream().map(Device::modelId).collect(Collectors.toSet()));
        boolean restart = lookup.restartRequired(exposureIds);
        return suggestion(past, restart, devices.stream().map(d -> d.ref().model()).distinct().sorted().toList());
    }

    /** The suggestion from past durations (sorted) and whether a restart is required; pure, for tests. */
    static DurationSuggestion suggestion(List<Long> past, boolean restart, List<String> models) {
        int base;
        String why;
        String modelNames = models.isEmpty() ? "these devices" : String.join(", ", models);
        if (past.isEmpty()) {
            base = DEFAULT_MINUTES;
            why = "No earlier change request of " + modelNames + " was completed, so the default of " + DEFAULT_MINUTES
                    + " minutes applies";
        } else {
            long median = past.size() % 2 == 1 ? past.get(past.size() / 2)
                    : (past.get(past.size() / 2 - 1) + past.get(past.size() / 2)) / 2;
            base = (int) Math.max(1, Math.min(median, ChangeRequest.MAX_MINUTES));
            why = past.size() + " earlier completed change request" + (past.size() == 1 ? "" : "s") + " of "
                    + modelNames + " took " + base + " minutes (median)";
        }
        if (restart) {
            return new DurationSuggestion(Math.min(base + RESTART_MINUTES, ChangeRequest.MAX_MINUTES), why
                    + "; the advisory says applying the fix requires a restart, which adds " + RESTART_MINUTES
                    + " minutes.");
        }
        return new DurationSuggestion(base, why + ".");
    }

    // ---- the workflow --------------------------------------------------------------------------

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails submit(String id, int version, String comment) {
        return guarded(id, () -> submitted(id, version, comment));
    }

    private ChangeRequestDetails submitted(String id, int version, String comment) {
        ChangeRequest cr = require(id, version);
        requireOwnerOrSecurity(cr, "submit");
        Map<Long, Device> devices = lookup.devicesById(cr.getDeviceIds());
        List<DowntimeWindow> windows = windows(cr);
        List<Violation> v = new ArrayList<>();
        Set<Long> covered = windows.stream().map(DowntimeWindow::getDeviceId).collect(Collectors.toSet());
        devices.values().stream().filter(d -> !covered.contains(d.id())).map(d -> d.ref().assetTag()).sorted()
                .forEach(tag -> v.add(new Violation("windows", "Device " + tag + " has no proposed downtime window; "
                        + "every device of the request needs at least one.")));
        windows.stream().filter(w -> !w.getEndsAt().isAfter(now())).findFirst().ifPresent(w -> v.add(new Violation(
                "windows", "A proposed window ended at " + w.getEndsAt() + "; propose windows in the future.")));
        if (cr.isEmergency() && lookup.exposuresById(cr.getExposureIds()).stream().noneMatch(Exposure::immediate)) {
            v.add(new Violation("emergency", "An emergency request needs at least one linked exposure whose decision "
                    + "is immediate; none of its exposures is."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        List<ConflictView> found = conflicts(cr, windows, devices);
        Snapshot before = snapshot(cr);
        Set<Long> departments = devices.values().stream().map(Device::departmentId)
                .collect(Collectors.toCollection(TreeSet::new));
        cr.submit(departments, me(), now(), comment);
        stamp(cr, true);
        followWindows(cr, windows);
        audit.changed(AUDIT_TYPE, cr.getPublicId(), before, snapshot(cr), reason("submitted", comment)
                + (found.isEmpty() ? "" : " (" + found.size() + " conflict" + (found.size() == 1 ? "" : "s") + ": "
                + found.stream().map(ConflictView::message).collect(Collectors.joining("; ")) + ")"));
        flush(cr);
        Set<String> told = new LinkedHashSet<>();
        departments.forEach(d -> told.addAll(lookup.clinicalManagers(d)));
        told.addAll(lookup.usersWithRole(Roles.IT_SECURITY));
        told.remove(cr.getRequestedBy());
        told.forEach(u -> tell(u, cr, "Approval needed: " + cr.getReference() + " " + cr.getTitle(),
                cr.getRequestedBy() + " asks for your approval of " + cr.getReference() + " (" + cr.getKind().label()
                        + ", " + devices.size() + " device" + (devices.size() == 1 ? "" : "s") + ")"
                        + (cr.isEmergency() ? ". EMERGENCY: one clinical manager's approval lets the work start." : ".")));
        return get(cr.getPublicId());
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
    public ChangeRequestDetails approve(String id, int version, ApprovalDecision decision) {
        ApprovalDecision d = decision == null ? ApprovalDecision.comment(null) : decision;
        return decide(id, version, "approved", cr -> {
            ChangeRequestStatus was = cr.getStatus();
            Approval slot = cr.approve(approver(cr), now(), d.comment(), d.conflictOverride());
            if (was == ChangeRequestStatus.SUBMITTED) {
                requireNoConflictsOr(cr, d.conflictOverride(), "approve");
            }
            return slot;
        }, d);
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
    public ChangeRequestDetails reject(String id, int version, ApprovalDecision decision) {
        ApprovalDecision d = decision == null ? ApprovalDecision.comment(null) : decision;
        return decide(id, version, "rejected", cr -> cr.reject(approver(cr), now(), d.comment()), d);
    }

    /** Proposes another window; the request goes back to its requester as a draft. */
    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
    public ChangeRequestDetails proposeWindow(String id, int version, ApprovalDecision decision) {
        ApprovalDecision d = decision == null ? ApprovalDecision.comment(null) : decision;
        return decide(id, version, "proposed another window", cr -> cr.proposeWindow(approver(cr), now(), d.comment(),
                d.proposedStart(), d.proposedEnd()), d);
    }

    private ChangeRequestDetails decide(String id, int version, String what,
                                        java.util.function.Function<ChangeRequest, Approval> act, ApprovalDecision d) {
        return guarded(id, () -> decided(id, version, what, act, d));
    }

    private ChangeRequestDetails decided(String id, int version, String what,
                                         java.util.function.Function<ChangeRequest, Approval> act, ApprovalDecision d) {
        ChangeRequest cr = require(id, version);
        lockForDecision(cr);
        Snapshot before = snapshot(cr);
        Approval slot = act.apply(cr);
        stamp(cr, true);
        followWindows(cr, windows(cr));
        String as = slot.getRole() == ApproverRole.SECURITY ? "IT security" : "clinical manager";
        audit.changed(AUDIT_TYPE, cr.getPublicId(), before, snapshot(cr).with("approval " + slot.getSlot(),
                slot.getStatus()).with("conflictOverride " + slot.getSlot(), slot.getConflictOverride()),
                reason(what + " as " + as, d.comment()) + (slot.getConflictOverride() == null ? ""
                        : " (conflicts overridden: " + slot.getConflictOverride() + ")"));
        flush(cr);
        String subject = cr.getReference() + " " + what + " by " + me() + " (" + as + ")";
        String body = subject + (d.comment() == null || d.comment().isBlank() ? "." : ": " + d.comment().strip())
                + (slot.getProposedStart() == null ? "" : " Proposed window: " + slot.getProposedStart() + " to "
                + slot.getProposedEnd() + ".") + " The request is now "
                + cr.getStatus().label().toLowerCase(Locale.ROOT) + ".";
        tell(cr.getRequestedBy(), cr, subject, body);
        return get(cr.getPublicId());
    }

    /**
     * Every decision bumps the request's version inside the method, also when it only fills one slot: the request row
     * is written with a version-checked UPDATE and flushed here, so two approvers racing with the same version cannot
     * both pass; the later one's flush finds the version moved and answers "changed by someone else" (409). This is
     * OPTIMISTIC_FORCE_INCREMENT done eagerly: Hibernate's own lock mode increments once more before commit, after
     * the answer was built, so the version the caller got back would already be stale (docs/downtime.md).
     */
    private void lockForDecision(ChangeRequest cr) {
        cr.touch(me(), now());
        em.lock(cr, LockModeType.OPTIMISTIC);
    }

    /** Confirms the windows of an approved request (conflicts checked again; override with a reason). */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails schedule(String id, int version, String comment, String conflictOverride) {
        return move(id, version, ChangeRequestStatus.SCHEDULED, comment, cr -> requireNoConflictsOr(cr,
                conflictOverride, "schedule"), conflictOverride);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails start(String id, int version, String comment) {
        return move(id, version, ChangeRequestStatus.IN_PROGRESS, comment, null, null);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails complete(String id, int version, String comment) {
        return move(id, version, ChangeRequestStatus.COMPLETED, comment, null, null);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails fail(String id, int version, String comment) {
        return move(id, version, ChangeRequestStatus.FAILED, comment, null, null);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public ChangeRequestDetails rollBack(String id, int version, String comment) {
        return move(id, version, ChangeRequestStatus.ROLLED_BACK, comment, null, null);
    }

    /** The requester, IT security or an admin cancels a request that has not started. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY, Roles.ADMIN})
    public ChangeRequestDetails cancel(String id, int version, String comment) {
        ChangeRequest cr = require(id, version);
        if (!me().equals(cr.getRequestedBy()) && !currentUser.hasRole(Roles.IT_SECURITY)
                && !currentUser.hasRole(Roles.ADMIN)) {
            throw new InvalidInputException("actor", "Only " + cr.getRequestedBy() + ", who requested "
                    + cr.getReference() + ", IT security or an administrator may cancel it.");
        }
        return move(id, version, ChangeRequestStatus.CANCELLED, comment, null, null);
    }

    private ChangeRequestDetails move(String id, int version, ChangeRequestStatus to, String comment,
                                      Consumer<ChangeRequest> check, String override) {
        return guarded(id, () -> moved(id, version, to, comment, check, override));
    }

    private ChangeRequestDetails moved(String id, int version, ChangeRequestStatus to, String comment,
                                       Consumer<ChangeRequest> check, String override) {
        ChangeRequest cr = require(id, version);
        if (!cr.getStatus().canBecome(to)) {
            throw new org.patchcare.downtime.domain.IllegalTransitionException(cr.getStatus(), to);
        }
        requireDeviceWorkAllows(cr, to);
        if (check != null) {
            check.accept(cr);
        }
        Snapshot before = snapshot(cr);
        String text = override == null || override.isBlank() ? comment
                : (comment == null || comment.isBlank() ? "" : comment.strip() + "; ") + "conflicts overridden: "
                + override.strip();
        cr.move(to, me(), now(), text);
        stamp(cr, to.isFinal());
        followWindows(cr, windows(cr));
        audit.changed(AUDIT_TYPE, cr.getPublicId(), before, snapshot(cr), reason(to.label().toLowerCase(Locale.ROOT),
                text));
        flush(cr);
        if (to == ChangeRequestStatus.COMPLETED || to == ChangeRequestStatus.FAILED
                || to == ChangeRequestStatus.ROLLED_BACK) {
            Set<String> told = new LinkedHashSet<>();
            told.add(cr.getRequestedBy());
            lookup.devicesById(cr.getDeviceIds()).values().stream().map(Device::departmentId).distinct()
                    .forEach(dep -> told.addAll(lookup.clinicalManagers(dep)));
            String subject = cr.getReference() + " " + to.label().toLowerCase(Locale.ROOT) + ": " + cr.getTitle();
            told.forEach(u -> tell(u, cr, subject, subject + " (" + me() + ")" + (comment == null || comment.isBlank()
                    ? "." : ": " + comment.strip())));
        } else if (to == ChangeRequestStatus.CANCELLED && !me().equals(cr.getRequestedBy())) {
            tell(cr.getRequestedBy(), cr, cr.getReference() + " cancelled by " + me(), reason(cr.getReference()
                    + " cancelled by " + me(), comment));
        }
        return get(cr.getPublicId());
    }

    /**
     * The request's end must agree with the work on its devices (patch records, docs/patching.md): it completes only
     * when no device is still being worked on or failed; it fails by hand only when no device is being worked on
     * (otherwise the failure is recorded on the device, which then gets its rollback record) or when a device's work
     * failed; it is rolled back only when every failed device has its rollback record and none is still being worked
     * on. Requests without device work are not affected.
     */
    private void requireDeviceWorkAllows(ChangeRequest cr, ChangeRequestStatus to) {
        String refusal = deviceWorkRefuses(cr, to, true);
        if (refusal != null) {
            throw new org.patchcare.shared.domain.DomainException(refusal);
        }
    }

    /**
     * Why the work on the request's devices does not allow the move now, or null when it does. Before a move the rows
     * are read with a lock ({@code lock}): a locking read sees what another transaction committed meanwhile also under
     * MariaDB's repeatable read, where a plain read would see this transaction's older snapshot.
     */
    private String deviceWorkRefuses(ChangeRequest cr, ChangeRequestStatus to, boolean lock) {
        if (cr.getId() == null || (to != ChangeRequestStatus.COMPLETED && to != ChangeRequestStatus.FAILED
                && to != ChangeRequestStatus.ROLLED_BACK)) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT asset_tag, status FROM patch_record WHERE change_request_id "
                + "= ?1 ORDER BY id" + (lock ? " FOR UPDATE" : "")).setParameter(1, cr.getId()).getResultList();
        List<String> open = rows.stream().filter(r -> "IN_PROGRESS".equals(r[1]) || "RECORDED".equals(r[1]))
                .map(r -> (String) r[0]).sorted().toList();
        List<String> failed = rows.stream().filter(r -> "FAILED".equals(r[1])).map(r -> (String) r[0]).sorted()
                .toList();
        String ref = cr.getReference();
        if (to == ChangeRequestStatus.COMPLETED && !open.isEmpty()) {
            return ref + " cannot be completed while " + String.join(", ", open) + (open.size() == 1 ? " is" : " are")
                    + " still out of service for patch work: verify the work on each device (or record it as failed "
                    + "and roll it back) first.";
        }
        if (to == ChangeRequestStatus.COMPLETED && !failed.isEmpty()) {
            return ref + " cannot be completed: the patch of " + String.join(", ", failed) + " failed; record its "
                    + "rollback on the device.";
        }
        if (to == ChangeRequestStatus.FAILED && !open.isEmpty() && failed.isEmpty()) {
            return "Work on " + String.join(", ", open) + " is still open: record the failed result on the device, so "
                    + "it gets its rollback record; " + ref + " then fails by itself.";
        }
        if (to == ChangeRequestStatus.ROLLED_BACK && (!open.isEmpty() || !failed.isEmpty())) {
            List<String> waiting = new ArrayList<>(failed);
            waiting.addAll(open);
            return ref + " is rolled back once every device is: " + String.join(", ", waiting) + " still "
                    + (waiting.size() == 1 ? "waits" : "wait") + " for a rollback record or verification on the device.";
        }
        return null;
    }

    private void requireNoConflictsOr(ChangeRequest cr, String override, String action) {
        if (override != null && !override.isBlank()) {
            return;
        }
        List<ConflictView> found = conflicts(cr, windows(cr), lookup.devicesById(cr.getDeviceIds()));
        if (!found.isEmpty()) {
            throw new InvalidInputException("conflictOverride", "The windows of " + cr.getReference() + " conflict: "
                    + found.stream().map(ConflictView::message).collect(Collectors.joining("; ")) + ". To " + action
                    + " anyway, give the reason in conflictOverride.");
        }
    }

    /** The conflicts of the request's windows with everything else (its own windows left out). */
    private List<ConflictView> conflicts(ChangeRequest cr, List<DowntimeWindow> windows, Map<Long, Device> devices) {
        if (windows.isEmpty()) {
            return List.of();
        }
        List<WindowProposal> proposals = windows.stream().filter(w -> devices.containsKey(w.getDeviceId()))
                .map(w -> new WindowProposal(devices.get(w.getDeviceId()).ref().assetTag(), w.getStartsAt(),
                        w.getEndsAt())).toList();
        return conflictService.check(proposals, cr.getTechnician(), cr.getPublicId());
    }

    /** The windows follow the request's state (each change bumps their iCalendar sequence). */
    private void followWindows(ChangeRequest cr, List<DowntimeWindow> windows) {
        followWindows(cr, windows, me(), now());
    }

    static void followWindows(ChangeRequest cr, List<DowntimeWindow> windows, String actor, Instant now) {
        windows.stream().filter(w -> w.getStatus() != ChangeRequest.windowStatusFor(cr.getStatus())).forEach(w -> {
            w.changeStatus(ChangeRequest.windowStatusFor(cr.getStatus()));
            w.touch(actor, now);
        });
    }

    /** Stamps who and when on the request and, when its approvals changed, on them. */
    private void stamp(ChangeRequest cr, boolean approvalsToo) {
        stamp(cr, approvalsToo, me(), now());
    }

    static void stamp(ChangeRequest cr, boolean approvalsToo, String actor, Instant now) {
        cr.touch(actor, now);
        cr.getApprovals().stream().filter(a -> approvalsToo || a.getCreatedAt() == null)
                .forEach(a -> a.touch(actor, now));
    }

    // ---- helpers -------------------------------------------------------------------------------

    ChangeRequest.Approver approver(ChangeRequest cr) {
        Set<Long> mine = currentUser.hasRole(Roles.CLINICAL_MANAGER) ? myDepartments() : Set.of();
        Set<Long> slotDepartments = cr.getApprovals().stream().map(Approval::getDepartmentId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<Long, String> names = new HashMap<>();
        lookup.departments(slotDepartments).forEach((k, v) -> names.put(k, v[1]));
        return new ChangeRequest.Approver(me(), currentUser.hasRole(Roles.IT_SECURITY),
                currentUser.hasRole(Roles.CLINICAL_MANAGER), mine, names);
    }

    private void requireOwnerOrSecurity(ChangeRequest cr, String action) {
        if (!me().equals(cr.getRequestedBy()) && !currentUser.hasRole(Roles.IT_SECURITY)) {
            throw new InvalidInputException("actor", "Only " + cr.getRequestedBy() + ", who requested "
                    + cr.getReference() + ", or IT security may " + action + " it.");
        }
    }

    private Set<Long> myDepartments() {
        return facts.departmentsOf(me());
    }

    private boolean limited() {
        return currentUser.limitedToOwnDepartments();
    }

    private static String idList(Set<Long> ids) {
        return ids.isEmpty() ? "-1" : ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private ChangeRequest find(String id) {
        return em.createQuery("select c from ChangeRequest c where c.publicId = :id", ChangeRequest.class)
                .setParameter("id", id == null ? "" : id.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Change request", id));
    }

    private ChangeRequest require(String id, int version) {
        ChangeRequest cr = find(id);
        if (version == NO_VERSION) {
            throw new InvalidInputException("version", "Send the version of the change request you saw, so a change "
                    + "someone made meanwhile is not overwritten.");
        }
        if (limited() && lookup.devicesById(cr.getDeviceIds()).values().stream()
                .noneMatch(d -> myDepartments().contains(d.departmentId()))) {
            throw new NotFoundException("Change request", id);
        }
        if (cr.getVersion() != version) {
            throw ConflictException.staleEdit("Change request", cr.getReference());
        }
        return cr;
    }

    List<DowntimeWindow> windows(ChangeRequest cr) {
        if (cr.getId() == null) {
            return List.of();
        }
        return em.createQuery("select w from DowntimeWindow w where w.changeRequestId = :id order by w.startsAt, w.id",
                DowntimeWindow.class).setParameter("id", cr.getId()).getResultList();
    }

    /**
     * Runs a write; a row someone else changed meanwhile, found by whichever flush (an explicit one or the one before
     * a query), becomes "changed by someone else" (409).
     */
    private ChangeRequestDetails guarded(String id, java.util.function.Supplier<ChangeRequestDetails> write) {
        try {
            return write.get();
        } catch (OptimisticLockException | jakarta.persistence.PessimisticLockException
                 | jakarta.persistence.LockTimeoutException stale) {
            throw ConflictException.staleEdit("Change request", id);
        }
    }

    /** Writes now; a row someone else changed meanwhile becomes "changed by someone else" (409). */
    private void flush(ChangeRequest cr) {
        try {
            em.flush();
        } catch (OptimisticLockException | jakarta.persistence.PessimisticLockException
                 | jakarta.persistence.LockTimeoutException stale) {
            throw ConflictException.staleEdit("Change request", cr.getReference());
        }
    }

    private void tell(String user, ChangeRequest cr, String subject, String body) {
        if (user != null && lookup.userExists(user)) {
            notifications.notify(user, subject, body, "change-requests/" + cr.getPublicId());
        }
    }

    private static String reason(String what, String comment) {
        return comment == null || comment.isBlank() ? what : what + ": " + comment.strip();
    }

    static Snapshot snapshot(ChangeRequest cr) {
        return Snapshot.empty().with("status", cr.getStatus()).with("needsReview", cr.isNeedsReview())
                .with("emergency", cr.isEmergency()).with("approvals", cr.getApprovals().stream()
                        .map(a -> a.getSlot() + "=" + a.getStatus() + (a.getDecidedBy() == null ? "" : " by "
                                + a.getDecidedBy())).collect(Collectors.joining(", ")));
    }

    private String me() {
        return currentUser.username();
    }

    private Instant now() {
        return clock.instant();
    }

    /** For the job and tests: the states whose requests wait for or hold downtime. */
    static final Set<ChangeRequestStatus> EXPIRABLE = EnumSet.of(ChangeRequestStatus.SUBMITTED,
            ChangeRequestStatus.APPROVED, ChangeRequestStatus.SCHEDULED);
}
