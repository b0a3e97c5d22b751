package org.patchcare.inventory.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;
import org.patchcare.inventory.application.OrganisationViews.LocationView;
import org.patchcare.inventory.domain.Department;
import org.patchcare.inventory.domain.Facility;
import org.patchcare.inventory.domain.Location;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.PersistenceErrors;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Facilities, their departments and the locations inside them. Everyone reads; administrators change. */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class OrganisationService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditService audit;
    @Inject
    Validator validator;
    @Inject
    Event<DepartmentContextChanged> departmentContextChanged;

    public List<FacilityView> facilities() {
        return em.createQuery("select f from Facility f order by f.code", Facility.class).getResultStream()
                .map(f -> new FacilityView(f.getCode(), f.getName(), f.getTimeZone(), f.getVersion())).toList();
    }

    /** The hospital's zone (see {@link OrganisationViews#homeZone}): days on screens and times in mails are counted in it. */
    public ZoneId homeZone() {
        return OrganisationViews.homeZone(facilities(), clock.getZone());
    }

    public List<DepartmentView> departments() {
        return em.createQuery("select d from Department d join fetch d.facility order by d.code", Department.class)
                .getResultStream().map(OrganisationService::view).toList();
    }

    public DepartmentView department(String code) {
        return view(findDepartment(code));
    }

    public List<LocationView> locations(String departmentCode) {
        return em.createQuery("select l from Location l join fetch l.department d where d.code = :c "
                        + "order by l.building, l.floor, l.room", Location.class)
                .setParameter("c", norm(departmentCode))
                .getResultStream().map(OrganisationService::view).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public FacilityView saveFacility(String code, String name, String timeZone, Integer version) {
        String c = norm(code);
        try {
            ZoneId.of(timeZone == null ? "" : timeZone.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "'" + timeZone + "' is not a time zone; use a region such as Europe/Berlin");
        }
        Facility f = em.createQuery("select f from Facility f where f.code = :c", Facility.class)
                .setParameter("c", c).getResultStream().findFirst().orElse(null);
        Snapshot before = f == null ? null : snap(f);
        if (f == null) {
            f = new Facility(c, strip(name), timeZone.strip());
        } else {
            checkVersion(f, version, "Facility", c);
            f.setName(strip(name));
            f.setTimeZone(timeZone.strip());
        }
        validate(f);
        f.touch(currentUser.username(), clock.instant());
        if (f.isNew()) {
            em.persist(f);
            audit.created("Facility", c, snap(f));
        } else {
            audit.changed("Facility", c, before, snap(f), null);
        }
        flush("Facility", c);
        return new FacilityView(f.getCode(), f.getName(), f.getTimeZone(), f.getVersion());
    }

    /**
     * Changes an existing department (the API's PUT): the code in the path names it and cannot change, and the version
     * read must be sent. The role is checked before anything else, so a caller who may not change departments gets
     * "not allowed" whatever code or body it sent (the checks below used to run first, in the resource, and answered
     * such callers 404 or 422).
     */
    @RolesAllowed(Roles.ADMIN)
    public DepartmentView updateDepartment(String code, DepartmentCommand cmd) {
        String stored = findDepartment(code).getCode(); // 404 for an unknown department
        if (cmd.code() != null && !norm(cmd.code()).equals(stored)) {
            throw new InvalidInputException("code", "the code of a department cannot be changed");
        }
        if (cmd.version() == null) {
            throw new InvalidInputException("version", "send the version of the department you read, so that "
                    + "changes made by someone else meanwhile are not overwritten");
        }
        return saveDepartment(cmd.withCode(stored));
    }

    /**
     * Records a new department or changes one (then with the version read). A change of its mission impact is
     * announced to the risk context as a {@link DepartmentContextChanged}.
     */
    @RolesAllowed(Roles.ADMIN)
    public DepartmentView saveDepartment(DepartmentCommand cmd) {
        validate(cmd);
        String c = norm(cmd.code());
        Facility facility = em.createQuery("select f from Facility f where f.code = :c", Facility.class)
                .setParameter("c", norm(cmd.facilityCode())).getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("facilityCode",
                        "no facility with code '" + cmd.facilityCode() + "'"));
        Department d = em.createQuery("select d from Department d where d.code = :c", Department.class)
                .setParameter("c", c).getResultStream().findFirst().orElse(null);
        Snapshot before = d == null ? null : snap(d);
        if (d == null) {
            d = new Department(facility, c, strip(cmd.name()));
        } else {
            checkVersion(d, cmd.version(), "Department", c);
            d.setName(strip(cmd.name()));
            d.setFacility(facility);
        }
        d.setMissionImpact(cmd.missionImpact());
        validate(d);
        d.touch(currentUser.username(), clock.instant());
        if (d.isNew()) {
            em.persist(d);
            audit.created("Department", c, snap(d));
        } else {
            Snapshot after = snap(d);
            audit.changed("Department", c, before, after, null);
            String what = ContextChanges.ofDepartment(before, after);
            if (what != null) {
                departmentContextChanged.fire(new DepartmentContextChanged(d.getId(), c, what));
            }
        }
        flush("Department", c);
        return view(d);
    }

    @RolesAllowed(Roles.ADMIN)
    public LocationView addLocation(String departmentCode, String building, String floor, String room) {
        Department d = findDepartment(departmentCode);
        Location l = new Location(d, strip(building), strip(floor), strip(room));
        validate(l);
        l.touch(currentUser.username(), clock.instant());
        em.persist(l);
        audit.created("Location", l.getPublicId(), Snapshot.empty().with("department", d.getCode()).with("place", l.label()));
        flush("Location", l.label());
        return view(l);
    }

    @RolesAllowed(Roles.ADMIN)
    public void removeLocation(String id) {
        Location l = em.createQuery("select l from Location l where l.publicId = :p", Location.class)
                .setParameter("p", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Location", id));
        long used = em.createQuery("select count(d) from Device d where d.location = :l", Long.class)
                .setParameter("l", l).getSingleResult();
        if (used > 0) {
            throw new ConflictException("Location " + l.label() + " still holds " + used + " device(s); move them first.");
        }
        audit.deleted("Location", id, Snapshot.empty().with("department", l.getDepartment().getCode()).with("place", l.label()), null);
        em.remove(l);
        flush("Location", l.label());
    }

    Department findDepartment(String code) {
        return em.createQuery("select d from Department d join fetch d.facility where d.code = :c", Department.class)
                .setParameter("c", norm(code)).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Department", code));
    }

    private void validate(Object o) {
        Set<ConstraintViolation<Object>> v = validator.validate(o);
        if (!v.isEmpty()) {
            throw DeviceService.toInvalid(v);
        }
    }

    private void checkVersion(BaseEntity e, Integer expected, String what, String key) {
        if (expected != null && expected != e.getVersion()) {
            throw ConflictException.staleEdit(what, key);
        }
    }

    private void flush(String what, String key) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ConflictException.staleEdit(what, key);
        } catch (PersistenceException e) {
            if (PersistenceErrors.isConstraintViolation(e)) {
                throw new ConflictException(what + " '" + key + "' clashes with an existing one.");
            }
            throw e;
        }
    }

    static DepartmentView view(Department d) {
        return new DepartmentView(d.getCode(), d.getName(), d.getFacility().getCode(), d.getFacility().getName(),
                d.getMissionImpact(), d.getVersion());
    }

    static LocationView view(Location l) {
        return new LocationView(l.getPublicId(), l.getDepartment().getCode(), l.getBuilding(), l.getFloor(), l.getRoom(),
                l.label(), l.getVersion());
    }

    private static Snapshot snap(Facility f) {
        return Snapshot.empty().with("name", f.getName()).with("timeZone", f.getTimeZone());
    }

    private static Snapshot snap(Department d) {
        return Snapshot.empty().with("name", d.getName()).with("facility", d.getFacility().getCode())
                .with("missionImpact", d.getMissionImpact());
    }

    private static String norm(String code) {
        return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
