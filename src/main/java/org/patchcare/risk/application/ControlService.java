package org.patchcare.risk.application;

import static org.patchcare.shared.persistence.Rows.date;
import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.MitigationViews.AttachmentView;
import org.patchcare.risk.application.MitigationViews.ControlDetails;
import org.patchcare.risk.application.MitigationViews.ControlFilter;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.risk.application.RiskLookup.ExposureRef;
import org.patchcare.risk.domain.CompensatingControl;
import org.patchcare.risk.domain.ControlScope;
import org.patchcare.risk.domain.ControlStatus;
import org.patchcare.risk.domain.ControlType;
import org.patchcare.risk.domain.DecisionOverride;
import org.patchcare.risk.domain.DecisionPoint;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.Rows;
import org.patchcare.shared.security.CurrentUser;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compensating controls: recorded, changed, withdrawn and attached to exposures by IT security (and administrators);
 * read by everyone logged in. Every change is audited in its transaction, and the exposures it touches are decided
 * again: at once for attaching and detaching, within seconds (marked for {@link RiskJob}) for changes of the control.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ControlService {

    public static final Map<String, String> SORTABLE = Map.of("expiresOn", "c.expires_on", "title", "c.title",
            "appliedOn", "c.applied_on", "status", "c.status", "owner", "c.owner", "type", "c.control_type");
    /** The most exposures one request attaches. */
    public static final int MAX_ATTACH = 500;
    /** The most attachments a control's details list. */
    public static final int ATTACHMENTS_SHOWN = 200;
    /** How long a new control runs unless the person says otherwise. */
    public static final int DEFAULT_DAYS = 90;
    static final String AUDIT_TYPE = "CompensatingControl";

    @PersistenceContext
    EntityManager em;
    @Inject
    DecisionEngine engine;
    @Inject
    RiskLookup lookup;
    @Inject
    RiskSettings settings;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    Validator validator;

    // ---- reading -------------------------------------------------------------------------------

    private static final String SELECT = "SELECT c.public_id, c.control_type, c.title, c.reference, c.scope_type, "
            + "d.asset_tag, c.scope_segment, m.public_id, mf.name, m.name, c.owner, c.evidence, c.applied_on, "
            + "c.review_on, c.expires_on, c.status, c.status_reason, "
            + "(SELECT COUNT(*) FROM control_attachment a WHERE a.control_id = c.id), c.updated_at, c.updated_by, "
            + "c.version FROM compensating_control c LEFT JOIN device d ON d.id = c.scope_device_id "
            + "LEFT JOIN device_model m ON m.id = c.scope_model_id LEFT JOIN manufacturer mf ON mf.id = m.manufacturer_id";

    /** Controls matching the filter; soonest expiry first unless sorted otherwise ({@link #SORTABLE}). */
    public List<ControlView> list(ControlFilter filter, PageRequest page) {
        String sortKey = page.sortBy() == null ? "expiresOn" : page.sortBy();
        String sort = SORTABLE.get(sortKey);
        if (sort == null) {
            throw new InvalidInputException("sort", "cannot sort by '" + sortKey + "'; allowed: "
                    + String.join(", ", SORTABLE.keySet().stream().sorted().toList()));
        }
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? ControlFilter.none() : filter, params);
        return query(where + " ORDER BY " + sort + (page.ascending() ? " ASC" : " DESC") + ", c.title, c.id", params,
                page.offset(), page.limit());
    }

    public long count(ControlFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? ControlFilter.none() : filter, params);
        var q = em.createNativeQuery("SELECT COUNT(*) FROM compensating_control c" + where);
        RiskLookup.bind(q, params);
        return Rows.count(q.getSingleResult());
    }

    public ControlDetails get(String id) {
        ControlView c = view(id);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT e.public_id, d.asset_tag, e.cve, a.tracking_id, "
                        + "at.decision_point, at.attached_at, at.attached_by FROM control_attachment at "
                        + "JOIN compensating_control c ON c.id = at.control_id JOIN exposure e ON e.id = at.exposure_id "
                        + "JOIN device d ON d.id = e.device_id JOIN advisory a ON a.id = e.advisory_id "
                        + "WHERE c.public_id = ?1 ORDER BY d.asset_tag, e.cve, a.tracking_id")
                .setParameter(1, c.id()).setMaxResults(ATTACHMENTS_SHOWN).getResultList();
        return new ControlDetails(c, rows.stream().map(r -> new AttachmentView((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], DecisionPoint.valueOf((String) r[4]).label(),
                instant(r[5]), (String) r[6])).toList());
    }

    /**
     * Active controls whose scope covers the devices of every given exposure: the choices when attaching a control to
     * them (the exposure screen and bulk actions).
     */
    public List<ControlView> usableFor(List<String> exposureIds) {
        List<ExposureRef> exposures = lookup.exposures(exposureIds == null ? List.of() : exposureIds);
        if (exposures.isEmpty()) {
            return List.of();
        }
        List<String> ids = em.createQuery("select c from CompensatingControl c where c.status = :active "
                        + "and c.expiresOn >= :today order by c.expiresOn, c.title", CompensatingControl.class)
                .setParameter("active", ControlStatus.ACTIVE).setParameter("today", today()).getResultStream()
                .filter(c -> exposures.stream().allMatch(e -> c.covers(e.device())))
                .limit(PageRequest.MAX_LIMIT).map(CompensatingControl::getPublicId).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        return query(" WHERE c.public_id IN (" + in + ") ORDER BY c.expires_on, c.title", new ArrayList<>(ids), 0,
                PageRequest.MAX_LIMIT);
    }

    /**
     * A new control's starting values for the given exposures: the narrowest scope covering all their devices (the
     * device, else their common segment, else their common model; none when they share nothing), the caller as owner,
     * applied today and expiring in {@value #DEFAULT_DAYS} days.
     */
    public ControlCommand suggest(List<String> exposureIds) {
        List<ExposureRef> exposures = lookup.exposures(exposureIds == null ? List.of() : exposureIds);
        ControlCommand cmd = new ControlCommand();
        cmd.setOwner(currentUser.username());
        cmd.setAppliedOn(today());
        cmd.setExpiresOn(today().plusDays(DEFAULT_DAYS));
        if (exposures.isEmpty()) {
            return cmd;
        }
        var first = exposures.getFirst().device();
        if (exposures.stream().allMatch(e -> e.device().deviceId() == first.deviceId())) {
            cmd.setScope(ControlScope.DEVICE);
            cmd.setScopeKey(first.assetTag());
        } else if (first.networkSegment() != null && exposures.stream()
                .allMatch(e -> first.networkSegment().equalsIgnoreCase(e.device().networkSegment()))) {
            cmd.setScope(ControlScope.SEGMENT);
            cmd.setScopeKey(first.networkSegment());
        } else if (exposures.stream().allMatch(e -> e.device().modelId() == first.modelId())) {
            cmd.setScope(ControlScope.MODEL);
            cmd.setScopeKey(lookup.modelPublicId(first.modelId()));
        }
        return cmd;
    }

    /** The people who may own a control: enabled users. */
    public List<String> ownerCandidates() {
        return lookup.enabledUsers();
    }

    private String where(ControlFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        LocalDate today = today();
        if (notBlank(f.status())) {
            and(sql).append("c.status = ?").append(params.size() + 1);
            params.add(RiskService.enumValue(ControlStatus.class, "status", f.status()).name());
        }
        if (f.expiringWithinDays() != null) {
            and(sql).append("c.status = 'ACTIVE' AND c.expires_on <= ?").append(params.size() + 1);
            params.add(java.sql.Date.valueOf(today.plusDays(Math.max(0, f.expiringWithinDays()))));
        }
        if (Boolean.TRUE.equals(f.expired())) {
            and(sql).append("(c.status = 'EXPIRED' OR (c.status = 'ACTIVE' AND c.expires_on < ?")
                    .append(params.size() + 1).append("))");
            params.add(java.sql.Date.valueOf(today));
        }
        if (notBlank(f.owner())) {
            and(sql).append("c.owner = ?").append(params.size() + 1);
            params.add(f.owner().strip());
        }
        if (notBlank(f.text())) {
            int n = params.size() + 1;
            and(sql).append("(LOWER(c.title) LIKE ?").append(n).append(" OR LOWER(c.reference) LIKE ?").append(n)
                    .append(')');
            params.add("%" + f.text().strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (notBlank(f.exposureId())) {
            and(sql).append("EXISTS (SELECT 1 FROM control_attachment a JOIN exposure e ON e.id = a.exposure_id "
                    + "WHERE a.control_id = c.id AND e.public_id = ?").append(params.size() + 1).append(')');
            params.add(f.exposureId().strip());
        }
        return sql.toString();
    }

    private List<ControlView> query(String whereAndOrder, List<Object> params, int offset, int limit) {
        var q = em.createNativeQuery(SELECT + whereAndOrder);
        RiskLookup.bind(q, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setFirstResult(offset).setMaxResults(limit).getResultList();
        LocalDate today = today();
        int warnDays = settings.policy().warnDays();
        return rows.stream().map(r -> view(r, today, warnDays)).toList();
    }

    private static ControlView view(Object[] r, LocalDate today, int warnDays) {
        ControlType type = ControlType.valueOf((String) r[1]);
        ControlScope scope = ControlScope.valueOf((String) r[4]);
        String scopeKey = switch (scope) {
            case DEVICE -> (String) r[5];
            case SEGMENT -> (String) r[6];
            case MODEL -> (String) r[7];
        };
        String scopeLabel = switch (scope) {
            case DEVICE -> "Device " + r[5];
            case SEGMENT -> "Segment " + r[6];
            case MODEL -> "Model " + r[8] + " " + r[9];
        };
        ControlStatus status = ControlStatus.valueOf((String) r[15]);
        LocalDate expires = date(r[14]);
        long days = ChronoUnit.DAYS.between(today, expires);
        return new ControlView((String) r[0], type.name(), type.label(), (String) r[2], (String) r[3],
                CompensatingControl.describe(type, (String) r[2], (String) r[3]), scope.name(), scopeLabel, scopeKey,
                (String) r[10], (String) r[11], date(r[12]), date(r[13]), expires, status.name(), status.label(),
                (String) r[16], days, status == ControlStatus.ACTIVE && days <= warnDays, Rows.count(r[17]), instant(r[18]),
                (String) r[19], ((Number) r[20]).intValue());
    }

    private ControlView view(String id) {
        List<ControlView> one = query(" WHERE c.public_id = ?1", List.of(id == null ? "" : id.strip()), 0, 1);
        if (one.isEmpty()) {
            throw new NotFoundException("Control", id);
        }
        return one.getFirst();
    }

    // ---- changing ------------------------------------------------------------------------------

    /** Records a control. The owner must be a PatchCare user; the expiry is required and after the day applied. */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ControlDetails create(ControlCommand cmd) {
        CompensatingControl c = newControl(cmd);
        return get(c.getPublicId());
    }

    /**
     * Records a control and attaches it to the exposures in one transaction (the attach dialog's "new control"): both
     * happen, or neither.
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ControlDetails createAndAttach(ControlCommand cmd, List<String> exposureIds, String point) {
        CompensatingControl c = newControl(cmd);
        return attach(c, exposureIds, point);
    }

    private CompensatingControl newControl(ControlCommand cmd) {
        validate(cmd);
        requireOwner(cmd.getOwner());
        CompensatingControl c = new CompensatingControl(cmd.getType(), cmd.getTitle(), cmd.getReference(),
                cmd.getOwner(), cmd.getEvidence());
        scope(c, cmd);
        c.schedule(cmd.getAppliedOn(), cmd.getReviewOn(), cmd.getExpiresOn(), today());
        c.touch(currentUser.username(), clock.instant());
        em.persist(c);
        audit.created(AUDIT_TYPE, c.getPublicId(), snapshot(c));
        em.flush(); // attachments refer to the control's row
        return c;
    }

    /**
     * Changes a control (version check: 409 when someone else changed it). The scope of a control with attached
     * exposures stays; a withdrawn control cannot be changed. The attached exposures are decided again.
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ControlDetails update(String id, ControlCommand cmd) {
        validate(cmd);
        CompensatingControl c = require(id);
        checkVersion(c, cmd.getVersion());
        c.requireEditable();
        requireOwner(cmd.getOwner());
        Snapshot before = snapshot(c);
        Long deviceId = cmd.getScope() == ControlScope.DEVICE ? lookup.deviceId(cmd.getScopeKey(), "scopeKey") : null;
        Long modelId = cmd.getScope() == ControlScope.MODEL ? lookup.modelId(cmd.getScopeKey(), "scopeKey") : null;
        if (c.scopeDiffers(cmd.getScope(), deviceId, cmd.getScopeKey(), modelId)) {
            long attached = attachedCount(c);
            if (attached > 0) {
                throw new InvalidInputException("scope", "The control is attached to " + attached + " exposure(s); "
                        + "detach them before it covers something else, or record a new control.");
            }
        }
        c.describe(cmd.getType(), cmd.getTitle(), cmd.getReference(), cmd.getOwner(), cmd.getEvidence());
        c.scopeTo(cmd.getScope(), deviceId, cmd.getScopeKey(), modelId);
        c.schedule(cmd.getAppliedOn(), cmd.getReviewOn(), cmd.getExpiresOn(), today());
        c.touch(currentUser.username(), clock.instant());
        Snapshot after = snapshot(c);
        if (!before.diff(after).isEmpty()) {
            audit.changed(AUDIT_TYPE, c.getPublicId(), before, after, null);
            engine.markControl(c.getId(), "control " + c.shortName() + " changed");
        }
        flush(c);
        return get(c.getPublicId());
    }

    /** Withdraws a control: it no longer counts for any exposure; they are decided again. */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ControlDetails withdraw(String id, String reason, Integer version) {
        CompensatingControl c = require(id);
        checkVersion(c, version);
        ControlStatus from = c.getStatus();
        c.withdraw(reason);
        c.touch(currentUser.username(), clock.instant());
        audit.changed(AUDIT_TYPE, c.getPublicId(), Snapshot.empty().with("status", from),
                Snapshot.empty().with("status", c.getStatus()), c.getStatusReason());
        engine.markControl(c.getId(), "control " + c.shortName() + " withdrawn");
        flush(c);
        return get(c.getPublicId());
    }

    /**
     * Attaches an active control to exposures for one decision point (SYSTEM_EXPOSURE or AUTOMATABLE); an exposure
     * already attached takes the new point. Every exposure's device must lie inside the control's scope: otherwise
     * nothing is attached and each exposure outside is named. The exposures are decided again at once.
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ControlDetails attach(String id, List<String> exposureIds, String point) {
        return attach(require(id), exposureIds, point);
    }

    private ControlDetails attach(CompensatingControl c, List<String> exposureIds, String point) {
        DecisionPoint p = attachPoint(point);
        List<String> wanted = exposureIds == null ? List.of() : exposureIds.stream()
                .map(s -> s == null ? "" : s.strip()).distinct().toList();
        if (wanted.isEmpty()) {
            throw new InvalidInputException("exposureIds", "Choose at least one exposure.");
        }
        if (wanted.size() > MAX_ATTACH) {
            throw new InvalidInputException("exposureIds", "At most " + MAX_ATTACH + " exposures at a time, not "
                    + wanted.size() + ".");
        }
        c.requireAttachable(today());
        Map<String, ExposureRef> found = new LinkedHashMap<>();
        lookup.exposures(wanted).forEach(e -> found.put(e.publicId(), e));
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        String scope = view(c.getPublicId()).scopeLabel();
        for (int i = 0; i < wanted.size(); i++) {
            ExposureRef e = found.get(wanted.get(i));
            if (e == null) {
                problems.add(new InvalidInputException.Violation("exposureIds[" + i + "]", "No exposure has the id '"
                        + wanted.get(i) + "'."));
            } else if (!c.covers(e.device())) {
                problems.add(new InvalidInputException.Violation("exposureIds[" + i + "]", "Exposure " + e.cve()
                        + " on device " + e.device().assetTag() + (e.device().networkSegment() == null ? ""
                        : " (segment " + e.device().networkSegment() + ")") + " lies outside the control's scope ("
                        + scope + ")."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String actor = currentUser.username();
        Instant now = clock.instant();
        Snapshot before = Snapshot.empty();
        Snapshot after = Snapshot.empty();
        Map<Long, String> causes = new LinkedHashMap<>();
        for (ExposureRef e : found.values()) {
            List<?> old = em.createNativeQuery("SELECT decision_point FROM control_attachment WHERE control_id = ?1 "
                    + "AND exposure_id = ?2").setParameter(1, c.getId()).setParameter(2, e.id()).getResultList();
            if (old.isEmpty()) {
                em.createNativeQuery("INSERT INTO control_attachment (control_id, exposure_id, decision_point, "
                                + "attached_at, attached_by) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, c.getId())
                        .setParameter(2, e.id()).setParameter(3, p.name()).setParameter(4, Timestamp.from(now))
                        .setParameter(5, actor).executeUpdate();
            } else {
                em.createNativeQuery("UPDATE control_attachment SET decision_point = ?1, attached_at = ?2, "
                                + "attached_by = ?3 WHERE control_id = ?4 AND exposure_id = ?5").setParameter(1, p.name())
                        .setParameter(2, Timestamp.from(now)).setParameter(3, actor).setParameter(4, c.getId())
                        .setParameter(5, e.id()).executeUpdate();
            }
            before.with("exposure " + e.publicId(), old.isEmpty() ? null : old.getFirst());
            after.with("exposure " + e.publicId(), p.name());
            causes.put(e.id(), "control " + c.shortName() + " attached");
        }
        audit.changed(AUDIT_TYPE, c.getPublicId(), before, after, "attached to " + causes.size() + " exposure(s) for "
                + p.label().toLowerCase(Locale.ROOT));
        engine.evaluate(causes);
        return get(c.getPublicId());
    }

    /** Detaches a control from one exposure; the exposure is decided again at once. */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ControlDetails detach(String id, String exposureId) {
        CompensatingControl c = require(id);
        ExposureRef e = lookup.exposure(exposureId);
        List<?> old = em.createNativeQuery("SELECT decision_point FROM control_attachment WHERE control_id = ?1 "
                + "AND exposure_id = ?2").setParameter(1, c.getId()).setParameter(2, e.id()).getResultList();
        if (old.isEmpty()) {
            throw new NotFoundException("Attachment of control " + c.shortName() + " to exposure", exposureId);
        }
        em.createNativeQuery("DELETE FROM control_attachment WHERE control_id = ?1 AND exposure_id = ?2")
                .setParameter(1, c.getId()).setParameter(2, e.id()).executeUpdate();
        audit.changed(AUDIT_TYPE, c.getPublicId(), Snapshot.empty().with("exposure " + e.publicId(), old.getFirst()),
                Snapshot.empty().with("exposure " + e.publicId(), null), "detached");
        engine.evaluate(Map.of(e.id(), "control " + c.shortName() + " detached"));
        return get(c.getPublicId());
    }

    // ---- helpers -------------------------------------------------------------------------------

    private void scope(CompensatingControl c, ControlCommand cmd) {
        c.scopeTo(cmd.getScope(),
                cmd.getScope() == ControlScope.DEVICE ? lookup.deviceId(cmd.getScopeKey(), "scopeKey") : null,
                cmd.getScopeKey(),
                cmd.getScope() == ControlScope.MODEL ? lookup.modelId(cmd.getScopeKey(), "scopeKey") : null);
    }

    static DecisionPoint attachPoint(String point) {
        DecisionPoint p = DecisionOverride.point(point == null || point.isBlank() ? "SYSTEM_EXPOSURE" : point);
        if (p != DecisionPoint.SYSTEM_EXPOSURE && p != DecisionPoint.AUTOMATABLE) {
            throw new InvalidInputException("point", "A control lowers SYSTEM_EXPOSURE or turns AUTOMATABLE to no; "
                    + "it does not change " + p.name() + ".");
        }
        return p;
    }

    private void requireOwner(String owner) {
        if (!lookup.userExists(owner)) {
            throw new InvalidInputException("owner", "No PatchCare user is called '" + owner + "'; the owner must be "
                    + "a user, who is warned before the control expires.");
        }
    }

    private long attachedCount(CompensatingControl c) {
        return Rows.count(em.createNativeQuery("SELECT COUNT(*) FROM control_attachment WHERE control_id = ?1")
                .setParameter(1, c.getId()).getSingleResult());
    }

    CompensatingControl require(String id) {
        return em.createQuery("select c from CompensatingControl c where c.publicId = :id", CompensatingControl.class)
                .setParameter("id", id == null ? "" : id.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Control", id));
    }

    private void validate(ControlCommand cmd) {
        if (cmd == null) {
            throw new InvalidInputException("control", "Send the control's fields.");
        }
        Set<ConstraintViolation<ControlCommand>> v = validator.validate(cmd);
        if (!v.isEmpty()) {
            throw InvalidInputException.of(v);
        }
    }

    private static void checkVersion(CompensatingControl c, Integer expected) {
        RiskLookup.checkVersion(c, expected, "Control", c.getTitle());
    }

    private void flush(CompensatingControl c) {
        lookup.flush("Control", c.getTitle());
    }

    static Snapshot snapshot(CompensatingControl c) {
        return Snapshot.empty().with("type", c.getType()).with("title", c.getTitle()).with("reference", c.getReference())
                .with("scope", c.getScope()).with("scopeDevice", c.getScopeDeviceId())
                .with("scopeSegment", c.getScopeSegment()).with("scopeModel", c.getScopeModelId())
                .with("owner", c.getOwner()).with("evidence", c.getEvidence()).with("appliedOn", c.getAppliedOn())
                .with("reviewOn", c.getReviewOn()).with("expiresOn", c.getExpiresOn()).with("status", c.getStatus());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static StringBuilder and(StringBuilder sql) {
        return sql.append(sql.isEmpty() ? " WHERE " : " AND ");
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
