package org.patchcare.notifications.domain;

import static org.patchcare.shared.domain.Texts.cut;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One e-mail waiting to be sent (or sent, or given up): written by {@code NotificationService.notify} in the notifying
 * change's transaction, so a rolled-back change sends nothing and a crash after the commit loses nothing. Only the
 * mail job changes it afterwards, one row at a time, so it carries no version: the job claims a row with a
 * conditional update instead (ADR 11).
 */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

    public static final int ADDRESS_MAX = 254;
    public static final int ERROR_MAX = 1000;

    /** Where a mail stands. */
    public enum Status { PENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
    private Long id;
    @Column(nullable = false, updatable = false, length = 64)
    private String recipient;
    @Column(name = "to_address", nullable = false, updatable = false, length = ADDRESS_MAX)
    private String toAddress;
    @Column(nullable = false, updatable = false, length = Notification.SUBJECT_MAX)
    private String subject;
    @Column(nullable = false, updatable = false, length = Notification.BODY_MAX)
    private String body;
    @Column(updatable = false, length = Notification.LINK_MAX)
    private String link;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Status status = Status.PENDING;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "last_error", length = ERROR_MAX)
    private String lastError;
    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMail() {
    }

    /** The mail of a notification (already checked and cut to size) to {@code toAddress}, due at once. */
    public OutboxMail(Notification n, String toAddress) {
        this.recipient = n.getRecipient();
        this.toAddress = cut(toAddress.strip(), ADDRESS_MAX);
        this.subject = n.getSubject();
        this.body = n.getBody();
        this.link = n.getLink();
        this.createdAt = n.getCreatedAt();
        this.nextAttemptAt = n.getCreatedAt();
    }

    public Long getId() { return id; }
    public String getRecipient() { return recipient; }
    public String getToAddress() { return toAddress; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getLink() { return link; }
    public Instant getCreatedAt() { return createdAt; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getSentAt() { return sentAt; }
}
