package org.patchcare.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The SMTP server the test server mails to: a GreenMail in the failsafe JVM on port {@code it.smtp.port} (3025 unless
 * set; the failsafe executions point the server's PATCHCARE_SMTP_HOST/PORT at it and send every second). Started once
 * per JVM by the first {@link #start()} and shared by every IT, so tests find their mail by recipient and a subject
 * they made unique. Example:
 * <pre>{@code
 * Mailbox.start();
 * ... something notifies "manager" with subject "Approval needed: CR-" + id ...
 * Mailbox.Mail m = Mailbox.await(Mailbox.demoAddress("manager"), "CR-" + id);
 * assertThat(m.deepLink()).isEqualTo(ItConfig.baseUrl() + "/change-requests/" + id);
 * }</pre>
 */
public final class Mailbox {

    /** How long {@link #await} waits unless told otherwise. */
    public static final Duration WAIT = Duration.ofSeconds(60);
    private static GreenMail smtp;

    private Mailbox() {
    }

    /** One received mail, decoded: subject with the "[PatchCare] " prefix, body with LF line ends. */
    public record Mail(List<String> to, String from, String subject, String text, String contentType) {

        /** The last line of the body when it is an http(s) URL (the deep link), else null. */
        public String deepLink() {
            String[] lines = text.strip().split("\n");
            String last = lines[lines.length - 1].strip();
            return last.startsWith("http://") || last.startsWith("https://") ? last : null;
        }
    }

    /** Starts the shared SMTP server (once per JVM); fails clearly when the port is taken. */
    public static synchronized void start() {
        if (smtp != null) {
            return;
        }
        GreenMail g = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            g.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("GreenMail could not listen on 127.0.0.1:" + port()
                    + " (set -Dit.smtp.port to a free port, e.g. 3025 + it.port.offset)", e);
        }
        smtp = g;
        Runtime.getRuntime().addShutdownHook(new Thread(g::stop, "greenmail-stop"));
    }

    /** The SMTP port the server under test mails to. */
    public static int port() {
        return Integer.parseInt(System.getProperty("it.smtp.port", "3025"));
    }

    /** The e-mail address the demo data gives a demo user. */
    public static String demoAddress(String username) {
        return username + "@stelsewhere.org";
    }

    /** Every mail received so far for {@code address}, oldest first. */
    public static List<Mail> mailsFor(String address) {
        requireStarted();
        List<Mail> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            Mail mail = read(m);
            if (mail.to().stream().anyMatch(a -> a.equalsIgnoreCase(address))) {
                out.add(mail);
            }
        }
        return out;
    }

    /** Waits up to {@link #WAIT} for a mail to {@code address} whose subject contains {@code subjectPart}. */
    public static Mail await(String address, String subjectPart) {
        return await(address, m -> m.subject().contains(subjectPart), WAIT);
    }

    /** Waits up to {@code timeout} for a mail to {@code address} that matches; fails with what did arrive. */
    public static Mail await(String address, Predicate<Mail> matches, Duration timeout) {
        requireStarted();
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Mail m : mailsFor(address)) {
                if (matches.test(m)) {
                    return m;
                }
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no matching mail to " + address + " within " + timeout + "; received: "
                        + mailsFor(address).stream().map(Mail::subject).toList());
            }
            smtp.waitForIncomingEmail(500, Integer.MAX_VALUE);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** True when any mail to {@code address} has a subject containing {@code subjectPart} (no waiting). */
    public static boolean received(String address, String subjectPart) {
        return mailsFor(address).stream().anyMatch(m -> m.subject().contains(subjectPart));
    }

    private static void requireStarted() {
        if (smtp == null) {
            throw new IllegalStateException("call Mailbox.start() first (e.g. in @BeforeAll)");
        }
    }

    private static Mail read(MimeMessage m) {
        try {
            Object content = m.getContent();
            String text = content instanceof String s ? s.replace("\r\n", "\n") : String.valueOf(content);
            Address[] to = m.getAllRecipients();
            return new Mail(to == null ? List.of() : Arrays.stream(to).map(Address::toString).toList(),
                    m.getFrom() == null ? null : m.getFrom()[0].toString(), m.getSubject(), text, m.getContentType());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail: " + e.getMessage(), e);
        }
    }
}
