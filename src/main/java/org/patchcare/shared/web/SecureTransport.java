package org.patchcare.shared.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.Locale;

/**
 * Whether PatchCare is reached over HTTPS only, directly or behind a TLS-terminating proxy:
 * {@code PATCHCARE_SECURE_COOKIES=true} (the Docker image and compose file set it). Then the session cookie is marked
 * Secure and every response carries HSTS. Unset or false (a developer's {@code ./mvnw -Prun} on plain http), the
 * cookie stays usable over http and HSTS is sent only on requests that came over TLS. The cookie is always HttpOnly
 * and SameSite=Lax (web.xml).
 */
@WebListener
public class SecureTransport implements ServletContextListener {

    public static final String ENV = "PATCHCARE_SECURE_COOKIES";

    public static boolean configured() {
        String v = System.getenv(ENV);
        if (v == null) {
            v = System.getProperty("patchcare.secure-cookies");
        }
        return v != null && switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "on" -> true;
            default -> false;
        };
    }

    @Override
    public void contextInitialized(ServletContextEvent sce) {
        if (configured()) {
            sce.getServletContext().getSessionCookieConfig().setSecure(true);
        }
    }
}
