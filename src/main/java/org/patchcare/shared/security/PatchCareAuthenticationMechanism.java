package org.patchcare.shared.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.patchcare.identity.application.AuthenticatedUser;
import org.patchcare.identity.application.Authenticator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * How callers prove who they are:
 * <ul>
 *     <li>people log in through the form at {@code /login}, which POSTs here; the session then carries them;</li>
 *     <li>scripts and other systems send HTTP Basic credentials with every {@code /api} request;</li>
 *     <li>calendar clients fetch an iCalendar feed by its secret token ({@link #ANONYMOUS_API}), without a login.</li>
 * </ul>
 * Either way the container learns the caller and its roles, so {@code @RolesAllowed} on the services applies.
 */
@ApplicationScoped
public class PatchCareAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "patchcare.user";
    public static final String LOGIN_PATH = "/login";
    private static final Logger LOG = Logger.getLogger(PatchCareAuthenticationMechanism.class.getName());
    /**
     * The only API paths served without a login: iCalendar feeds, whose unguessable token in the URL is the credential
     * (calendar clients cannot log in). Kept in step with the downtime CalendarResource.FEED.
     */
    public static final java.util.regex.Pattern ANONYMOUS_API =
            java.util.regex.Pattern.compile("/api/v1/calendar/feeds/[A-Za-z0-9_-]{20,100}\\.ics");
    private static final Duration BASIC_CACHE_TTL = Duration.ofSeconds(60);

    @Inject
    Authenticator authenticator;

    /** Basic credentials verified recently, keyed by a keyed hash, so API calls do not pay PBKDF2 each time. */
    private final Map<String, CachedLogin> basicCache = new ConcurrentHashMap<>();
    private final byte[] cacheKey = new SecureRandom().generateSeed(32);

    private record CachedLogin(AuthenticatedUser user, long expiresAtMillis) {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), response, context);
        }
        if (LOGIN_PATH.equals(path) && "POST".equals(request.getMethod())) {
            return formLogin(request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof AuthenticatedUser user) {
            return context.notifyContainerAboutLogin(user.username(), user.roles());
        }
        if (ANONYMOUS_API.matcher(path).matches()) {
            return context.doNothing(); // a calendar feed: its token is the credential, checked by the feed itself
        }
        if (path.startsWith("/api/")) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"PatchCare\", charset=\"UTF-8\"");
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    private AuthenticationStatus basic(String encoded, HttpServletResponse response, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(response, context);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return unauthorized(response, context);
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = cacheKey(decoded);
        CachedLogin cached = basicCache.get(key);
        if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis()) {
            return context.notifyContainerAboutLogin(cached.user().username(), cached.user().roles());
        }
        Optional<AuthenticatedUser> user = authenticator.authenticate(username, password.toCharArray(), false);
        if (user.isEmpty()) {
            basicCache.remove(key);
            return unauthorized(response, context);
        }
        if (basicCache.size() > 10_000) {
            basicCache.clear();
        }
        basicCache.put(key, new CachedLogin(user.get(), System.currentTimeMillis() + BASIC_CACHE_TTL.toMillis()));
        return context.notifyContainerAboutLogin(user.get().username(), user.get().roles());
    }

    private AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"PatchCare\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        Optional<AuthenticatedUser> user = authenticator.authenticate(username,
                password == null ? null : password.toCharArray(), true);
        try {
            if (user.isEmpty()) {
                LOG.info(() -> "Failed login for '" + sanitize(username) + "' from " + request.getRemoteAddr());
                response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?error");
                return AuthenticationStatus.SEND_FAILURE;
            }
            HttpSession session = request.getSession(true);
            request.changeSessionId(); // no session fixation
            session.setAttribute(SESSION_USER, user.get());
            LOG.info(() -> "Login of '" + user.get().username() + "'");
            response.sendRedirect(request.getContextPath() + "/");
            return AuthenticationStatus.SEND_CONTINUE;
        } catch (IOException e) {
            throw new IllegalStateException("Could not answer the login request", e);
        }
    }

    private String cacheKey(String credentials) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(cacheKey);
            return HexFormat.of().formatHex(digest.digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sanitize(String s) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > 64 ? s.substring(0, 64) : s;
        return cut.replaceAll("[^\\p{Alnum}._@-]", "?");
    }
}
