package org.patchcare.advisories.application;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.advisories.domain.Advisory;
import org.patchcare.inventory.application.DeviceChanged;
import org.patchcare.shared.jobs.JobFirings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Incremental matching: a device recorded, or whose model or software version changed, is matched again against every
 * stored advisory a few seconds after its change committed. New exposures appear; a device whose software left an
 * affected range moves its open exposures to fixed. Devices are taken in chunks, each chunk in its own transaction, so
 * a CSV import of many devices does not become one huge transaction.
 */
@Singleton
@Interceptors(JobFirings.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RematchJob {

    static final int CHUNK = 1000;
    private static final Logger LOG = Logger.getLogger(RematchJob.class.getName());
    private static final ConcurrentLinkedQueue<Long> PENDING = new ConcurrentLinkedQueue<>();

    @PersistenceContext
    EntityManager em;
    @Inject
    ExposureMatcher matcher;
    @Resource
    SessionContext context;

    /** Queues a changed device once its transaction has committed. */
    public static void deviceChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeviceChanged event) {
        PENDING.add(event.deviceId());
    }

    /** How many device changes wait to be matched (for tests and monitoring). */
    public static int pending() {
        return PENDING.size();
    }

    /** Per node, on purpose: the queue is this node's memory (changes made through this node). */
    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "re-match changed devices")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void drain() {
        while (!PENDING.isEmpty()) {
            Set<Long> chunk = new LinkedHashSet<>();
            Long id;
            while (chunk.size() < CHUNK && (id = PENDING.poll()) != null) {
                chunk.add(id);
            }
            try {
                context.getBusinessObject(RematchJob.class).rematch(chunk);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Re-matching " + chunk.size() + " changed devices failed; they are queued again", e);
                PENDING.addAll(chunk);
                return;
            }
        }
    }

    /** Matches the given devices against every advisory, in one transaction. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rematch(Set<Long> deviceIds) {
        List<Advisory> advisories = em.createQuery("select a from Advisory a", Advisory.class).getResultList();
        ExposureMatcher.Outcome o = matcher.matchDevices(advisories, deviceIds);
        int created = o.created();
        int fixed = o.fixed();
        if (created + fixed > 0) {
            LOG.info(deviceIds.size() + " changed devices re-matched: " + created + " new exposures, " + fixed
                    + " moved to fixed");
        }
    }
}
