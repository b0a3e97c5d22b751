package org.patchcare.planning.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.planning.application.PlanningViews.LowCensusView;
import org.patchcare.planning.application.PlanningViews.TechnicianView;
import org.patchcare.planning.application.PlanningViews.VendorVisitView;
import org.patchcare.planning.domain.LowCensusWindow;
import org.patchcare.planning.domain.Technician;
import org.patchcare.planning.domain.VendorVisit;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.UserDepartments;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the planner needs beyond inventory and downtime: technicians (skills, daily minutes), vendor engineers'
 * visits, departments' low-census hours. Biomed and administrators keep technicians and visits; administrators and
 * a department's clinical managers keep its low-census hours (as its blackouts). Every change audited.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class PlanningDataService {

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    public List<TechnicianView> technicians() {
        return em.createQuery("select t from Technician t order by t.username", Technician.class).getResultList()
                .stream().map(PlanningDataService::view).toList();
    }

    /** Creates the technician of a user, or changes it ({@code version} of the one seen; null to create). */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public TechnicianView saveTechnician(String username, Integer version, int dailyMinutes, Set<String> skills,
                                         boolean active) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("username", "Name the technician's PatchCare user.");
        }
        String user = username.strip();
        Number exists = (Number) em.createNativeQuery("SELECT COUNT(*) FROM app_user WHERE username = ?1")
                .setParameter(1, user).getSingleResult();
        if (exists.longValue() == 0) {
            throw new InvalidInputException("username", "No PatchCare user is called '" + user + "'.");
        }
        Instant now = clock.instant();
        Technician t = em.createQuery("select t from Technician t where t.username = :u", Technician.class)
                .setParameter("u", user).getResultStream().findFirst().orElse(null);
        if (t == null) {
            t = new Technician(user, dailyMinutes, skills);
            t.touch(me(), now);
            em.persist(t);
            audit.created("Technician", user, snap(t));
        } else {
            if (version == null || version != t.getVersion()) {
                throw ConflictException.staleEdit("technician", user);
            }
            Snapshot before = snap(t);
            t.change(dailyMinutes, skills, active);
            t.touch(me(), now);
            audit.changed("Technician", user, before, snap(t), null);
        }
        em.flush();
        return view(t);
    }

    public List<VendorVisitView> vendorVisits(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT v.public_id, m.name, v.engineer, v.starts_at, v.ends_at FROM "
                + "vendor_visit v JOIN manufacturer m ON m.id = v.manufacturer_id WHERE v.ends_at > ?1 AND v.starts_at "
                + "< ?2 ORDER BY v.starts_at").setParameter(1, java.sql.Timestamp.from(from))
                .setParameter(2, java.sql.Timestamp.from(to)).setMaxResults(500).getResultList();
        return rows.stream().map(r -> new VendorVisitView((String) r[0], (String) r[1], (String) r[2],
                org.patchcare.shared.persistence.Rows.instant(r[3]), org.patchcare.shared.persistence.Rows.instant(r[4])))
                .toList();
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public VendorVisitView addVendorVisit(String manufacturer, String engineer, Instant start, Instant end) {
        if (manufacturer == null || manufacturer.isBlank()) {
            throw new InvalidInputException("manufacturer", "Name the manufacturer whose engineer visits.");
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT id FROM manufacturer WHERE LOWER(name) = ?1")
                .setParameter(1, manufacturer.strip().toLowerCase(java.util.Locale.ROOT)).getResultList();
        if (ids.isEmpty()) {
            throw new InvalidInputException("manufacturer", "No manufacturer is called '" + manufacturer.strip() + "'.");
        }
        VendorVisit v = new VendorVisit(((Number) ids.getFirst()).longValue(), engineer, start, end);
        v.touch(me(), clock.instant());
        em.persist(v);
        audit.created("VendorVisit", v.getPublicId(), Snapshot.empty().with("manufacturer", manufacturer.strip())
                .with("engineer", engineer).with("start", start).with("end", end));
        em.flush();
        return new VendorVisitView(v.getPublicId(), manufacturer.strip(), v.getEngineer(), start, end);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public void deleteVendorVisit(String id) {
        VendorVisit v = em.createQuery("select v from VendorVisit v where v.publicId = :id", VendorVisit.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Vendor visit", id));
        audit.deleted("VendorVisit", id, Snapshot.empty().with("start", v.getStartsAt()).with("end", v.getEndsAt()),
                null);
        em.remove(v);
    }

    public List<LowCensusView> lowCensus() {
        List<LowCensusView> out = new ArrayList<>();
        for (LowCensusWindow w : em.createQuery("select w from LowCensusWindow w order by w.departmentId, w.title",
                LowCensusWindow.class).getResultList()) {
            Object[] d = department(w.getDepartmentId());
            out.add(new LowCensusView(w.getPublicId(), (String) d[0], w.getTitle(), w.rule().describe(
                    ZoneId.of((String) d[1]))));
        }
        return out;
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.ADMIN})
    public LowCensusView addLowCensus(String departmentCode, String title, Set<DayOfWeek> days, LocalTime start,
                                      LocalTime end) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT dep.id, dep.code, f.time_zone FROM department dep JOIN "
                + "facility f ON f.id = dep.facility_id WHERE dep.code = ?1").setParameter(1,
                departmentCode == null ? "" : departmentCode.strip()).getResultList();
        if (rows.isEmpty()) {
            throw new InvalidInputException("departmentCode", "No department has the code '" + departmentCode + "'.");
        }
        long depId = ((Number) rows.getFirst()[0]).longValue();
        requireMine(depId);
        LowCensusWindow w = new LowCensusWindow(depId, title, days, start, end);
        w.touch(me(), clock.instant());
        em.persist(w);
        String describe = w.rule().describe(ZoneId.of((String) rows.getFirst()[2]));
        audit.created("LowCensusWindow", w.getPublicId(), Snapshot.empty().with("department", rows.getFirst()[1])
                .with("title", w.getTitle()).with("hours", describe));
        em.flush();
        return new LowCensusView(w.getPublicId(), (String) rows.getFirst()[1], w.getTitle(), describe);
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.ADMIN})
    public void deleteLowCensus(String id) {
        LowCensusWindow w = em.createQuery("select w from LowCensusWindow w where w.publicId = :id",
                LowCensusWindow.class).setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Low-census hours", id));
        requireMine(w.getDepartmentId());
        audit.deleted("LowCensusWindow", id, Snapshot.empty().with("title", w.getTitle()), null);
        em.remove(w);
    }

    private void requireMine(long departmentId) {
        if (!currentUser.hasRole(Roles.ADMIN) && !UserDepartments.of(em, me()).contains(departmentId)) {
            throw new jakarta.ejb.EJBAccessException("Only the department's clinical managers and administrators "
                    + "change its low-census hours.");
        }
    }

    private Object[] department(long id) {
        return (Object[]) em.createNativeQuery("SELECT dep.code, f.time_zone FROM department dep JOIN facility f ON "
                + "f.id = dep.facility_id WHERE dep.id = ?1").setParameter(1, id).getSingleResult();
    }

    private static TechnicianView view(Technician t) {
        return new TechnicianView(t.getPublicId(), t.getUsername(), t.getDailyMinutes(), List.copyOf(t.skillSet()),
                t.isActive(), t.getVersion());
    }

    private static Snapshot snap(Technician t) {
        return Snapshot.empty().with("dailyMinutes", t.getDailyMinutes()).with("skills", String.join(",",
                t.skillSet())).with("active", t.isActive());
    }

    private String me() {
        return currentUser.username();
    }
}
