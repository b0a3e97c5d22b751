package org.patchcare.downtime.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.downtime.application.DowntimeFacts.DepartmentRef;
import org.patchcare.downtime.application.DowntimeViews.BlackoutView;
import org.patchcare.downtime.domain.BlackoutRule;
import org.patchcare.downtime.domain.BlackoutWindow;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Blackout windows per department. Read by everyone; written by ADMIN and by clinical managers of the department.
 * Every change is audited in its transaction; a stale version is refused (409).
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class BlackoutService {

    static final String AUDIT_TYPE = "BlackoutWindow";

    @PersistenceContext
    EntityManager em;
    @Inject
    DowntimeFacts facts;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    /** All blackouts, or one department's when {@code departmentCode} is not null. */
    public List<BlackoutView> list(String departmentCode) {
        List<BlackoutWindow> found;
        if (departmentCode == null || departmentCode.isBlank()) {
            found = em.createQuery("select b from BlackoutWindow b", BlackoutWindow.class).getResultList();
        } else {
            DepartmentRef d = facts.department(departmentCode, "department");
            found = em.createQuery("select b from BlackoutWindow b where b.departmentId = :d", BlackoutWindow.class)
                    .setParameter("d", d.id()).getResultList();
        }
        Map<Long, DepartmentRef> deps = found.stream().map(BlackoutWindow::getDepartmentId).distinct()
                .collect(Collectors.toMap(Function.identity(), facts::department));
        return found.stream().map(b -> view(b, deps.get(b.getDepartmentId())))
                .sorted(Comparator.comparing(BlackoutView::departmentCode).thenComparing(BlackoutView::title)).toList();
    }

    public BlackoutView get(String id) {
        BlackoutWindow b = require(id);
        return view(b, facts.department(b.getDepartmentId()));
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.ADMIN})
    public BlackoutView create(BlackoutCommand command) {
        require(command);
        DepartmentRef d = facts.department(command.departmentCode(), "departmentCode");
        requireMine(d);
        BlackoutWindow b = new BlackoutWindow(d.id(), rule(command), command.active());
        b.touch(currentUser.username(), clock.instant());
        em.persist(b);
        audit.created(AUDIT_TYPE, b.getPublicId(), snapshot(b, d));
        return view(b, d);
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.ADMIN})
    public BlackoutView update(String id, Integer version, BlackoutCommand command) {
        require(command);
        BlackoutWindow b = require(id);
        checkVersion(b, version);
        DepartmentRef before = facts.department(b.getDepartmentId());
        requireMine(before);
        DepartmentRef d = facts.department(command.departmentCode(), "departmentCode");
        requireMine(d);
        Snapshot old = snapshot(b, before);
        b.change(d.id(), rule(command), command.active());
        b.touch(currentUser.username(), clock.instant());
        facts.flush("Blackout", b.getTitle());
        audit.changed(AUDIT_TYPE, b.getPublicId(), old, snapshot(b, d), null);
        return view(b, d);
    }

    @RolesAllowed({Roles.CLINICAL_MANAGER, Roles.ADMIN})
    public void delete(String id, Integer version) {
        BlackoutWindow b = require(id);
        checkVersion(b, version);
        DepartmentRef d = facts.department(b.getDepartmentId());
        requireMine(d);
        audit.deleted(AUDIT_TYPE, b.getPublicId(), snapshot(b, d), null);
        em.remove(b);
        facts.flush("Blackout", b.getTitle());
    }

    private void requireMine(DepartmentRef d) {
        if (currentUser.limitedToOwnDepartments()
                && !facts.departmentsOf(currentUser.username()).contains(d.id())) {
            throw new InvalidInputException("departmentCode", "You may only change blackouts of the departments you "
                    + "manage; " + d.code() + " is not one of them.");
        }
    }

    private static void require(BlackoutCommand command) {
        if (command == null) {
            throw new InvalidInputException("blackout", "Send the blackout's fields.");
        }
    }

    private static BlackoutRule rule(BlackoutCommand c) {
        return new BlackoutRule(c.title(), c.recurring(), c.days(), c.localStart(), c.localEnd(), c.firstDay(),
                c.lastDay());
    }

    private BlackoutWindow require(String id) {
        return em.createQuery("select b from BlackoutWindow b where b.publicId = :id", BlackoutWindow.class)
                .setParameter("id", id == null ? "" : id.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Blackout", id));
    }

    private static void checkVersion(BlackoutWindow b, Integer version) {
        if (version == null) {
            throw new InvalidInputException("version", "Send the version you saw, so nobody's change is overwritten.");
        }
        if (b.getVersion() != version) {
            throw ConflictException.staleEdit("Blackout", b.getTitle());
        }
    }

    static BlackoutView view(BlackoutWindow b, DepartmentRef d) {
        BlackoutRule r = b.rule();
        return new BlackoutView(b.getPublicId(), d.code(), d.name(), r.title(), r.recurring(), r.days(), r.localStart(),
                r.localEnd(), r.firstDay(), r.lastDay(), b.isActive(), b.getVersion());
    }

    private static Snapshot snapshot(BlackoutWindow b, DepartmentRef d) {
        BlackoutRule r = b.rule();
        return Snapshot.empty().with("department", d.code()).with("title", r.title()).with("recurring", r.recurring())
                .with("days", BlackoutRule.formatDays(r.days())).with("localStart", r.localStart())
                .with("localEnd", r.localEnd()).with("firstDay", r.firstDay()).with("lastDay", r.lastDay())
                .with("active", b.isActive());
    }
}
