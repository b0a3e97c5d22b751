package org.patchcare.notifications.application;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;

/**
 * E-mail settings from the environment, read once; a bad value stops with a message naming the variable (README lists
 * them): {@code PATCHCARE_MAIL_ENABLED} (false), {@code PATCHCARE_SMTP_HOST} (localhost), {@code PATCHCARE_SMTP_PORT}
 * (25), {@code PATCHCARE_SMTP_USER} and {@code PATCHCARE_SMTP_PASSWORD} (none: no SMTP authentication),
 * {@code PATCHCARE_SMTP_STARTTLS} (false; true requires STARTTLS), {@code PATCHCARE_MAIL_FROM}
 * (patchcare@localhost), {@code PATCHCARE_BASE_URL} (http://localhost:8080, the start of every deep link),
 * {@code PATCHCARE_MAIL_INTERVAL} (seconds between sender runs, 10), {@code PATCHCARE_MAIL_RETRY} (seconds before the
 * first retry, doubled per attempt up to an hour, 60), {@code PATCHCARE_MAIL_MAX_ATTEMPTS} (8).
 */
@ApplicationScoped
public class MailSettings {

    /** The longest wait between two attempts of one mail. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);

    private boolean enabled;
    private String host;
    private int port;
    private String user;
    private String password;
    private boolean startTls;
    private String from;
    private String baseUrl;
    private Duration interval;
    private Duration retry;
    private int maxAttempts;

    public MailSettings() {
        this(System::getenv);
    }

    public MailSettings(Function<String, String> env) {
        enabled = value(env, "PATCHCARE_MAIL_ENABLED", false, MailSettings::bool);
        host = value(env, "PATCHCARE_SMTP_HOST", "localhost", s -> s);
        port = value(env, "PATCHCARE_SMTP_PORT", 25, s -> range(Integer.parseInt(s), 1, 65535));
        user = value(env, "PATCHCARE_SMTP_USER", null, s -> s);
        password = env.apply("PATCHCARE_SMTP_PASSWORD"); // kept as given: a password may start or end with a blank
        startTls = value(env, "PATCHCARE_SMTP_STARTTLS", false, MailSettings::bool);
        from = value(env, "PATCHCARE_MAIL_FROM", "patchcare@localhost", s -> s);
        baseUrl = value(env, "PATCHCARE_BASE_URL", "http://localhost:8080", MailSettings::url);
        interval = Duration.ofSeconds(value(env, "PATCHCARE_MAIL_INTERVAL", 10, s -> range(Integer.parseInt(s), 1, 3600)));
        retry = Duration.ofSeconds(value(env, "PATCHCARE_MAIL_RETRY", 60, s -> range(Integer.parseInt(s), 1, 3600)));
        maxAttempts = value(env, "PATCHCARE_MAIL_MAX_ATTEMPTS", 8, s -> range(Integer.parseInt(s), 1, 100));
    }

    public boolean enabled() { return enabled; }
    public String host() { return host; }
    public int port() { return port; }
    /** The SMTP user, or null for no authentication. */
    public String user() { return user; }
    public String password() { return password; }
    public boolean startTls() { return startTls; }
    public String from() { return from; }
    /** Without a trailing slash. */
    public String baseUrl() { return baseUrl; }
    public Duration interval() { return interval; }
    public int maxAttempts() { return maxAttempts; }

    /** The wait after failed attempt number {@code attempts} (1, 2, ...): the retry time doubled each time, capped. */
    public Duration backoff(int attempts) {
        int doublings = Math.min(Math.max(attempts - 1, 0), 20);
        Duration d = retry.multipliedBy(1L << doublings);
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** The absolute deep link of a route inside PatchCare ({@code controls} → base URL + "/controls"), or null. */
    public String deepLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        String route = link.strip();
        while (route.startsWith("/")) {
            route = route.substring(1);
        }
        return baseUrl + "/" + route;
    }

    private static boolean bool(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default -> throw new IllegalArgumentException("true or false");
        };
    }

    private static int range(int v, int min, int max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException("between " + min + " and " + max);
        }
        return v;
    }

    private static String url(String s) {
        java.net.URI uri = java.net.URI.create(s);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("an http or https URL such as https://patchcare.hospital.example");
        }
        return s.replaceAll("/+$", "");
    }

    private static <T> T value(Function<String, String> env, String name, T fallback, Function<String, T> parse) {
        String raw = env.apply(name);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(raw.strip());
        } catch (RuntimeException e) {
            throw new IllegalStateException(name + "=" + raw + " is not valid (" + e.getMessage() + "); default is "
                    + fallback, e);
        }
    }
}
