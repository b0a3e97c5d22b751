package org.patchcare.operations.api;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jboss.logging.MDC;
import org.patchcare.shared.metrics.AppMetrics;

import java.io.IOException;

/**
 * Every request: a request id (the caller's {@code X-Request-Id} if it is a plain token, else a new one), returned in
 * {@code X-Request-Id} and put with the route and the user into the logging context (MDC), so every log line of the
 * request carries them (the JSON log shows them under {@code mdc}); then the request is counted and timed by method,
 * route and status.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RequestFilter extends HttpFilter {

    public static final String HEADER = "X-Request-Id";

    @Inject
    AppMetrics metrics;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        String id = RequestIds.accept(req.getHeader(HEADER));
        String route = Routes.of(req.getRequestURI().substring(req.getContextPath().length()));
        res.setHeader(HEADER, id);
        MDC.put("requestId", id);
        MDC.put("route", route);
        if (req.getRemoteUser() != null) {
            MDC.put("user", req.getRemoteUser());
        }
        long started = System.nanoTime();
        boolean failed = false;
        try {
            chain.doFilter(req, res);
        } catch (IOException | ServletException | RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            String status = failed ? "500" : Integer.toString(res.getStatus());
            metrics.count("patchcare_http_requests_total", "HTTP requests by method, route and status", 1,
                    "method", req.getMethod(), "route", route, "status", status);
            metrics.histogram("patchcare_http_request_duration_seconds", "Time to answer HTTP requests, by method and route",
                    System.nanoTime() - started, AppMetrics.REQUEST_SECONDS, "method", req.getMethod(), "route", route);
            MDC.remove("requestId");
            MDC.remove("route");
            MDC.remove("user");
        }
    }
}
