package org.patchcare.reporting.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.jobs.JobFirings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps {@code exposure_timeline} current: every minute the exposures whose sources changed since the last run (the
 * cursor in {@code metrics_cursor}, less {@link #MARGIN} for transactions that committed late) are written again,
 * {@value TimelineBuilder#CHUNK} per transaction. The first run, and a repair asked for by IT security or an
 * administrator, rebuilds every exposure. One run at a time: the timer skips a tick while a run is going on, a run
 * asked for through {@link MetricsService} waits for it. A run that changed rows then has the whole-hospital charts
 * worked out again ({@link MetricsService#storeSnapshots}); rows written again as they were (the margin finds the same
 * exposures for five minutes after a change) do not count, so the charts are worked out once per change, not at every
 * tick of those five minutes. Its own chunks run as the job's identity (administrator).
 */
@Singleton
@Interceptors(JobFirings.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@RunAs(Roles.ADMIN)
@RolesAllowed(Roles.ADMIN)
public class MetricsJob {

    /** Changes are looked for from this long before the last run's start. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    private static final Logger LOG = Logger.getLogger(MetricsJob.class.getName());
    private final ReentrantLock running = new ReentrantLock();

    @Inject
    TimelineBuilder builder;
    @Inject
    Clock clock;
    @Inject
    org.patchcare.audit.application.AuditService audit;
    @Inject
    jakarta.enterprise.inject.Instance<MetricsService> metrics;
    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", second = "20", persistent = true, info = "refresh the exposure timeline")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.tryLock()) {
            return;
        }
        try {
            TimelineRefresh r = refreshLocked(false, null);
            if (r.exposures() > 0) {
                LOG.info(() -> "Exposure timeline: " + r.exposures() + " exposures refreshed in " + r.millis() + " ms"
                        + (r.full() ? " (full rebuild)" : ""));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing the exposure timeline failed; the next run tries again", e);
        } finally {
            running.unlock();
        }
    }

    /** Runs now (after a run in progress), incrementally or as a full rebuild, asked for by a person (audited). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public TimelineRefresh run(boolean full, String askedBy) {
        running.lock();
        try {
            return refreshLocked(full, askedBy);
        } finally {
            running.unlock();
        }
    }

    private TimelineRefresh refreshLocked(boolean full, String askedBy) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Instant last = builder.lastStart();
        boolean rebuild = full || last == null;
        List<Long> ids = rebuild ? builder.allExposures() : builder.changedSince(last.minus(MARGIN));
        MetricsJob self = context.getBusinessObject(MetricsJob.class);
        long written = 0;
        long changed = 0;
        for (List<Long> chunk : TimelineBuilder.chunks(ids)) {
            TimelineBuilder.Rebuilt r = self.chunk(chunk, started);
            written += r.written();
            changed += r.changed();
        }
        TimelineRefresh result = new TimelineRefresh(rebuild, written, changed, (System.nanoTime() - t0) / 1_000_000,
                started);
        self.finish(result, askedBy);
        if (changed > 0) {
            metrics.get().storeSnapshots();
        }
        return result;
    }

    /** One chunk in its own transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public TimelineBuilder.Rebuilt chunk(List<Long> exposureIds, Instant now) {
        return builder.rebuild(exposureIds, now);
    }

    /** Moves the cursor; a run asked for by a person is audited in the same transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(TimelineRefresh result, String askedBy) {
        builder.finished(result.startedAt(), clock.instant(), result.exposures(), result.changed());
        if (askedBy != null) {
            audit.event("ExposureTimeline", TimelineBuilder.CURSOR, result.full() ? "rebuilt" : "refreshed",
                    (result.full() ? "Full rebuild" : "Refresh") + " asked for by " + askedBy + ": "
                            + result.exposures() + " exposures in " + result.millis() + " ms");
        }
    }
}
