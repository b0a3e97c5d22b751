package org.patchcare.notifications.application;

import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.notifications.domain.OutboxMail;
import org.patchcare.shared.jobs.JobFirings;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.patchcare.shared.domain.Texts.cut;

/**
 * Sends the mail outbox (ADR 11): a timer ticks every second and, while mail is enabled, starts a
 * {@link MailDelivery} run every {@code PATCHCARE_MAIL_INTERVAL} seconds (one at a time). Sending happens outside any
 * transaction; each outbox step (due, claim, sent, failed) commits alone, so a slow or dead SMTP server never holds a
 * database transaction, let alone the notifying caller's.
 */
@Singleton
@Interceptors(JobFirings.class)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MailJob {

    private static final Logger LOG = Logger.getLogger(MailJob.class.getName());
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant nextRun = Instant.MIN;
    private volatile MailDelivery delivery;

    @PersistenceContext
    EntityManager em;
    @Inject
    MailSettings settings;
    @Inject
    Clock clock;
    @Resource
    SessionContext context;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = true, info = "send the mail outbox")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!settings.enabled() || clock.instant().isBefore(nextRun) || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            context.getBusinessObject(MailJob.class).drain();
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    /**
     * One run, off the timer thread (a long SMTP conversation must not make the timer skip and warn every second);
     * {@link #tick()} starts it only when no run is going.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void drain() {
        try {
            MailDelivery.Report r = delivery().run(outbox());
            if (r.any()) {
                LOG.info(() -> "Mail: " + r.sent() + " sent, " + r.retried() + " to be retried, " + r.gaveUp()
                        + " given up");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sending the mail outbox failed; tried again in " + settings.interval(), e);
        } finally {
            nextRun = clock.instant().plus(settings.interval());
            running.set(false);
        }
    }

    private MailDelivery delivery() {
        if (delivery == null) {
            delivery = new MailDelivery(settings, new MailSender(settings), clock);
        }
        return delivery;
    }

    private MailDelivery.Outbox outbox() {
        MailJob self = context.getBusinessObject(MailJob.class);
        return new MailDelivery.Outbox() {
            @Override
            public List<Long> due(Instant now, int limit) {
                return self.due(now, limit);
            }

            @Override
            public Optional<MailDelivery.Pending> claim(long id, Instant now, Instant leaseUntil) {
                return Optional.ofNullable(self.claim(id, now, leaseUntil));
            }

            @Override
            public void sent(long id, Instant at) {
                self.sent(id, at);
            }

            @Override
            public void failed(long id, String error, Instant retryAt) {
                self.failed(id, error, retryAt);
            }
        };
    }

    /** Ids of the pending mails due at {@code now}, oldest first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due(Instant now, int limit) {
        return em.createQuery("select m.id from OutboxMail m where m.status = :pending and m.nextAttemptAt <= :now "
                        + "order by m.nextAttemptAt, m.id", Long.class)
                .setParameter("pending", OutboxMail.Status.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /** Claims a due pending mail by moving it out of reach until {@code leaseUntil}; null when it is not (or no more) due. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public MailDelivery.Pending claim(long id, Instant now, Instant leaseUntil) {
        int taken = em.createQuery("update OutboxMail m set m.nextAttemptAt = :lease, m.attempts = m.attempts + 1 "
                        + "where m.id = :id and m.status = :pending and m.nextAttemptAt <= :now")
                .setParameter("lease", leaseUntil).setParameter("id", id)
                .setParameter("pending", OutboxMail.Status.PENDING).setParameter("now", now).executeUpdate();
        if (taken == 0) {
            return null;
        }
        OutboxMail m = em.find(OutboxMail.class, id);
        return new MailDelivery.Pending(id, m.getToAddress(), m.getSubject(), m.getBody(), m.getLink(),
                m.getCreatedAt(), m.getAttempts());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long id, Instant at) {
        em.createQuery("update OutboxMail m set m.status = :sent, m.sentAt = :at, m.lastError = null where m.id = :id")
                .setParameter("sent", OutboxMail.Status.SENT).setParameter("at", at).setParameter("id", id)
                .executeUpdate();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(long id, String error, Instant retryAt) {
        String message = cut(error, OutboxMail.ERROR_MAX);
        if (retryAt == null) {
            em.createQuery("update OutboxMail m set m.status = :failed, m.lastError = :error where m.id = :id")
                    .setParameter("failed", OutboxMail.Status.FAILED).setParameter("error", message)
                    .setParameter("id", id).executeUpdate();
        } else {
            em.createQuery("update OutboxMail m set m.lastError = :error, m.nextAttemptAt = :retry where m.id = :id")
                    .setParameter("error", message).setParameter("retry", retryAt).setParameter("id", id)
                    .executeUpdate();
        }
    }
}
