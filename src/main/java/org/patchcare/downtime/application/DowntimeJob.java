package org.patchcare.downtime.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code PATCHCARE_DOWNTIME_JOB_SECONDS} (60): expires change requests whose windows passed, reminds before
 * windows and escalates overdue approvals ({@link DowntimeJobService}). Runs as administrator; a failed run is tried
 * again at the next tick.
 */
@Singleton
@Startup
@jakarta.ejb.DependsOn("DatabaseMigrator")
@RunAs(org.patchcare.shared.domain.Roles.ADMIN)
public class DowntimeJob {

    private static final Logger LOG = Logger.getLogger(DowntimeJob.class.getName());
    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    TimerService timers;
    @Inject
    DowntimeSettings settings;
    @Inject
    DowntimeJobService work;
    @Inject
    Clock clock;

    @PostConstruct
    void schedule() {
        long ms = settings.jobInterval().toMillis();
        timers.createIntervalTimer(ms, ms, new TimerConfig("downtime expiry, reminders and escalation", false));
    }

    @Timeout
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
