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
import org.patchcare.identity.application.ApiTokenViews.TokenOutcome;
import org.patchcare.identity.application.Authenticator;
import org.patchcare.identity.application.LoginOutcome;
import org.patchcare.identity.application.SsoLogin;
import org.patchcare.identity.application.SsoLoginOutcome;
import org.patchcare.identity.application.TokenAuthenticator;
import org.patchcare.identity.application.UserStatus;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * How callers prove who they are:
 * <ul>
 *     <li>people log in through the form at {@code /login}, which POSTs here; the session then carries them;</li>
 *     <li>scripts send HTTP Basic credentials with every {@code /api} request;</li>
 *     <li>machine clients (scanners, CMMS, SIEM) send an API token ({@code Authorization: Bearer pct_...}) with
 *     every {@code /api} request; the caller is {@code token:<name>} with exactly the token's roles; tokens never
 *     reach the screens;</li>
 *     <li>calendar clients fetch an iCalendar feed by its secret token ({@link #ANONYMOUS_API}), without a login.</li>
 * </ul>
 * Either way the container learns the caller and its roles, so {@code @RolesAllowed} on the services applies.
 */
@ApplicationScoped
public class PatchCareAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "patchcare.user";
    public static final String LOGIN_PATH = "/login";
    /** Where the SSO companion WAR (/sso) sends the browser with its login ticket (ADR 0018). */
    public static final String SSO_LOGIN_PATH = "/login/sso";
    /** The cookie holding the ticket's secret; the companion WAR sets it (org.patchcare.sso.SsoTicketServlet). */
    public static final String SSO_TICKET_COOKIE = "PATCHCARE_SSO_TICKET";
    /** The screen where people change their password (and must, after an administrator's reset). */
    public static final String CHANGE_PASSWORD_ROUTE = "account/password";
    private static final Logger LOG = Logger.getLogger(PatchCareAuthenticationMechanism.class.getName());
    /**
     * The only API paths served without a login: iCalendar feeds, whose unguessable token in the URL is the credential
     * (calendar clients cannot log in). Kept in step with the downtime CalendarResource.FEED.
     */
    public static final java.util.regex.Pattern ANONYMOUS_API =
            java.util.regex.Pattern.compile("/api/v1/calendar/feeds/[A-Za-z0-9_-]{20,100}\\.ics");
    private static final Duration BASIC_CACHE_TTL = Duration.ofSeconds(60);
    /**
     * How long an API token found valid is trusted before it is read again: a revocation or expiry takes effect
     * within this time on every node (at once on the node where it is revoked), ADR 0017 as amended.
     */
    static final Duration TOKEN_CACHE_TTL = Duration.ofSeconds(5);
    /** How long a user's enabled flag and password stamp are trusted before they are read again. */
    private static final Duration STATUS_TTL = Duration.ofSeconds(5);
    /** The request attribute that tells {@code UnauthorizedProblemServlet} why a 401 was answered. */
    public static final String PROBLEM_DETAIL = "patchcare.auth.problem";

    @Inject
    Authenticator authenticator;
    @Inject
    TokenAuthenticator tokens;
    @Inject
    SsoLogin ssoLogin;

    /** The users' state as read recently, so a session request does not read the database each time. */
    private final Map<String, CachedStatus> statusCache = new ConcurrentHashMap<>();

    private record CachedStatus(Optional<UserStatus> status, long expiresAtMillis) {
    }

    /** Basic credentials verified recently, keyed by a keyed hash, so API calls do not pay PBKDF2 each time. */
    private final Map<String, CachedLogin> basicCache = new ConcurrentHashMap<>();
    private final byte[] cacheKey = new SecureRandom().generateSeed(32);

    private record CachedLogin(AuthenticatedUser user, long expiresAtMillis) {
    }

    /** Basic credentials being checked right now, so concurrent requests with the same ones share one check. */
    private final Map<String, CompletableFuture<LoginOutcome>> basicInFlight = new ConcurrentHashMap<>();

    /** API tokens found valid recently, keyed by a keyed hash of the secret, so each call does not read the table. */
    private final Map<String, CachedToken> tokenCache = new ConcurrentHashMap<>();

    private record CachedToken(TokenOutcome outcome, long expiresAtMillis) {
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(authorization.substring(7).trim(), path, request, response, context);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(authorization.substring(6).trim(), request, response, context);
        }
        if (LOGIN_PATH.equals(path) && "POST".equals(request.getMethod())) {
            return formLogin(request, response, context);
        }
        if (SSO_LOGIN_PATH.equals(path) && "GET".equals(request.getMethod())) {
            return ssoLogin(request, response);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof AuthenticatedUser user) {
            Optional<UserStatus> status = status(user.username());
            if (status.isEmpty() || !status.get().enabled()
                    || !status.get().credentialStamp().equals(user.credentialStamp())) {
                LOG.info(() -> "Session of '" + user.username() + "' ended: user disabled or password changed");
                session.invalidate(); // disabled, removed or password changed elsewhere: this session ends now
                if (path.startsWith("/api/")) {
                    return unauthorized(request, response, context, null);
                }
                return context.doNothing();
            }
            if (status.get().mustChangePassword() && path.startsWith("/api/")) {
                return unauthorized(request, response, context, MUST_CHANGE);
            }
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

    private static final String MUST_CHANGE = "An administrator reset your password. Log in to PatchCare in the "
            + "browser and choose a new password first.";

    private AuthenticationStatus bearer(String secret, String path, HttpServletRequest request,
                                        HttpServletResponse response, HttpMessageContext context) {
        if (!path.startsWith("/api/")) {
            return unauthorized(request, response, context, "API tokens work only for the REST API under /api.");
        }
        String key = cacheKey(secret);
        long now = System.currentTimeMillis();
        CachedToken cached = tokenCache.get(key);
        if (cached != null && cached.expiresAtMillis() > now) {
            return context.notifyContainerAboutLogin(cached.outcome().principal(), cached.outcome().roles());
        }
        TokenOutcome outcome = tokens.authenticate(secret, request.getRemoteAddr());
        if (!outcome.valid()) {
            tokenCache.remove(key);
            return unauthorized(request, response, context, outcome.problem());
        }
        if (tokenCache.size() > 10_000) {
            tokenCache.clear();
        }
        tokenCache.put(key, new CachedToken(outcome, now + TOKEN_CACHE_TTL.toMillis()));
        return context.notifyContainerAboutLogin(outcome.principal(), outcome.roles());
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(request, response, context, null);
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return unauthorized(request, response, context, null);
        }
        String username = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        String key = cacheKey(decoded);
        CachedLogin cached = basicCache.get(key);
        if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis()) {
            Optional<UserStatus> status = status(cached.user().username());
            if (status.isPresent() && status.get().enabled()
                    && status.get().credentialStamp().equals(cached.user().credentialStamp())) {
                return context.notifyContainerAboutLogin(cached.user().username(), cached.user().roles());
            }
            basicCache.remove(key);
        }
        LoginOutcome outcome = checkOnce(key, () -> authenticator.login(username, password.toCharArray(),
                request.getRemoteAddr(), false));
        if (outcome.result() != LoginOutcome.Result.SUCCESS) {
            basicCache.remove(key);
            if (outcome.result() == LoginOutcome.Result.LOCKED) {
                response.setHeader("Retry-After", Long.toString(outcome.retryAfter().toSeconds() + 1));
                return unauthorized(request, response, context, LoginOutcome.lockedMessage(outcome.retryAfterMinutes()));
            }
            return unauthorized(request, response, context, null);
        }
        AuthenticatedUser user = outcome.user();
        if (user.mustChangePassword()) {
            return unauthorized(request, response, context, MUST_CHANGE);
        }
        if (basicCache.size() > 10_000) {
            basicCache.clear();
        }
        basicCache.put(key, new CachedLogin(user, System.currentTimeMillis() + BASIC_CACHE_TTL.toMillis()));
        return context.notifyContainerAboutLogin(user.username(), user.roles());
    }

    /**
     * Runs the password check for these credentials unless another request is running it right now, in which case
     * that request's outcome is taken. A client that opens many connections at once with the same (not yet cached)
     * credentials thus costs one PBKDF2, not one per connection: 64 at once on two cores used to hold a pooled
     * connection each for seconds and ran the pool dry (docs/benchmarks.md, "Scale-out"). Different passwords are
     * different keys, so every wrong guess is still checked and counted.
     */
    LoginOutcome checkOnce(String key, java.util.function.Supplier<LoginOutcome> check) {
        CompletableFuture<LoginOutcome> mine = new CompletableFuture<>();
        CompletableFuture<LoginOutcome> running = basicInFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        try {
            LoginOutcome outcome = check.get();
            mine.complete(outcome);
            return outcome;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            basicInFlight.remove(key, mine);
        }
    }

    private AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context, String detail) {
        if (detail != null) {
            request.setAttribute(PROBLEM_DETAIL, detail);
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"PatchCare\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    /** The user's enabled flag and password stamp, read at most every few seconds per user and node. */
    private Optional<UserStatus> status(String username) {
        long now = System.currentTimeMillis();
        CachedStatus c = statusCache.get(username);
        if (c != null && c.expiresAtMillis() > now) {
            return c.status();
        }
        Optional<UserStatus> s = authenticator.status(username);
        if (statusCache.size() > 10_000) {
            statusCache.clear();
        }
        statusCache.put(username, new CachedStatus(s, now + STATUS_TTL.toMillis()));
        return s;
    }

    /** Forgets what this node cached of a user once a change of their access committed. */
    void forget(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                org.patchcare.identity.application.UserAccessChanged changed) {
        statusCache.remove(changed.username());
        basicCache.values().removeIf(c -> c.user().username().equals(changed.username()));
    }

    /** Forgets the API tokens this node found valid once a revocation committed (revocations are rare). */
    void forgetTokens(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
                      org.patchcare.identity.application.ApiTokenRevoked revoked) {
        tokenCache.clear();
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        LoginOutcome outcome = authenticator.login(username, password == null ? null : password.toCharArray(),
                request.getRemoteAddr(), true);
        try {
            if (outcome.result() == LoginOutcome.Result.LOCKED) {
                LOG.info(() -> "Locked login for '" + sanitize(username) + "' from " + request.getRemoteAddr());
                response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?locked=" + outcome.retryAfterMinutes());
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (outcome.result() == LoginOutcome.Result.FAILED) {
                LOG.info(() -> "Failed login for '" + sanitize(username) + "' from " + request.getRemoteAddr());
                response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?error");
                return AuthenticationStatus.SEND_FAILURE;
            }
            AuthenticatedUser user = outcome.user();
            return startSession(request, response, user, "Login",
                    user.mustChangePassword() ? "/" + CHANGE_PASSWORD_ROUTE : "/");
        } catch (IOException e) {
            throw new IllegalStateException("Could not answer the login request", e);
        }
    }

    /** A person proved who they are (form or SSO): a new session id, the user in the session, on to {@code target}. */
    private AuthenticationStatus startSession(HttpServletRequest request, HttpServletResponse response,
                                              AuthenticatedUser user, String how, String target) throws IOException {
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // no session fixation
        session.setAttribute(SESSION_USER, user);
        statusCache.remove(user.username());
        LOG.info(() -> how + " of '" + user.username() + "'");
        response.sendRedirect(request.getContextPath() + target);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * The end of an SSO login: the ticket in the cookie is consumed (once, within 60 s), the session id changes and
     * the user goes into the session as after a form login. Refusals go back to /login with the reason.
     */
    private AuthenticationStatus ssoLogin(HttpServletRequest request, HttpServletResponse response) {
        String secret = null;
        if (request.getCookies() != null) {
            for (jakarta.servlet.http.Cookie c : request.getCookies()) {
                if (SSO_TICKET_COOKIE.equals(c.getName())) {
                    secret = c.getValue();
                }
            }
        }
        jakarta.servlet.http.Cookie gone = new jakarta.servlet.http.Cookie(SSO_TICKET_COOKIE, "");
        gone.setPath(request.getContextPath() + SSO_LOGIN_PATH);
        gone.setMaxAge(0);
        gone.setHttpOnly(true);
        gone.setSecure(request.isSecure() || org.patchcare.shared.web.SecureTransport.configured());
        gone.setAttribute("SameSite", "Lax");
        response.addCookie(gone);
        SsoLoginOutcome outcome = ssoLogin.login(secret, request.getRemoteAddr());
        try {
            if (outcome.result() != SsoLoginOutcome.Result.SUCCESS) {
                LOG.info(() -> "SSO login refused (" + outcome.result() + ") from " + request.getRemoteAddr());
                response.sendRedirect(request.getContextPath() + LOGIN_PATH + "?sso=" + outcome.result().code());
                return AuthenticationStatus.SEND_FAILURE;
            }
            return startSession(request, response, outcome.user(), "SSO login", "/");
        } catch (IOException e) {
            throw new IllegalStateException("Could not answer the SSO login request", e);
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
