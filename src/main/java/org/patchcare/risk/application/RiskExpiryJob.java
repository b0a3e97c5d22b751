package org.patchcare.risk.application;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.patchcare.risk.application.MitigationViews.ExpiryReport;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.jobs.JobFirings;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hourly: expires controls and risk acceptances that ran out and warns their owners ahead ({@link ExpiryService}).
 * Runs as administrator; the audit trail names the job's work as "system". Tests call {@link ExpiryService#run()}.
 */
@Singleton
@Interceptors(JobFirings.class)
@RunAs(Roles.ADMIN)
public class RiskExpiryJob {

    private static final Logger LOG = Logger.getLogger(RiskExpiryJob.class.getName());

    @Inject
    ExpiryService expiry;

    @Schedule(hour = "*", minute = "7", persistent = true, info = "expire controls and risk acceptances, warn owners")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            ExpiryReport r = expiry.run();
            if (r.controlsExpired() + r.acceptancesExpired() + r.warningsSent() > 0) {
                LOG.info(() -> "Expiry: " + r.controlsExpired() + " controls and " + r.acceptancesExpired()
                        + " risk acceptances expired, " + r.warningsSent() + " warnings sent");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Expiring controls and risk acceptances failed; tried again in an hour", e);
        }
    }
}
