package org.patchcare.operations.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.patchcare.shared.metrics.AppMetrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the application's metrics in the Prometheus text format, for a Prometheus scrape.
 * Counts and timings only, no names of devices or people. When {@code PATCHCARE_METRICS_TOKEN} is set, the scrape
 * must send {@code Authorization: Bearer <token>} (Prometheus: {@code authorization.credentials}); otherwise it is open,
 * like the health endpoints, and should be kept inside the hospital network by the reverse proxy.
 */
@WebServlet(urlPatterns = "/metrics")
public class MetricsServlet extends HttpServlet {

    @Inject
    AppMetrics metrics;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String token = System.getenv("PATCHCARE_METRICS_TOKEN");
        if (token != null && !token.isBlank() && !matches(req.getHeader("Authorization"), "Bearer " + token)) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"PatchCare metrics\"");
            resp.sendError(401);
            return;
        }
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(metrics.prometheusText());
    }

    private static boolean matches(String given, String expected) {
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
