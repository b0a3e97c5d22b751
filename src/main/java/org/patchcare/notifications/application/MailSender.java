package org.patchcare.notifications.application;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Sends one plain-text UTF-8 message through the SMTP server of {@link MailSettings}, with a Jakarta Mail session built
 * from those settings (ADR 11). Subjects get the "[PatchCare] " prefix and lose line breaks (no header injection);
 * the body ends with the absolute deep link when there is one.
 */
public class MailSender {

    public static final String SUBJECT_PREFIX = "[PatchCare] ";
    static final int TIMEOUT_MILLIS = 15_000;

    private final MailSettings settings;
    private final Session session;

    public MailSender(MailSettings settings) {
        this.settings = settings;
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        p.put("mail.mime.charset", "UTF-8");
        if (settings.startTls()) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        Authenticator auth = null;
        if (settings.user() != null) {
            p.put("mail.smtp.auth", "true");
            String password = settings.password() == null ? "" : settings.password();
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), password);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
    }

    /** Sends it now; a {@link jakarta.mail.internet.AddressException} means the address itself is wrong. */
    public void send(String to, String subject, String body, String link, Instant date) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(settings.from(), true));
        m.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject(subject), "UTF-8");
        m.setSentDate(Date.from(date));
        m.setText(text(body, settings.deepLink(link)), "UTF-8", "plain");
        Transport.send(m);
    }

    /** "[PatchCare] " and the subject on one line (CR, LF and other control characters become blanks). */
    public static String subject(String subject) {
        String s = subject == null ? "" : subject.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
        return SUBJECT_PREFIX + s;
    }

    /** The body, then a blank line and the deep link (when there is one) as the last line. */
    public static String text(String body, String deepLink) {
        String b = body == null ? "" : body.strip();
        return deepLink == null ? b : b + "\n\n" + deepLink;
    }
}
