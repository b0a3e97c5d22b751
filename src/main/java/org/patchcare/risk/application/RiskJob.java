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

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Evaluates new and marked exposures every few seconds, {@value #CHUNK} per transaction, until none is left. The marks
 * live in the database, so work survives a restart, and a failed chunk stays marked for the next run.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RiskJob {

    static final int CHUNK = 2000;
    private static final Logger LOG = Logger.getLogger(RiskJob.class.getName());
    private final AtomicBoolean running = new AtomicBoolean();

    @Inject
    DecisionEngine engine;
    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "evaluate exposure decisions")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void drain() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            RiskJob self = context.getBusinessObject(RiskJob.class);
            long started = System.nanoTime();
            int total = 0;
            int n;
            do {
                n = self.evaluateNext();
                total += n;
            } while (n > 0);
            if (total > 0) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                int evaluated = total;
                LOG.info(() -> "Evaluated " + evaluated + " exposure decisions in " + ms + " ms");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Evaluating exposure decisions failed; the marked ones are tried again in 5 s", e);
        } finally {
            running.set(false);
        }
    }

    /** One chunk in its own transaction; returns how many were evaluated (0 = nothing left). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int evaluateNext() {
        Map<Long, String> next = engine.nextPending(CHUNK);
        if (next.isEmpty()) {
            return 0;
        }
        engine.evaluate(next);
        return next.size();
    }
}
