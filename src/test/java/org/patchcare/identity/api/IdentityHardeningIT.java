package org.patchcare.identity.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Identity hardening on the real server (issue 7): API tokens (created once with their secret, used as Bearer, limited
 * to their roles, last use recorded, revoked and expired ones refused with a clear problem), lockout after repeated
 * failed logins (Basic and form, with the message and its end), disabled users refused, an administrator's reset
 * forcing a new password. Tests that fail logins use users of their own, never the demo users.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityHardeningIT {

    private static final Map<String, String> IDS = new ConcurrentHashMap<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    /** The failed logins of this class count against 127.0.0.1 too; later test classes must not inherit them. */
    @AfterAll
    static void forget_the_failed_logins_of_this_address() {
        Probe.as("admin").call("identity/clearLocks", "username", "-").value();
    }

    // ---- API tokens ------------------------------------------------------------------------------------------------

    @Test
    void a_token_works_as_bearer_with_exactly_its_roles_and_its_use_is_recorded_and_audited() {
        String name = "scanner-" + suffix();
        Reply created = Api.post("/api-tokens", "admin", tokenJson(name, "BIOMED_TECH", 30));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
        String secret = created.json().getString("secret");
        String id = created.json().getJsonObject("token").getString("id");
        assertThat(secret).startsWith("pct_").hasSizeGreaterThan(40);
        assertThat(created.json().getJsonObject("token").getString("prefix")).isEqualTo(secret.substring(0, 12));

        // the list never shows the secret again
        Reply list = Api.get("/api-tokens", "admin");
        assertThat(list.body()).contains(name).doesNotContain(secret);

        // a biomed token may create a device, and the audit trail names the token
        String tag = Api.newTag();
        Reply device = bearer("POST", "/devices", secret, Api.deviceJson(tag).toString());
        assertThat(device.status()).as(device.toString()).isEqualTo(201);
        assertThat(Probe.as("admin").call("audit/history", "type", "Device", "key", tag).array().getJsonObject(0)
                .getString("actor")).isEqualTo("token:" + name);

        // but nothing beyond its roles: re-evaluating risk is for IT security and administrators; no screens either
        Reply refused = bearer("POST", "/risk/reevaluate", secret, "{\"reason\":\"token test\"}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(bearer("GET", "/api-tokens", secret, null).status()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(URI.create(ItConfig.baseUrl() + "/"))
                .header("Authorization", "Bearer " + secret).build()).status()).isEqualTo(401);

        JsonObject listed = token(id);
        assertThat(listed.getString("status")).isEqualTo("ACTIVE");
        assertThat(listed.getString("lastUsedAt", null)).isNotNull();
        assertThat(listed.getString("lastUsedIp", null)).isNotBlank();
    }

    @Test
    void revoked_expired_and_unknown_tokens_get_401_problems_that_say_why() {
        String revokedSecret = createToken("revoked-" + suffix());
        assertThat(bearer("GET", "/devices?limit=1", revokedSecret, null).status()).isEqualTo(200);
        Reply revoke = Api.call("DELETE", "/api-tokens/" + IDS.get(revokedSecret), "admin", null);
        assertThat(revoke.status()).as(revoke.toString()).isEqualTo(200);
        assertThat(revoke.json().getString("status")).isEqualTo("REVOKED");
        assertThat(revoke.json().getString("revokedBy")).isEqualTo("admin");
        Reply afterRevoke = bearer("GET", "/devices?limit=1", revokedSecret, null);
        assertThat(afterRevoke.status()).isEqualTo(401);
        assertThat(afterRevoke.contentType()).startsWith("application/problem+json");
        assertThat(afterRevoke.json().getString("detail")).contains("revoked");

        String expiredSecret = createToken("expired-" + suffix());
        Probe.as("admin").call("identity/expireToken", "id", IDS.get(expiredSecret)).value();
        Reply expired = bearer("GET", "/devices?limit=1", expiredSecret, null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().getString("detail")).contains("expired on");
        assertThat(token(IDS.get(expiredSecret)).getString("status")).isEqualTo("EXPIRED");

        Reply unknown = bearer("GET", "/devices?limit=1", "pct_" + "A".repeat(43), null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().getString("detail")).contains("not known");
    }

    @Test
    void tokens_cannot_be_administrators_and_names_are_unique() {
        Reply admin = Api.post("/api-tokens", "admin", tokenJson("root-" + suffix(), "ADMIN", 30));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(422);
        assertThat(admin.body()).contains("roles");
        Reply tooLong = Api.post("/api-tokens", "admin", tokenJson("long-" + suffix(), "IT_SECURITY", 400));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(422);
        assertThat(tooLong.body()).contains("expiresInDays");
        String name = "twice-" + suffix();
        createToken(name);
        assertThat(Api.post("/api-tokens", "admin", tokenJson(name, "IT_SECURITY", 30)).status()).isEqualTo(409);
    }

    // ---- login protection ------------------------------------------------------------------------------------------

    @Test
    void five_wrong_passwords_lock_the_user_with_a_message_until_the_back_off_ends() {
        String user = ownUser();
        for (int i = 1; i <= 4; i++) {
            Reply r = basic(user, "wrong password " + i);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.body()).doesNotContain("Too many");
        }
        Reply fifth = basic(user, "wrong password 5");
        assertThat(fifth.status()).isEqualTo(401);
        assertThat(fifth.json().getString("detail"))
                .isEqualTo("Too many failed attempts. Try again in 1 minute or ask an administrator.");
        // while locked even the right password is refused, with the same message and a Retry-After
        Reply locked = basic(user, ItConfig.password(user));
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().getString("detail")).startsWith("Too many failed attempts");
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        // an unknown user name locks the same way: the answer does not tell whether a user exists
        String nobody = "nobody-" + suffix();
        for (int i = 1; i <= 4; i++) {
            basic(nobody, "guess " + i);
        }
        assertThat(basic(nobody, "guess 5").json().getString("detail")).startsWith("Too many failed attempts");

        // the form login shows the lock too
        assertThat(formLogin(user, ItConfig.password(user)).headers().firstValue("Location").orElseThrow())
                .endsWith("/login?locked=1");

        // the lockout is audited once
        assertThat(Probe.as("admin").call("audit/history", "type", "User", "key", user).array().toString())
                .contains("login locked for 1 min");

        // after the back-off the right password works again
        Probe.as("admin").call("identity/endLock", "username", user).value();
        assertThat(basic(user, ItConfig.password(user)).status()).isEqualTo(200);
        Probe.as("admin").call("identity/clearLocks", "username", nobody).value();
    }

    @Test
    void a_disabled_user_is_refused_on_form_and_basic_and_their_session_ends() throws Exception {
        String user = ownUser();
        assertThat(basic(user, ItConfig.password(user)).status()).isEqualTo(200); // now in the Basic cache
        HttpResponse<String> login = formLogin(user, ItConfig.password(user));
        assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        String cookie = sessionCookie(login);
        assertThat(withCookie("/api/v1/devices?limit=1", cookie).statusCode()).isEqualTo(200);

        assertThat(Probe.as("admin").call("identity/setEnabled", "username", user, "enabled", "false").value().toString())
                .isEqualTo("false");
        assertThat(basic(user, ItConfig.password(user)).status()).as("cached Basic login").isEqualTo(401);
        assertThat(formLogin(user, ItConfig.password(user)).headers().firstValue("Location").orElseThrow())
                .endsWith("/login?error");
        // the session ends at its next request once the node re-reads the user (at most 5 seconds)
        long deadline = System.currentTimeMillis() + 7_000;
        int status = 200;
        while (status == 200 && System.currentTimeMillis() < deadline) {
            status = withCookie("/api/v1/devices?limit=1", cookie).statusCode();
            if (status == 200) {
                Thread.sleep(250);
            }
        }
        assertThat(status).isEqualTo(401);
        assertThat(Probe.as("admin").call("audit/history", "type", "User", "key", user).array().toString())
                .contains("disabled");
        Probe.as("admin").call("identity/clearLocks", "username", user).value();
    }

    @Test
    void nobody_can_disable_themselves() {
        Probe.Answer self = Probe.as("admin").call("identity/setEnabled", "username", "admin", "enabled", "false");
        assertThat(self.ok()).isFalse();
        assertThat(self.message()).contains("yourself");
    }

    @Test
    void an_admin_reset_forces_a_new_password_before_anything_else() {
        String user = ownUser();
        String temporary = Probe.as("admin").call("identity/reset", "username", user).value().toString()
                .replace("\"", "");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
        assertThat(basic(user, ItConfig.password(user)).status()).as("old password").isEqualTo(401);
        Reply api = basic(user, temporary);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.json().getString("detail")).contains("choose a new password");

        HttpResponse<String> login = formLogin(user, temporary);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        String cookie = sessionCookie(login);
        // a common password is refused with the reason, then a good one is taken
        JsonObject refused = probeWithCookie(cookie, "identity/changePassword", "current", temporary,
                "next", "qwerty123456");
        assertThat(refused.getBoolean("ok")).isFalse();
        assertThat(refused.getString("message")).contains("commonly used");
        String chosen = "lantern orchard " + suffix();
        JsonObject changed = probeWithCookie(cookie, "identity/changePassword", "current", temporary, "next", chosen);
        assertThat(changed.getBoolean("ok")).as(changed.toString()).isTrue();
        assertThat(basic(user, chosen).status()).isEqualTo(200);
        assertThat(basic(user, temporary).status()).isEqualTo(401);
        assertThat(Probe.as("admin").call("audit/history", "type", "User", "key", user).array().toString())
                .contains("password reset").contains("password changed");
        Probe.as("admin").call("identity/clearLocks", "username", user).value();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }

    /** A biomed user of this test (password like the demo users'), so failed logins lock nobody else. */
    private static String ownUser() {
        String user = "lock-" + suffix();
        Probe.as("admin").call("fixture/user", "username", user, "role", "BIOMED_TECH").value();
        return user;
    }

    private static String tokenJson(String name, String role, int days) {
        return Json.createObjectBuilder().add("name", name).add("roles", Json.createArrayBuilder().add(role))
                .add("expiresInDays", days).build().toString();
    }

    private static String createToken(String name) {
        Reply r = Api.post("/api-tokens", "admin", tokenJson(name, "IT_SECURITY", 30));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String secret = r.json().getString("secret");
        IDS.put(secret, r.json().getJsonObject("token").getString("id"));
        return secret;
    }

    private static JsonObject token(String id) {
        return Api.get("/api-tokens", "admin").array().stream().map(v -> v.asJsonObject())
                .filter(o -> o.getString("id").equals(id)).findFirst().orElseThrow();
    }

    private static Reply bearer(String method, String path, String secret, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(ItConfig.baseUrl() + Api.BASE + path))
                .header("Authorization", "Bearer " + secret).header("Accept", "application/json, application/problem+json");
        b = json == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return send(b.build());
    }

    private static Reply basic(String user, String password) {
        return send(ItConfig.request(Api.BASE + "/devices?limit=1", user, password)
                .header("Accept", "application/json, application/problem+json").build());
    }

    private static HttpResponse<String> formLogin(String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return raw(HttpRequest.newBuilder(URI.create(ItConfig.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static String sessionCookie(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.indexOf(';') < 0 ? c : c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private static HttpResponse<String> withCookie(String path, String cookie) {
        return raw(HttpRequest.newBuilder(URI.create(ItConfig.baseUrl() + path)).header("Cookie", cookie)
                .header("Accept", "application/json").build());
    }

    private static JsonObject probeWithCookie(String cookie, String action, String... kv) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < kv.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(kv[i]).append('=')
                    .append(URLEncoder.encode(kv[i + 1], StandardCharsets.UTF_8));
        }
        HttpResponse<String> r = raw(HttpRequest.newBuilder(URI.create(ItConfig.baseUrl() + "/it/probe/" + action))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private static Reply send(HttpRequest request) {
        HttpResponse<String> r = raw(request);
        return new Reply(r.statusCode(), r.headers(), r.body());
    }

    private static HttpResponse<String> raw(HttpRequest request) {
        try {
            return ItConfig.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
