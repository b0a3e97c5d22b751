package org.patchcare.downtime.application;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

import org.patchcare.shared.jobs.JobFirings;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every minute, once in the cluster (a persistent timer in the shared database, docs/clustering.md): expires change
 * requests whose windows passed, reminds before windows and escalates overdue approvals ({@link DowntimeJobService}).
 * Runs as administrator; a failed run is tried again at the next tick.
 */
@Singleton
@Interceptors(JobFirings.class)
@RunAs(org.patchcare.shared.domain.Roles.ADMIN)
public class DowntimeJob {

    private static final Logger LOG = Logger.getLogger(DowntimeJob.class.getName());
    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    DowntimeJobService work;
    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*", second = "45", persistent = true, info = "downtime expiry, reminders and escalation")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            DowntimeJobService.JobReport r = work.run(clock.instant());
            if (r.expired() + r.reminded() + r.escalated() > 0) {
                LOG.info(() -> "Downtime: " + r.expired() + " change requests expired, " + r.reminded()
                        + " windows reminded, " + r.escalated() + " approvals escalated");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The downtime job failed; tried again at the next tick", e);
        } finally {
            running.set(false);
        }
    }
}
