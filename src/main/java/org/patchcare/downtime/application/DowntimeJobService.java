package org.patchcare.downtime.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.downtime.domain.Approval;
import org.patchcare.downtime.domain.ApprovalStatus;
import org.patchcare.downtime.domain.ApproverRole;
import org.patchcare.downtime.domain.ChangeRequest;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.DowntimeWindow;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The periodic work of the downtime workflow ({@link DowntimeJob} calls it; tests call it with another "now"):
 * requests whose windows all ended without starting expire; the people of a window are reminded before it starts;
 * approvals pending too long escalate to the department's clinical managers (IT security for IT security's slot) and
 * to the administrators. Each reminder and escalation happens once.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class DowntimeJobService {

    @PersistenceContext
    EntityManager em;
    @Inject
    DowntimeLookup lookup;
    @Inject
    DowntimeSettings settings;
    @Inject
    NotificationService notifications;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;

    /** What one run did. */
    public record JobReport(int expired, int reminded, int escalated) {
    }

    public JobReport run(Instant now) {
        return new JobReport(expire(now), remind(now), escalate(now));
    }

    private int expire(Instant now) {
        List<ChangeRequest> due = em.createQuery("select c from ChangeRequest c where c.status in :s and c.startedAt is "
                        + "null and exists (select w from DowntimeWindow w where w.changeRequestId = c.id) and not exists "
                        + "(select w from DowntimeWindow w where w.changeRequestId = c.id and w.endsAt > :now)",
                ChangeRequest.class).setParameter("s", ChangeRequestService.EXPIRABLE).setParameter("now", now)
                .setMaxResults(500).getResultList();
        for (ChangeRequest cr : due) {
            Snapshot before = ChangeRequestService.snapshot(cr);
            cr.move(ChangeRequestStatus.EXPIRED, CurrentUser.SYSTEM, now, "all its windows ended before it started");
            ChangeRequestService.stamp(cr, true, CurrentUser.SYSTEM, now);
            ChangeRequestService.followWindows(cr, em.createQuery("select w from DowntimeWindow w where "
                            + "w.changeRequestId = :id", DowntimeWindow.class).setParameter("id", cr.getId()).getResultList(),
                    CurrentUser.SYSTEM, now);
            audit.changed(ChangeRequestService.AUDIT_TYPE, cr.getPublicId(), before,
                    ChangeRequestService.snapshot(cr), "expired: all its windows ended before it started");
            tell(cr.getRequestedBy(), cr, cr.getReference() + " expired", cr.getReference() + " " + cr.getTitle()
                    + " expired: all its downtime windows ended before the work started. Propose new windows in a "
                    + "new request.");
        }
        return due.size();
    }

    private int remind(Instant now) {
        List<DowntimeWindow> soon = em.createQuery("select w from DowntimeWindow w where w.status = :s and "
                        + "w.remindedAt is null and w.startsAt > :now and w.startsAt <= :until", DowntimeWindow.class)
                .setParameter("s", WindowStatus.APPROVED).setParameter("now", now)
                .setParameter("until", now.plus(settings.reminderBefore())).setMaxResults(500).getResultList();
        for (DowntimeWindow w : soon) {
            ChangeRequest cr = em.find(ChangeRequest.class, w.getChangeRequestId());
            var device = lookup.devicesById(List.of(w.getDeviceId())).get(w.getDeviceId());
            Set<String> told = new LinkedHashSet<>();
            if (w.getTechnician() != null) {
                told.add(w.getTechnician());
            }
            told.add(cr.getRequestedBy());
            told.addAll(lookup.clinicalManagers(device.departmentId()));
            String subject = "Downtime soon: " + device.ref().assetTag() + " (" + cr.getReference() + ")";
            String body = device.ref().assetTag() + " " + device.ref().name() + " in " + device.ref().departmentName()
                    + " goes down from " + w.getStartsAt().atZone(w.getZone()) + " to " + w.getEndsAt().atZone(w.getZone())
                    + " for " + cr.getReference() + " " + cr.getTitle() + "."
                    + (cr.getBackupEquipment() == null ? "" : " Backup: " + cr.getBackupEquipment());
            told.forEach(u -> tell(u, cr, subject, body));
            w.reminded(now);
            w.touch(CurrentUser.SYSTEM, now);
        }
        return soon.size();
    }

    private int escalate(Instant now) {
        List<Approval> late = em.createQuery("select a from Approval a join a.request c where a.status = :pending and "
                        + "a.escalatedAt is null and c.submittedAt <= :before and (c.status = :submitted or "
                        + "(c.needsReview = true and a.afterStart = true))", Approval.class)
                .setParameter("pending", ApprovalStatus.PENDING).setParameter("submitted", ChangeRequestStatus.SUBMITTED)
                .setParameter("before", now.minus(settings.escalateAfter())).setMaxResults(500).getResultList();
        for (Approval a : late) {
            ChangeRequest cr = a.getRequest();
            Set<String> told = new LinkedHashSet<>(a.getRole() == ApproverRole.SECURITY
                    ? lookup.usersWithRole(Roles.IT_SECURITY) : lookup.clinicalManagers(a.getDepartmentId()));
            told.addAll(lookup.usersWithRole(Roles.ADMIN));
            told.remove(cr.getRequestedBy());
            String who = a.getRole() == ApproverRole.SECURITY ? "IT security" : "the clinical manager of "
                    + lookup.departments(List.of(a.getDepartmentId())).get(a.getDepartmentId())[1];
            String subject = "Overdue approval: " + cr.getReference() + " " + cr.getTitle();
            String body = cr.getReference() + " has waited since " + cr.getSubmittedAt() + " for the approval of "
                    + who + ". Please decide, or ask a colleague to.";
            told.forEach(u -> tell(u, cr, subject, body));
            a.escalated(now);
            a.touch(CurrentUser.SYSTEM, now);
            if (cr.getEscalatedAt() == null) {
                // no version bump of the request: escalation is bookkeeping, not an edit someone could lose
                em.createNativeQuery("UPDATE change_request SET escalated_at = ?1 WHERE id = ?2")
                        .setParameter(1, java.sql.Timestamp.from(now)).setParameter(2, cr.getId()).executeUpdate();
            }
            audit.event(ChangeRequestService.AUDIT_TYPE, cr.getPublicId(), "approval escalated",
                    "approval of " + who + " pending since " + cr.getSubmittedAt());
        }
        return late.size();
    }

    private void tell(String user, ChangeRequest cr, String subject, String body) {
        if (user != null && lookup.userExists(user)) {
            notifications.notify(user, subject, body, "change-requests/" + cr.getPublicId());
        }
    }
}
