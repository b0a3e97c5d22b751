package org.patchcare.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.patchcare.shared.api.ApiApplication;

import java.io.IOException;

/**
 * The security headers of every response (pages, Vaadin requests, static files, the API, error pages): a Content
 * Security Policy as strict as Vaadin Flow allows (ADR 19), no framing, no MIME sniffing, no referrer to other sites,
 * no powerful browser features; HSTS when the request came over TLS or {@code PATCHCARE_SECURE_COOKIES} says the
 * application is only reached over HTTPS; API answers are never cached.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD})
public class SecurityHeadersFilter extends HttpFilter {

    /**
     * Vaadin Flow's client engine starts from an inline script and runs the server's JavaScript expressions
     * (executeJs, event data) as constructed functions: script-src needs 'unsafe-inline' 'unsafe-eval'; its web
     * components set inline styles. Everything else is this origin only.
     */
    public static final String CSP = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "media-src 'none'",
            "object-src 'none'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "frame-src 'none'",
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "form-action 'self'");

    public static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), hid=(), midi=(), display-capture=(), interest-cohort=()";

    /** Two years, subdomains included: the header browsers need to be preloaded. */
    public static final String HSTS = "max-age=63072000; includeSubDomains";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        response.setHeader("Cross-Origin-Resource-Policy", "same-origin");
        if (request.isSecure() || SecureTransport.configured()) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        // on the error dispatch (e.g. the 401 problem of a refused API call) the path is the error page's; the
        // request's own path is an attribute then
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        if (path.startsWith(ApiApplication.PATH + "/") || path.equals(ApiApplication.PATH)
                || path.startsWith("/problem/")) {
            // the resource may still set its own (e.g. the iCal feed); personal data is never kept in caches
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
