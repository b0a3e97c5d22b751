package org.patchcare.notifications.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.notifications.domain.Notification;
import org.patchcare.notifications.domain.OutboxMail;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Tells people things. {@link #notify} is the single way in for every context: an in-app message and, while mail is
 * enabled and the recipient has an e-mail address, a row in the mail outbox that {@link MailJob} sends later (ADR 11).
 * Both are written in the caller's transaction, so nothing is sent for a change that rolled back and nothing is lost
 * in a crash after the commit. Everyone reads and marks only their own messages.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class NotificationService {

    /** The most messages one list shows. */
    public static final int LIST_MAX = 100;
    private static final Logger LOG = Logger.getLogger(NotificationService.class.getName());

    @PersistenceContext
    EntityManager em;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    MailSettings mail;

    /**
     * A message for {@code recipient} (a username). {@code link} is a route inside PatchCare such as
     * {@code controls}; may be null. Unknown recipients are refused. Also queues an e-mail (subject, body and the
     * absolute deep link) when mail is enabled and the recipient has an e-mail address.
     */
    public void notify(String recipient, String subject, String body, String link) {
        List<?> found = em.createNativeQuery("SELECT email FROM app_user WHERE username = ?1")
                .setParameter(1, recipient == null ? "" : recipient.strip()).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("User", recipient);
        }
        Notification n = new Notification(recipient, subject, body, link, clock.instant());
        em.persist(n);
        String address = (String) found.getFirst();
        boolean mailed = mail.enabled() && address != null && !address.isBlank();
        if (mailed) {
            em.persist(new OutboxMail(n, address));
        }
        LOG.fine(() -> "notified " + recipient + (mailed ? " (and queued a mail)" : "") + ": " + subject);
    }

    /** The caller's messages, newest first (at most {@value #LIST_MAX}). */
    public List<NotificationView> myNotifications(boolean unreadOnly) {
        return em.createQuery("select n from Notification n where n.recipient = :me"
                        + (unreadOnly ? " and n.readAt is null" : "") + " order by n.createdAt desc, n.id desc",
                        Notification.class)
                .setParameter("me", currentUser.username()).setMaxResults(LIST_MAX).getResultStream()
                .map(NotificationService::view).toList();
    }

    /**
     * One page of the caller's messages, newest first, for the lazy list: {@code limit} is capped at
     * {@value #LIST_MAX}.
     */
    public List<NotificationView> myNotificationsPage(boolean unreadOnly, int offset, int limit) {
        return em.createQuery("select n from Notification n where n.recipient = :me"
                        + (unreadOnly ? " and n.readAt is null" : "") + " order by n.createdAt desc, n.id desc",
                        Notification.class)
                .setParameter("me", currentUser.username()).setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.clamp(limit, 1, LIST_MAX)).getResultStream()
                .map(NotificationService::view).toList();
    }

    /** How many messages the caller has (only unread ones when {@code unreadOnly}). */
    public long myNotificationCount(boolean unreadOnly) {
        return em.createQuery("select count(n) from Notification n where n.recipient = :me"
                + (unreadOnly ? " and n.readAt is null" : ""), Long.class)
                .setParameter("me", currentUser.username()).getSingleResult();
    }

    public long unreadCount() {
        return em.createQuery("select count(n) from Notification n where n.recipient = :me and n.readAt is null",
                Long.class).setParameter("me", currentUser.username()).getSingleResult();
    }

    /** Marks one of the caller's messages read; other people's messages are not found. */
    public NotificationView markRead(String id) {
        Notification n = em.createQuery("select n from Notification n where n.publicId = :id and n.recipient = :me",
                        Notification.class).setParameter("id", id == null ? "" : id.strip())
                .setParameter("me", currentUser.username()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Notification", id));
        n.read(clock.instant());
        return view(n);
    }

    /** Marks every message of the caller read; returns how many were unread. */
    public int markAllRead() {
        return em.createQuery("update Notification n set n.readAt = :now where n.recipient = :me and n.readAt is null")
                .setParameter("now", clock.instant()).setParameter("me", currentUser.username()).executeUpdate();
    }

    private static NotificationView view(Notification n) {
        return new NotificationView(n.getPublicId(), n.getSubject(), n.getBody(), n.getLink(), n.getCreatedAt(),
                n.getReadAt());
    }
}
