package org.patchcare.risk.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.risk.application.MitigationViews.ExpiryReport;
import org.patchcare.risk.application.RiskLookup.ExposureRef;
import org.patchcare.risk.domain.AcceptanceStatus;
import org.patchcare.risk.domain.CompensatingControl;
import org.patchcare.risk.domain.ControlStatus;
import org.patchcare.risk.domain.RiskAcceptance;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;

/**
 * Ends what has run out and warns before it does, in one transaction with the audit trail and the marks for
 * re-evaluation: active controls past their expiry become expired (their exposures are decided again), approved risk
 * acceptances past their end become expired (the exposure returns to the work queue and its SLA clock starts again the
 * day after), and owners of controls and requesters of acceptances ending within {@code PATCHCARE_RISK_WARN_DAYS} get
 * one notification each. Run hourly by {@link RiskExpiryJob}; IT security and administrators may run it at once.
 */
@Stateless
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
public class ExpiryService {

    private static final Logger LOG = Logger.getLogger(ExpiryService.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    DecisionEngine engine;
    @Inject
    RiskLookup lookup;
    @Inject
    RiskSettings settings;
    @Inject
    NotificationService notifications;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    public ExpiryReport run() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int warnDays = settings.policy().warnDays();
        String actor = currentUser.username();
        int controlsExpired = 0;
        int acceptancesExpired = 0;
        int warnings = 0;

        for (CompensatingControl c : controls("c.expiresOn < :day", today)) {
            if (c.expireIfDue(today)) {
                c.touch(actor, now);
                audit.changed(ControlService.AUDIT_TYPE, c.getPublicId(), Snapshot.empty().with("status", ControlStatus.ACTIVE),
                        Snapshot.empty().with("status", c.getStatus()), c.getStatusReason());
                engine.markControl(c.getId(), "control " + c.shortName() + " expired");
                tell(c.getOwner(), "Control expired: " + c.getTitle(), c.label() + " expired on " + c.getExpiresOn()
                        + "; the exposures it is attached to are decided without it. Renew it with a new expiry date if "
                        + "it is still in place.", "controls");
                controlsExpired++;
            }
        }
        for (RiskAcceptance a : acceptances("a.expiresOn < :day", today)) {
            if (a.expireIfDue(today)) {
                a.touch(actor, now);
                audit.changed(AcceptanceService.AUDIT_TYPE, a.getPublicId(),
                        Snapshot.empty().with("status", AcceptanceStatus.APPROVED), Snapshot.empty().with("status", a.getStatus()),
                        "ended on " + a.getExpiresOn());
                engine.markExposures(List.of(a.getExposureId()), "risk acceptance expired: SLA clock restarts");
                ExposureRef e = lookup.exposure(a.getExposureId());
                tell(a.getRequestedBy(), "Risk acceptance ended: " + e.cve() + " on " + e.device().assetTag(),
                        "The risk acceptance of " + e.cve() + " on " + e.device().assetTag() + " ended on "
                                + a.getExpiresOn() + ". The exposure is back in the work queue and its due date counts "
                                + "from the day after.", "acceptances");
                acceptancesExpired++;
            }
        }
        for (CompensatingControl c : controls("c.expiresOn <= :day and c.warnedAt is null", today.plusDays(warnDays))) {
            if (c.needsWarning(today, warnDays)) {
                c.warned(now);
                tell(c.getOwner(), "Control expires on " + c.getExpiresOn() + ": " + c.getTitle(), c.label()
                        + " expires on " + c.getExpiresOn() + ". Check it is still in place and renew it with a new "
                        + "expiry date, or withdraw it.", "controls");
                audit.event(ControlService.AUDIT_TYPE, c.getPublicId(), "expiry warning", "sent to " + c.getOwner());
                warnings++;
            }
        }
        for (RiskAcceptance a : acceptances("a.expiresOn <= :day and a.warnedAt is null", today.plusDays(warnDays))) {
            if (a.needsWarning(today, warnDays)) {
                a.warned(now);
                ExposureRef e = lookup.exposure(a.getExposureId());
                tell(a.getRequestedBy(), "Risk acceptance ends on " + a.getExpiresOn() + ": " + e.cve() + " on "
                        + e.device().assetTag(), "The risk acceptance of " + e.cve() + " on " + e.device().assetTag()
                        + " ends on " + a.getExpiresOn() + ". Patch or mitigate the device by then, or request a new "
                        + "acceptance.", "acceptances");
                audit.event(AcceptanceService.AUDIT_TYPE, a.getPublicId(), "expiry warning", "sent to " + a.getRequestedBy());
                warnings++;
            }
        }
        ExpiryReport report = new ExpiryReport(controlsExpired, acceptancesExpired, warnings);
        LOG.fine(() -> "expiry run: " + report);
        return report;
    }

    private List<CompensatingControl> controls(String condition, LocalDate day) {
        return em.createQuery("select c from CompensatingControl c where c.status = :s and " + condition
                        + " order by c.expiresOn, c.id", CompensatingControl.class)
                .setParameter("s", ControlStatus.ACTIVE).setParameter("day", day).getResultList();
    }

    private List<RiskAcceptance> acceptances(String condition, LocalDate day) {
        return em.createQuery("select a from RiskAcceptance a where a.status = :s and " + condition
                        + " order by a.expiresOn, a.id", RiskAcceptance.class)
                .setParameter("s", AcceptanceStatus.APPROVED).setParameter("day", day).getResultList();
    }

    /** A notification, unless the person no longer exists (the change itself is audited either way). */
    private void tell(String username, String subject, String body, String link) {
        if (lookup.userExists(username)) {
            notifications.notify(username, subject, body, link);
        } else {
            LOG.warning("No user '" + username + "' to tell: " + subject);
        }
    }
}
