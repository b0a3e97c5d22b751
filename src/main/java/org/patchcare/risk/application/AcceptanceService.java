package org.patchcare.risk.application;

import static org.patchcare.shared.persistence.Rows.date;
import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.risk.application.MitigationViews.AcceptanceFilter;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.risk.application.RiskLookup.ExposureRef;
import org.patchcare.risk.domain.AcceptanceStatus;
import org.patchcare.risk.domain.ApproverRole;
import org.patchcare.risk.domain.RiskAcceptance;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Risk acceptances of open exposures: requested by IT security or biomed; approved by a clinical manager assigned to
 * the device's department and, separately, by IT security; never by the requester. Refusals of a person's right to
 * decide answer 422 on the field {@code approver}; a decision on a stale version answers 409, so two approvals racing
 * for the same request never lose one another. Clinical managers see the acceptances of their departments.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class AcceptanceService {

    /** The longest an acceptance may run. */
    public static final int MAX_DAYS = RiskAcceptance.MAX_DAYS;
    static final String AUDIT_TYPE = "RiskAcceptance";

    @PersistenceContext
    EntityManager em;
    @Inject
    DecisionEngine engine;
    @Inject
    RiskLookup lookup;
    @Inject
    NotificationService notifications;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    // ---- reading -------------------------------------------------------------------------------

    private static final String FROM = " FROM risk_acceptance a JOIN exposure e ON e.id = a.exposure_id "
            + "JOIN device d ON d.id = e.device_id JOIN department dep ON dep.id = d.department_id "
            + "JOIN advisory adv ON adv.id = e.advisory_id";
    private static final String SELECT = "SELECT a.public_id, e.public_id, d.asset_tag, dep.code, dep.name, e.cve, "
            + "adv.tracking_id, a.status, a.reason, a.expires_on, a.requested_by, a.created_at, a.clinical_approver, "
            + "a.clinical_decided_at, a.security_approver, a.security_decided_at, a.decision_comment, a.version, "
            + "d.department_id" + FROM;

    /** Acceptances matching the filter, newest first (clinical managers: of their departments). */
    public List<AcceptanceView> list(AcceptanceFilter filter, PageRequest page) {
        Caller me = caller();
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? AcceptanceFilter.none() : filter, me, params);
        return query(where + " ORDER BY a.created_at DESC, a.id DESC", params, me, page.offset(), page.limit());
    }

    public long count(AcceptanceFilter filter) {
        Caller me = caller();
        List<Object> params = new ArrayList<>();
        var q = em.createNativeQuery("SELECT COUNT(*)" + FROM + where(filter == null ? AcceptanceFilter.none() : filter,
                me, params));
        RiskLookup.bind(q, params);
        return ((Number) q.getSingleResult()).longValue();
    }

    public AcceptanceView get(String id) {
        Caller me = caller();
        List<Object> params = new ArrayList<>();
        params.add(id == null ? "" : id.strip());
        String where = " WHERE a.public_id = ?1" + (me.limited() ? " AND d.department_id IN (" + me.departmentList() + ")" : "");
        List<AcceptanceView> one = query(where, params, me, 0, 1);
        if (one.isEmpty()) {
            throw new NotFoundException("Risk acceptance", id);
        }
        return one.getFirst();
    }

    private String where(AcceptanceFilter f, Caller me, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        if (me.limited()) {
            sql.append(" AND d.department_id IN (").append(me.departmentList()).append(')');
        }
        if (f.status() != null && !f.status().isBlank()) {
            sql.append(" AND a.status = ?").append(params.size() + 1);
            params.add(RiskService.enumValue(AcceptanceStatus.class, "status", f.status()).name());
        }
        if (f.exposureId() != null && !f.exposureId().isBlank()) {
            sql.append(" AND e.public_id = ?").append(params.size() + 1);
            params.add(f.exposureId().strip());
        }
        if (Boolean.TRUE.equals(f.awaitingMe())) {
            int n = params.size() + 1;
            params.add(me.username());
            List<String> ways = new ArrayList<>();
            if (me.security()) {
                ways.add("(a.security_approver IS NULL AND (a.clinical_approver IS NULL OR a.clinical_approver <> ?"
                        + n + "))");
            }
            if (me.clinical()) {
                ways.add("(a.clinical_approver IS NULL AND d.department_id IN (" + me.departmentList() + ") AND "
                        + "(a.security_approver IS NULL OR a.security_approver <> ?" + n + "))");
            }
            sql.append(" AND a.status = 'REQUESTED' AND a.requested_by <> ?").append(n).append(" AND ")
                    .append(ways.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", ways) + ")");
        }
        return sql.toString();
    }

    private List<AcceptanceView> query(String where, List<Object> params, Caller me, int offset, int limit) {
        var q = em.createNativeQuery(SELECT + where);
        RiskLookup.bind(q, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> {
            AcceptanceStatus status = AcceptanceStatus.valueOf((String) r[7]);
            String requester = (String) r[10];
            String clinical = (String) r[12];
            String security = (String) r[14];
            long department = ((Number) r[18]).longValue();
            boolean awaitingYou = status == AcceptanceStatus.REQUESTED && !me.username().equals(requester)
                    && ((me.security() && security == null && !me.username().equals(clinical))
                    || (me.clinical() && clinical == null && me.departments().contains(department)
                    && !me.username().equals(security)));
            return new AcceptanceView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], status.name(), status.label(), (String) r[8], date(r[9]), requester,
                    instant(r[11]), clinical, instant(r[13]), security, instant(r[15]), (String) r[16], awaitingYou,
                    me.username().equals(requester) && (status == AcceptanceStatus.REQUESTED
                            || status == AcceptanceStatus.APPROVED), ((Number) r[17]).intValue());
        }).toList();
    }

    // ---- changing ------------------------------------------------------------------------------

    /**
     * Requests a risk acceptance for an open exposure that has no requested or approved one: a reason and an end
     * date after today, at most {@value #MAX_DAYS} days ahead.
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.BIOMED_TECH})
    public AcceptanceView request(String exposureId, String reason, LocalDate expiresOn) {
        ExposureRef e = lookup.exposure(exposureId);
        if (!e.open()) {
            throw new DomainException("Exposure " + e.cve() + " on " + e.device().assetTag() + " is "
                    + e.state().toLowerCase(Locale.ROOT).replace('_', ' ') + "; only an open exposure (affected or under "
                    + "investigation) can have its risk accepted.");
        }
        List<?> running = em.createQuery("select a.status from RiskAcceptance a where a.exposureId = :e "
                        + "and a.status in :s").setParameter("e", e.id())
                .setParameter("s", List.of(AcceptanceStatus.REQUESTED, AcceptanceStatus.APPROVED)).getResultList();
        if (!running.isEmpty()) {
            throw new ConflictException("Exposure " + e.cve() + " on " + e.device().assetTag() + " already has a risk "
                    + "acceptance that is " + ((AcceptanceStatus) running.getFirst()).label().toLowerCase(Locale.ROOT)
                    + "; withdraw it before requesting another.");
        }
        RiskAcceptance a = new RiskAcceptance(e.id(), reason, expiresOn, currentUser.username(), today());
        a.touch(currentUser.username(), clock.instant());
        em.persist(a);
        audit.created(AUDIT_TYPE, a.getPublicId(), Snapshot.empty().with("exposure", e.publicId())
                .with("status", a.getStatus()).with("expiresOn", a.getExpiresOn()).with("reason", a.getReason()));
        em.flush();
        return get(a.getPublicId());
    }

    /**
     * Gives the caller's approval: IT security's (while it is missing), else the clinical one (only for a clinical
     * manager assigned to the device's department). Both given → approved: the exposure leaves the work queue at once.
     *
     * @param version the version the caller saw; another one means someone decided meanwhile (409)
     */
    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
    public AcceptanceView approve(String id, String comment, Integer version) {
        return decide(id, comment, version, true);
    }

    /** Rejects the request (a comment is required); one rejection ends it. */
    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.IT_SECURITY})
    public AcceptanceView reject(String id, String comment, Integer version) {
        return decide(id, comment, version, false);
    }

    private AcceptanceView decide(String id, String comment, Integer version, boolean approve) {
        RiskAcceptance a = require(id, version);
        ExposureRef e = lookup.exposure(a.getExposureId());
        ApproverRole as = capacity(a, e);
        Snapshot before = snapshot(a);
        String actor = currentUser.username();
        if (approve) {
            a.approve(as, actor, comment, clock.instant(), today());
        } else {
            a.reject(as, actor, comment, clock.instant());
        }
        a.touch(actor, clock.instant());
        audit.changed(AUDIT_TYPE, a.getPublicId(), before, snapshot(a), (approve ? "approved" : "rejected") + " as "
                + as.label() + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()));
        flush(a);
        if (a.getStatus() == AcceptanceStatus.APPROVED) {
            engine.evaluate(Map.of(e.id(), "risk acceptance approved until " + a.getExpiresOn()));
        }
        if (a.getStatus() != AcceptanceStatus.REQUESTED) {
            tellRequester(a, e, "Risk acceptance " + a.getStatus().label().toLowerCase(Locale.ROOT) + ": " + e.cve()
                    + " on " + e.device().assetTag());
        }
        return get(a.getPublicId());
    }

    /** Which approval the caller gives: IT security's while it is missing, else the clinical one. */
    private ApproverRole capacity(RiskAcceptance a, ExposureRef e) {
        boolean security = currentUser.hasRole(Roles.IT_SECURITY);
        boolean clinical = currentUser.hasRole(Roles.CLINICAL_MANAGER);
        if (security && (a.awaits(ApproverRole.SECURITY) || !clinical)) {
            return ApproverRole.SECURITY;
        }
        if (!lookup.departmentsOf(currentUser.username()).contains(e.departmentId())) {
            throw new InvalidInputException("approver", "Only a clinical manager assigned to " + e.departmentName()
                    + " may give the clinical approval for " + e.device().assetTag() + "; you are not assigned to "
                    + "that department.");
        }
        return ApproverRole.CLINICAL;
    }

    /** The requester takes a request or an approved acceptance back; an approved one's exposure returns to the queue. */
    @RolesAllowed({Roles.IT_SECURITY, Roles.BIOMED_TECH})
    public AcceptanceView withdraw(String id, String reason, Integer version) {
        RiskAcceptance a = require(id, version);
        Snapshot before = snapshot(a);
        boolean wasApproved = a.getStatus() == AcceptanceStatus.APPROVED;
        a.withdraw(currentUser.username(), reason);
        a.touch(currentUser.username(), clock.instant());
        audit.changed(AUDIT_TYPE, a.getPublicId(), before, snapshot(a),
                reason == null || reason.isBlank() ? "withdrawn" : reason.strip());
        flush(a);
        if (wasApproved) {
            engine.evaluate(Map.of(a.getExposureId(), "risk acceptance withdrawn by " + currentUser.username()));
        }
        return get(a.getPublicId());
    }

    private void tellRequester(RiskAcceptance a, ExposureRef e, String subject) {
        if (lookup.userExists(a.getRequestedBy())) {
            notifications.notify(a.getRequestedBy(), subject, subject + (a.getDecisionComment() == null ? "."
                    : ". " + a.getDecisionComment()), "acceptances");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The caller as the acceptance rules see them. */
    private record Caller(String username, boolean security, boolean clinical, boolean limited, Set<Long> departments) {
        String departmentList() {
            return departments.isEmpty() ? "-1" : departments.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
    }

    private Caller caller() {
        String me = currentUser.username();
        boolean clinical = currentUser.hasRole(Roles.CLINICAL_MANAGER);
        return new Caller(me, currentUser.hasRole(Roles.IT_SECURITY), clinical,
                RiskLookup.limitedToOwnDepartments(currentUser), clinical ? lookup.departmentsOf(me) : Set.of());
    }

    private RiskAcceptance require(String id, Integer version) {
        RiskAcceptance a = em.createQuery("select a from RiskAcceptance a where a.publicId = :id", RiskAcceptance.class)
                .setParameter("id", id == null ? "" : id.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Risk acceptance", id));
        RiskLookup.checkVersion(a, version, "Risk acceptance", id);
        return a;
    }

    private void flush(RiskAcceptance a) {
        lookup.flush("Risk acceptance", a.getPublicId());
    }

    static Snapshot snapshot(RiskAcceptance a) {
        return Snapshot.empty().with("status", a.getStatus()).with("clinicalApprover", a.getClinicalApprover())
                .with("securityApprover", a.getSecurityApprover());
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
