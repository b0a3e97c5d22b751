package org.patchcare.notifications.domain;

import static org.patchcare.shared.domain.Texts.cut;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.util.UUID;

/**
 * A message for one person, shown in the app (the bell in the header) until read. Written once; only the moment it
 * was read changes, by its recipient alone, so it carries no version.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public static final int SUBJECT_MAX = 300;
    public static final int BODY_MAX = 2000;
    public static final int LINK_MAX = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
    private Long id;
    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(nullable = false, updatable = false, length = 64)
    private String recipient;
    @Column(nullable = false, updatable = false, length = SUBJECT_MAX)
    private String subject;
    @Column(nullable = false, updatable = false, length = BODY_MAX)
    private String body;
    @Column(updatable = false, length = LINK_MAX)
    private String link;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    /** {@code link} is a route inside PatchCare (e.g. {@code controls}), or null. */
    public Notification(String recipient, String subject, String body, String link, Instant createdAt) {
        if (recipient == null || recipient.isBlank()) {
            throw new InvalidInputException("recipient", "A notification needs a recipient.");
        }
        if (subject == null || subject.isBlank()) {
            throw new InvalidInputException("subject", "A notification needs a subject.");
        }
        this.recipient = recipient.strip();
        this.subject = cut(subject.strip(), SUBJECT_MAX);
        this.body = cut(body == null || body.isBlank() ? this.subject : body.strip(), BODY_MAX);
        this.link = link == null || link.isBlank() ? null : cut(link.strip(), LINK_MAX);
        this.createdAt = createdAt;
    }

    /** Marks it read (the first time counts). */
    public void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public Long getId() { return id; }
    public String getPublicId() { return publicId; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getLink() { return link; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
}
