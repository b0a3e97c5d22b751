package org.patchcare.notifications.application;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail sender against a real SMTP server (GreenMail on a free port), with an in-memory outbox and clock. */
class MailDeliveryTest {

    private final int port = freePort();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T08:00:00Z"));
    private final MemoryOutbox outbox = new MemoryOutbox();
    private GreenMail smtp;

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void sends_a_plain_text_utf8_mail_with_the_prefixed_subject_and_the_deep_link_as_last_line() throws Exception {
        startSmtp();
        outbox.add("bea@hospital.example", "Approval needed: Infusionspumpe Größe ✓",
                "Bitte prüfen: Änderung an Gerät «ICU-7».", "change-requests/4f1c");

        MailDelivery.Report r = delivery(settings(Map.of())).run(outbox);

        assertThat(r.sent()).isEqualTo(1);
        assertThat(outbox.row(1).status).isEqualTo("SENT");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        MimeMessage m = mails[0];
        assertThat(m.getSubject()).isEqualTo("[PatchCare] Approval needed: Infusionspumpe Größe ✓");
        assertThat(m.getFrom()[0].toString()).isEqualTo("patchcare@hospital.example");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("bea@hospital.example");
        assertThat(m.getContentType()).startsWith("text/plain").containsIgnoringCase("charset=UTF-8");
        String body = ((String) m.getContent()).replace("\r\n", "\n");
        assertThat(body).isEqualTo("Bitte prüfen: Änderung an Gerät «ICU-7».\n\n"
                + "https://patchcare.hospital.example/change-requests/4f1c");
        assertThat(new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("Gerät «ICU-7»");
        assertThat(m.getHeader("Subject")[0]).as("encoded, plain ASCII on the wire").startsWith("=?UTF-8?");
    }

    @Test
    void a_mail_without_link_has_no_link_line() throws Exception {
        startSmtp();
        outbox.add("bea@hospital.example", "Hello", "Just so you know.", null);
        delivery(settings(Map.of())).run(outbox);
        assertThat(((String) smtp.getReceivedMessages()[0].getContent()).strip()).isEqualTo("Just so you know.");
    }

    @Test
    void line_breaks_in_the_subject_cannot_add_headers_or_recipients() throws Exception {
        startSmtp();
        outbox.add("bea@hospital.example", "Window starts\r\nBcc: mallory@evil.example\r\n\r\nowned", "Body", null);

        delivery(settings(Map.of())).run(outbox);

        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("[PatchCare] Window starts Bcc: mallory@evil.example owned");
        assertThat(mails[0].getHeader("Bcc")).isNull();
        assertThat(mails[0].getAllRecipients()).hasSize(1);
        assertThat(((String) mails[0].getContent()).strip()).isEqualTo("Body");
    }

    @Test
    void retries_with_back_off_while_the_smtp_server_is_down_and_sends_once_it_is_up() throws Exception {
        outbox.add("bea@hospital.example", "Reminder: window starts in 1 hour", "Body", "windows/1");
        MailDelivery delivery = delivery(settings(Map.of("PATCHCARE_MAIL_RETRY", "60")));

        MailDelivery.Report down = delivery.run(outbox);

        assertThat(down.retried()).isEqualTo(1);
        MemoryOutbox.Row row = outbox.row(1);
        assertThat(row.status).isEqualTo("PENDING");
        assertThat(row.attempts).isEqualTo(1);
        assertThat(row.lastError).contains("onnect");
        assertThat(row.nextAttemptAt).isEqualTo(clock.instant().plusSeconds(60));

        startSmtp();
        clock.advance(Duration.ofSeconds(30));
        assertThat(delivery.run(outbox).any()).as("not due before the back-off").isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        clock.advance(Duration.ofSeconds(31));
        MailDelivery.Report up = delivery.run(outbox);

        assertThat(up.sent()).isEqualTo(1);
        assertThat(row.status).isEqualTo("SENT");
        assertThat(row.attempts).isEqualTo(2);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void gives_up_after_the_last_attempt_and_keeps_the_error() {
        outbox.add("bea@hospital.example", "Overdue approval", "Body", null);
        MailDelivery delivery = delivery(settings(Map.of("PATCHCARE_MAIL_RETRY", "10", "PATCHCARE_MAIL_MAX_ATTEMPTS", "3")));

        assertThat(delivery.run(outbox).retried()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        assertThat(delivery.run(outbox).retried()).isEqualTo(1);
        assertThat(outbox.row(1).nextAttemptAt).as("doubled").isEqualTo(clock.instant().plusSeconds(20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(delivery.run(outbox).gaveUp()).isEqualTo(1);

        assertThat(outbox.row(1).status).isEqualTo("FAILED");
        assertThat(outbox.row(1).attempts).isEqualTo(3);
        assertThat(outbox.row(1).lastError).isNotBlank();
        clock.advance(Duration.ofHours(2));
        assertThat(delivery.run(outbox).any()).isFalse();
    }

    @Test
    void an_unusable_address_is_given_up_at_once() throws Exception {
        startSmtp();
        outbox.add("not an address <", "Hello", "Body", null);
        MailDelivery.Report r = delivery(settings(Map.of())).run(outbox);
        assertThat(r.gaveUp()).isEqualTo(1);
        assertThat(outbox.row(1).status).isEqualTo("FAILED");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_mail_claimed_by_another_run_is_left_alone() throws Exception {
        startSmtp();
        outbox.add("bea@hospital.example", "Hello", "Body", null);
        outbox.claim(1, clock.instant(), clock.instant().plus(MailDelivery.LEASE)); // another node took it
        assertThat(delivery(settings(Map.of())).run(outbox).any()).isFalse();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    // ---- fixtures ------------------------------------------------------------------------------

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private MailSettings settings(Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>(Map.of("PATCHCARE_MAIL_ENABLED", "true",
                "PATCHCARE_SMTP_HOST", "127.0.0.1", "PATCHCARE_SMTP_PORT", String.valueOf(port),
                "PATCHCARE_MAIL_FROM", "patchcare@hospital.example",
                "PATCHCARE_BASE_URL", "https://patchcare.hospital.example/"));
        env.putAll(extra);
        return new MailSettings(env::get);
    }

    private MailDelivery delivery(MailSettings settings) {
        return new MailDelivery(settings, new MailSender(settings), clock);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** The outbox's rules (claim only a due pending row; count the attempt) over a map. */
    final class MemoryOutbox implements MailDelivery.Outbox {
        final class Row {
            long id;
            String to;
            String subject;
            String body;
            String link;
            String status = "PENDING";
            int attempts;
            Instant nextAttemptAt = clock.instant();
            String lastError;
        }

        private final Map<Long, Row> rows = new LinkedHashMap<>();

        void add(String to, String subject, String body, String link) {
            Row r = new Row();
            r.id = rows.size() + 1;
            r.to = to;
            r.subject = subject;
            r.body = body;
            r.link = link;
            rows.put(r.id, r);
        }

        Row row(long id) {
            return rows.get(id);
        }

        @Override
        public List<Long> due(Instant now, int limit) {
            List<Long> ids = new ArrayList<>();
            rows.values().stream().filter(r -> r.status.equals("PENDING") && !r.nextAttemptAt.isAfter(now))
                    .limit(limit).forEach(r -> ids.add(r.id));
            return ids;
        }

        @Override
        public Optional<MailDelivery.Pending> claim(long id, Instant now, Instant leaseUntil) {
            Row r = rows.get(id);
            if (!r.status.equals("PENDING") || r.nextAttemptAt.isAfter(now)) {
                return Optional.empty();
            }
            r.nextAttemptAt = leaseUntil;
            r.attempts++;
            return Optional.of(new MailDelivery.Pending(id, r.to, r.subject, r.body, r.link, now, r.attempts));
        }

        @Override
        public void sent(long id, Instant at) {
            rows.get(id).status = "SENT";
        }

        @Override
        public void failed(long id, String error, Instant retryAt) {
            Row r = rows.get(id);
            r.lastError = error;
            if (retryAt == null) {
                r.status = "FAILED";
            } else {
                r.nextAttemptAt = retryAt;
            }
        }
    }
}
