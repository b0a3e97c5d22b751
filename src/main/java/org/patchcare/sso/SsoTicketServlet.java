package org.patchcare.sso;

import jakarta.annotation.Resource;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.wildfly.security.http.oidc.IDToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The one servlet of the SSO companion WAR ({@code patchcare-sso.war}, context root {@code /sso}; ADR 0018). It runs
 * only after elytron-oidc-client authenticated the browser at the identity provider and verified the ID token. It
 * writes a single-use login ticket (60 s; only the SHA-256 of its secret) with the token's claims into the
 * application's database, puts the secret into a cookie for {@code /login/sso} and sends the browser there; the
 * application's login mechanism consumes the ticket and logs the user in.
 * <p>
 * Deliberately small and independent of the application's classes: it is the only code in its WAR.
 */
public class SsoTicketServlet extends HttpServlet {

    static final String COOKIE = "PATCHCARE_SSO_TICKET";
    static final String TARGET = "/login/sso";
    static final long TICKET_SECONDS = 60;
    private static final Logger LOG = Logger.getLogger(SsoTicketServlet.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String INSERT = "INSERT INTO sso_login_ticket (secret_hash, issuer, subject, username, email, "
            + "display_name, claim_values, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    private DataSource dataSource;

    /** The ID token claim listing the person's groups or roles; a dotted path reaches into objects (realm_access.roles). */
    private final String roleClaim = env("PATCHCARE_OIDC_ROLE_CLAIM", "groups");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OidcSecurityContext oidc = securityContext(request);
        IDToken token = oidc == null ? null : oidc.getIDToken();
        if (token == null || token.getSubject() == null || token.getIssuer() == null) {
            // cannot happen behind elytron-oidc-client; never hand out a ticket without a verified identity
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "No verified identity from the identity provider");
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long now = System.currentTimeMillis();
        List<String> values = claimValues(token.getClaimValue(first(roleClaim)), rest(roleClaim));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setString(1, sha256Hex(secret));
            ps.setString(2, clip(token.getIssuer(), 255));
            ps.setString(3, clip(token.getSubject(), 255));
            ps.setString(4, clip(token.getPreferredUsername(), 255));
            ps.setString(5, clip(token.getEmail(), 254));
            ps.setString(6, clip(token.getName(), 255));
            ps.setString(7, clip(String.join("\n", values), 4000));
            ps.setLong(8, now);
            ps.setLong(9, now + TICKET_SECONDS * 1000);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IOException("Could not store the SSO login ticket", e);
        }
        LOG.info(() -> "SSO ticket for '" + clip(token.getPreferredUsername(), 64) + "' (" + values.size()
                + " values of claim " + roleClaim + ")");
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate(); // the tokens are not needed here any more; PatchCare keeps its own session
        }
        Cookie cookie = new Cookie(COOKIE, secret);
        cookie.setPath(TARGET);
        cookie.setMaxAge((int) TICKET_SECONDS);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure() || "true".equalsIgnoreCase(env("PATCHCARE_SECURE_COOKIES", "false")));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(TARGET);
    }

    /** Where elytron-oidc-client leaves the verified tokens: a request attribute, and the caller principal. */
    static OidcSecurityContext securityContext(HttpServletRequest request) {
        if (request.getAttribute(OidcSecurityContext.class.getName()) instanceof OidcSecurityContext c) {
            return c;
        }
        if (request.getUserPrincipal() instanceof OidcPrincipal<?> p) {
            return p.getOidcSecurityContext();
        }
        return null;
    }

    /** The claim's values as strings: a list, a single string, or whatever {@code path} reaches inside an object. */
    static List<String> claimValues(Object value, List<String> path) {
        Object v = value;
        for (String key : path) {
            v = v instanceof Map<?, ?> m ? m.get(key) : null;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof Collection<?> list) {
            for (Object o : list) {
                if (o != null && !o.toString().isBlank() && !o.toString().contains("\n")) {
                    out.add(o.toString().strip());
                }
            }
        } else if (v != null && !v.toString().isBlank() && !(v instanceof Map<?, ?>)) {
            out.add(v.toString().strip());
        }
        return out;
    }

    static String first(String claimPath) {
        int dot = claimPath.indexOf('.');
        return dot < 0 ? claimPath : claimPath.substring(0, dot);
    }

    static List<String> rest(String claimPath) {
        int dot = claimPath.indexOf('.');
        return dot < 0 ? List.of() : List.of(claimPath.substring(dot + 1).split("\\."));
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.strip();
    }
}
