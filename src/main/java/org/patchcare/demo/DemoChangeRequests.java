package org.patchcare.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.downtime.domain.ChangeRequest;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.DowntimeWindow;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Three change requests for the demo screens: a draft of IT security, one of biomed waiting for the demo clinical
 * manager's approval next week (IT security approved it already), and an approved one in the emergency department.
 * Runs in the bootstrap's transaction after the devices and users exist.
 */
@Dependent
public class DemoChangeRequests {

    @PersistenceContext
    EntityManager em;

    public void load(Instant now) {
        List<Object[]> icu = devices("ICU");
        List<Object[]> ed = devices("ED");
        if (icu.size() < 2 || ed.isEmpty()) {
            return;
        }
        Instant nextWeek = now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7)).plus(Duration.ofHours(14));
        ChangeRequest.Approver itsec = new ChangeRequest.Approver("itsec", true, false, Set.of(), Map.of());

        ChangeRequest waiting = request("Infusion pump firmware update", ChangeRequestKind.PATCH, "biomed",
                "Install the vendor's validated firmware release from the service laptop; verify drug library after "
                        + "restart.", icu.getFirst(), nextWeek, 90, now);
        waiting.submit(Set.of(id(icu.getFirst(), 1)), "biomed", now, "ward informed, loan pump reserved");
        waiting.approve(itsec, now, "firmware hash checked against the vendor bulletin", null);
        stamp(waiting, "biomed", now);

        ChangeRequest approved = request("Monitor network hardening", ChangeRequestKind.CONFIGURATION_CHANGE, "biomed",
                "Disable Telnet and SMBv1 on the central station, per the manufacturer's hardening guide.", ed.getFirst(),
                nextWeek.plus(Duration.ofDays(2)), 60, now);
        approved.submit(Set.of(id(ed.getFirst(), 1)), "biomed", now, null);
        approved.approve(itsec, now, null, null);
        approved.approve(new ChangeRequest.Approver("manager", false, true, Set.of(id(ed.getFirst(), 1)), Map.of()),
                now, "night shift, two spare monitors on the ward", null);
        stamp(approved, "biomed", now);

        ChangeRequest draft = request("Replace end-of-support workstation", ChangeRequestKind.REPLACEMENT, "itsec",
                "Swap the workstation for the supported model and migrate its configuration.", icu.get(1),
                nextWeek.plus(Duration.ofDays(5)), 180, now);
        stamp(draft, "itsec", now);
    }

    private ChangeRequest request(String title, ChangeRequestKind kind, String requester, String action, Object[] device,
                                  Instant start, int minutes, Instant now) {
        ChangeRequest cr = new ChangeRequest(new ChangeRequest.Details(kind, title, action, "VENDOR-" + minutes, true,
                minutes, "The device is taken out of use for the window; patients move to a spare unit.",
                "One spare unit from the biomed pool", "Restore the previous version from the vendor's image", "biomed",
                false), List.of(id(device, 0)), List.of(), requester, now);
        cr.touch(requester, now);
        em.persist(cr);
        DowntimeWindow w = new DowntimeWindow(cr.getId(), id(device, 0), start, start.plus(Duration.ofMinutes(minutes)),
                ZoneId.of((String) device[2]), "biomed");
        w.touch(requester, now);
        em.persist(w);
        return cr;
    }

    /** Stamps the request and its approvals; its windows follow its state, as the service makes them. */
    private void stamp(ChangeRequest cr, String actor, Instant now) {
        cr.touch(actor, now);
        cr.getApprovals().forEach(a -> a.touch(actor, now));
        em.createQuery("select w from DowntimeWindow w where w.changeRequestId = :id", DowntimeWindow.class)
                .setParameter("id", cr.getId()).getResultList()
                .forEach(w -> w.changeStatus(ChangeRequest.windowStatusFor(cr.getStatus())));
    }

    /** Two in-service devices of a department: id, department id, facility zone. */
    private List<Object[]> devices(String department) {
        em.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.department_id, f.time_zone FROM device d "
                + "JOIN department dep ON dep.id = d.department_id JOIN facility f ON f.id = dep.facility_id "
                + "WHERE dep.code = ?1 AND d.status = 'IN_SERVICE' ORDER BY d.asset_tag").setParameter(1, department)
                .setMaxResults(2).getResultList();
        return rows;
    }

    private static long id(Object[] row, int column) {
        return ((Number) row[column]).longValue();
    }
}
