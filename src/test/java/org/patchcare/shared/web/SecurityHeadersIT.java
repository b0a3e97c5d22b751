package org.patchcare.shared.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The security headers on every kind of answer (the login page, a Vaadin route, a static file, the API, its 401 and
 * 404 problems; the OpenAPI document that WildFly serves itself) and the session cookie's attributes, over plain http as the test server runs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    private static final HttpClient HTTP = ItConfig.http();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void every_kind_of_answer_carries_the_security_headers() {
        record Call(String path, String user, int status) {
        }
        List<Call> calls = List.of(
                new Call("/login", null, 200),
                new Call("/devices", null, 200),                  // a Vaadin route: the bootstrap page
                new Call("/styles.css", null, 200),               // a static file
                new Call("/icons/favicon.svg", null, 200),
                new Call("/api/v1/devices?limit=1", "admin", 200),
                new Call("/api/v1/devices?limit=1", null, 401),  // refused by the authentication mechanism
                new Call("/api/v1/devices/NO-SUCH-TAG", "admin", 404));
        for (Call c : calls) {
            HttpResponse<String> r = get(c.path(), c.user(), null);
            String as = c.path() + " as " + (c.user() == null ? "anonymous" : c.user());
            assertSoftly(soft -> {
                soft.assertThat(r.statusCode()).as(as).isEqualTo(c.status());
                soft.assertThat(header(r, "Content-Security-Policy")).as(as)
                        .isEqualTo(SecurityHeadersFilter.CSP)
                        .contains("frame-ancestors 'none'", "object-src 'none'", "default-src 'self'");
                soft.assertThat(header(r, "X-Frame-Options")).as(as).isEqualTo("DENY");
                soft.assertThat(header(r, "X-Content-Type-Options")).as(as).isEqualTo("nosniff");
                soft.assertThat(header(r, "Referrer-Policy")).as(as).isEqualTo("same-origin");
                soft.assertThat(header(r, "Permissions-Policy")).as(as).contains("camera=()", "geolocation=()");
                soft.assertThat(header(r, "Strict-Transport-Security")).as("%s over plain http", as).isNull();
                if (c.path().startsWith("/api/")) {
                    soft.assertThat(header(r, "Cache-Control")).as(as).isEqualTo("no-store");
                }
            });
        }
    }

    @Test
    void the_openapi_document_served_by_wildfly_is_not_sniffed_framed_or_active() {
        HttpResponse<String> r = get("/openapi", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(header(r, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(r, "X-Frame-Options")).isEqualTo("DENY");
        assertThat(header(r, "Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void a_forwarded_proto_header_from_anyone_does_not_switch_on_hsts() {
        // only a TLS connection (or PATCHCARE_SECURE_COOKIES for a TLS proxy) turns HSTS on; a client cannot
        HttpResponse<String> r = get("/login", null, "https");
        assertThat(header(r, "Strict-Transport-Security")).isNull();
    }

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax() {
        HttpResponse<String> r = get("/login", null, null);
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(v -> v.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + r.headers().map()));
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(cookie).as("not Secure on a plain-http server without PATCHCARE_SECURE_COOKIES")
                .doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    private static HttpResponse<String> get(String path, String user, String forwardedProto) {
        HttpRequest.Builder b = ItConfig.request(path, user, user == null ? null : ItConfig.password(user)).GET();
        if (forwardedProto != null) {
            b.header("X-Forwarded-Proto", forwardedProto);
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
