package org.patchcare.notifications.application;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One run of the mail sender, free of the container so it is tested against a real SMTP server (GreenMail): takes the
 * due outbox rows, claims each (a lease of {@link #LEASE}, so a second node or a crash mid-send does not lose or
 * duplicate more than that one mail), sends it outside any transaction, then records the outcome: sent; failed and
 * due again after the back-off; or, after the last attempt or for an unusable address, failed for good (logged).
 */
public class MailDelivery {

    /** How long a claimed mail is left to its sender before another run may take it. */
    public static final Duration LEASE = Duration.ofMinutes(5);
    /** The most mails one run takes. */
    public static final int BATCH = 100;
    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    /** The outbox, each operation in its own transaction. */
    public interface Outbox {
        /** Ids of pending mails due at {@code now}, oldest first. */
        List<Long> due(Instant now, int limit);

        /** Takes a due pending mail until {@code leaseUntil}, counting the attempt; empty when someone else has it. */
        Optional<Pending> claim(long id, Instant now, Instant leaseUntil);

        void sent(long id, Instant at);

        /** A failed attempt: due again at {@code retryAt}, or given up when that is null. */
        void failed(long id, String error, Instant retryAt);
    }

    /** A claimed mail; {@code attempts} counts this one. */
    public record Pending(long id, String to, String subject, String body, String link, Instant createdAt,
                          int attempts) {
    }

    /** What a run did. */
    public record Report(int sent, int retried, int gaveUp) {
        public boolean any() {
            return sent + retried + gaveUp > 0;
        }
    }

    private final MailSettings settings;
    private final MailSender sender;
    private final Clock clock;

    public MailDelivery(MailSettings settings, MailSender sender, Clock clock) {
        this.settings = settings;
        this.sender = sender;
        this.clock = clock;
    }

    public Report run(Outbox outbox) {
        int sent = 0;
        int retried = 0;
        int gaveUp = 0;
        for (long id : outbox.due(clock.instant(), BATCH)) {
            Instant now = clock.instant();
            Optional<Pending> claimed = outbox.claim(id, now, now.plus(LEASE));
            if (claimed.isEmpty()) {
                continue;
            }
            Pending p = claimed.get();
            try {
                sender.send(p.to(), p.subject(), p.body(), p.link(), p.createdAt());
                outbox.sent(id, clock.instant());
                sent++;
            } catch (MessagingException | RuntimeException e) {
                String error = describe(e);
                boolean last = p.attempts() >= settings.maxAttempts() || e instanceof AddressException;
                if (last) {
                    LOG.log(Level.WARNING, "Gave up mail " + id + " to " + p.to() + " (" + p.subject() + ") after "
                            + p.attempts() + " attempt(s): " + error);
                    outbox.failed(id, error, null);
                    gaveUp++;
                } else {
                    Instant retryAt = clock.instant().plus(settings.backoff(p.attempts()));
                    LOG.log(Level.INFO, "Mail " + id + " to " + p.to() + " failed (attempt " + p.attempts() + " of "
                            + settings.maxAttempts() + "), retried at " + retryAt + ": " + error);
                    outbox.failed(id, error, retryAt);
                    retried++;
                }
            }
        }
        return new Report(sent, retried, gaveUp);
    }

    /** The exception and its causes in one line, e.g. "MailConnectException: Couldn't connect ... ← ConnectException: ...". */
    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 2000; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(sb.isEmpty() ? "" : " ← ").append(t.getClass().getSimpleName()).append(": ")
                    .append(String.valueOf(t.getMessage()).replaceAll("\\s+", " ").strip());
        }
        return sb.toString();
    }
}
