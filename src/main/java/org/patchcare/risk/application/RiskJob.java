package org.patchcare.risk.application;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

import org.patchcare.shared.jobs.JobFirings;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates new and marked exposures every few seconds, {@value #CHUNK} per transaction, until none is left. The marks
 * live in the database, so work survives a restart, and a failed chunk stays marked for the next run.
 */
@Singleton
@Interceptors(JobFirings.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RiskJob {

    static final int CHUNK = 4000;
    private static final Logger LOG = Logger.getLogger(RiskJob.class.getName());
    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    DecisionEngine engine;
    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = true, info = "evaluate exposure decisions")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            RiskJob self = context.getBusinessObject(RiskJob.class);
            long started = System.nanoTime();
            long[] sums = new long[5]; // evaluated, changed, load ms, write ms, roll-up ms
            java.util.Set<Long> departments = new java.util.HashSet<>();
            boolean includeNew = true;
            while (true) {
                Run run = self.evaluateNext(includeNew);
                if (run.pending().causes().isEmpty()) {
                    break;
                }
                sums[0] += run.result().evaluated();
                sums[1] += run.result().changed();
                sums[2] += run.result().loadMillis();
                sums[3] += run.result().writeMillis();
                sums[4] += run.result().rollupMillis();
                departments.addAll(run.result().departments());
                includeNew = run.pending().moreNew();
            }
            if (!departments.isEmpty()) {
                long t = System.nanoTime();
                self.rollUp(departments);
                sums[4] += (System.nanoTime() - t) / 1_000_000;
            }
            if (sums[0] > 0) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                LOG.info(() -> String.format(java.util.Locale.ROOT, "Evaluated %d exposure decisions in %d ms (%d changed; "
                        + "facts %d ms, decide and write %d ms, roll-up %d ms)", sums[0], ms, sums[1], sums[2], sums[3], sums[4]));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Evaluating exposure decisions failed; the marked ones are tried again in 5 s", e);
        } finally {
            running.set(false);
        }
    }

    /** What one chunk found and did. */
    public record Run(DecisionEngine.Pending pending, DecisionEngine.Result result) {
    }

    /** One chunk in its own transaction (an empty pending map: nothing left). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Run evaluateNext(boolean includeNew) {
        DecisionEngine.Pending next = engine.nextPending(CHUNK, includeNew);
        return new Run(next, engine.evaluate(next.causes(), false));
    }

    /** The department roll-up of every department a run touched, once at its end. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rollUp(java.util.Set<Long> departments) {
        engine.refreshDepartments(departments);
    }

    /** Starts a run now instead of at the next tick (after a KEV or EPSS load); a run in progress carries on. */
    @jakarta.ejb.Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void soon() {
        drain();
    }
}
