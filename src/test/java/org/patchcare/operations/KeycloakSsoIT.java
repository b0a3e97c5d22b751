package org.patchcare.operations;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.patchcare.it.Browsers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SSO against a real Keycloak (ADR 0018): the Keycloak server distribution from Maven Central (unpacked into
 * target/keycloak by the build) started in dev mode with the realm of src/test/resources/keycloak, and a copy of the
 * provisioned PatchCare server (target/server, H2) started with PATCHCARE_OIDC_* so it deploys the companion WAR /sso.
 * Headless Chromium clicks "Log in with Keycloak" and logs in on Keycloak's own form.
 * <p>
 * Runs once per build in the it-resilience execution (it starts its own servers), not on H2 and MariaDB twice.
 * Ports: PatchCare 8080 + sso.it.offset (default 460), Keycloak 18000 + the offset (its management port + 1).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakSsoIT {

    static final int OFFSET = Integer.getInteger("sso.it.offset", 460);
    static final int KEYCLOAK_PORT = 18000 + OFFSET;
    static final Path DIR = Path.of("target/sso-it").toAbsolutePath();
    static final String BASE = "http://127.0.0.1:" + (8080 + OFFSET);
    static final String ISSUER = "http://127.0.0.1:" + KEYCLOAK_PORT + "/realms/patchcare";
    static final String DB_URL = "jdbc:h2:file:" + DIR.resolve("db/patchcare") + ";AUTO_SERVER=TRUE";

    static Process keycloak;
    static OwnServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Playwright playwright;
    Browser browser;

    @BeforeAll
    static void startKeycloakAndPatchCare() throws Exception {
        Browsers.requireChromium();
        long started = System.nanoTime();
        keycloak = startKeycloak();
        OwnMariaDb.deleteTree(DIR.resolve("db"));
        server = OwnServer.copy(DIR.resolve("server"), OFFSET, Map.ofEntries(
                Map.entry("PATCHCARE_DB_KIND", "H2"),
                Map.entry("PATCHCARE_DB_URL", DB_URL),
                Map.entry("PATCHCARE_DB_USER", "sa"),
                Map.entry("PATCHCARE_DB_PASSWORD", "sa"),
                Map.entry("PATCHCARE_DEMO", "true"),
                Map.entry("PATCHCARE_OIDC_ENABLED", "true"),
                Map.entry("PATCHCARE_OIDC_PROVIDER_URL", ISSUER),
                Map.entry("PATCHCARE_OIDC_CLIENT_ID", "patchcare"),
                Map.entry("PATCHCARE_OIDC_CLIENT_SECRET", "patchcare-it-secret"),
                Map.entry("PATCHCARE_OIDC_DISPLAY_NAME", "Keycloak"),
                Map.entry("PATCHCARE_OIDC_ROLE_CLAIM", "groups"),
                Map.entry("PATCHCARE_OIDC_ROLES", "patchcare-biomed:BIOMED_TECH,patchcare-managers:CLINICAL_MANAGER,"
                        + "patchcare-itsec:IT_SECURITY")));
        System.out.printf(Locale.ROOT, "PatchCare ready in %.1f s%n", server.start());
        waitForKeycloak();
        System.out.printf(Locale.ROOT, "Keycloak and PatchCare ready %.1f s after the start%n",
                (System.nanoTime() - started) / 1e9);
    }

    /** Keycloak in dev mode on its own port, with a fresh database and the test realm (redirect URIs of this server). */
    static Process startKeycloak() throws IOException {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/keycloak-26.7.3")).toAbsolutePath();
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("no Keycloak at " + home + ": the build unpacks it (unpack-keycloak) before "
                    + "the it-resilience execution");
        }
        OwnMariaDb.deleteTree(home.resolve("data"));
        Files.createDirectories(home.resolve("data/import"));
        String realm;
        try (var in = KeycloakSsoIT.class.getResourceAsStream("/keycloak/patchcare-realm.json")) {
            realm = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${PATCHCARE_BASE}", BASE);
        }
        Files.writeString(home.resolve("data/import/patchcare-realm.json"), realm);
        Files.createDirectories(DIR);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=127.0.0.1", "--http-port=" + KEYCLOAK_PORT, "--http-management-port=" + (KEYCLOAK_PORT + 1),
                "--hostname=http://127.0.0.1:" + KEYCLOAK_PORT, "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(DIR.resolve("keycloak.log").toFile()));
        pb.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
        return pb.start();
    }

    static void waitForKeycloak() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!keycloak.isAlive()) {
                throw new IllegalStateException("Keycloak stopped; see " + DIR.resolve("keycloak.log"));
            }
            try {
                if (get(ISSUER + "/.well-known/openid-configuration", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak was not ready within 240 s; see " + DIR.resolve("keycloak.log"));
    }

    @AfterAll
    static void stopBoth() throws InterruptedException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (keycloak != null) {
                keycloak.descendants().forEach(ProcessHandle::destroy);
                keycloak.destroy();
                if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                    keycloak.descendants().forEach(ProcessHandle::destroyForcibly);
                    keycloak.destroyForcibly();
                }
            }
        }
    }

    @BeforeEach
    void openBrowser() {
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterEach
    void closeBrowser() {
        playwright.close();
    }

    /** A fresh browser window (no cookies: neither PatchCare's nor Keycloak's session). */
    Page newPage() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** From PatchCare's login page through Keycloak's login form and back; answers the ticket secret that was used. */
    String ssoLogin(Page page, String username, String password) {
        AtomicReference<String> secret = new AtomicReference<>();
        page.context().onRequest(r -> {
            if (r.url().startsWith(BASE + "/login/sso")) {
                String cookie = r.headerValue("cookie"); // headers() leaves cookies out
                if (cookie == null) {
                    return;
                }
                for (String c : cookie.split(";\\s*")) {
                    if (c.startsWith("PATCHCARE_SSO_TICKET=")) {
                        secret.set(c.substring("PATCHCARE_SSO_TICKET=".length()));
                    }
                }
            }
        });
        page.navigate(BASE + "/login");
        page.locator("#sso-login").click();
        page.waitForURL(url -> url.startsWith(ISSUER));
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(BASE) && !url.contains("/sso/") && !url.contains("/login/sso"));
        Browsers.settle(page);
        return secret.get();
    }

    @Test
    @Order(1)
    void the_login_page_offers_the_identity_provider_and_a_biomed_lands_on_the_device_list() throws Exception {
        Page page = newPage();
        page.navigate(BASE + "/login");
        assertThat(page.locator("#sso-login").textContent()).isEqualTo("Log in with Keycloak");

        String secret = ssoLogin(page, "bella.biomed", "Bella-sso-2026!");

        assertThat(secret).as("the ticket travelled in the cookie").isNotBlank();
        page.locator("#side-nav").waitFor();
        assertThat(page.locator("#current-user").textContent()).contains("bella.biomed");
        page.navigate(BASE + "/devices");
        Browsers.settle(page);
        assertThat(page.locator("vaadin-grid").count()).as("the device list shows").isPositive();
        Browsers.screenshot(page, "sso-biomed-devices");
        assertThat(linkedUsers("bella.biomed")).containsExactly("bella.biomed");
        assertThat(roles("bella.biomed")).containsExactly("BIOMED_TECH");
        assertThat(passwordHash("bella.biomed")).as("no usable local password").isEqualTo("sso-only");
        assertThat(query("select display_name || ' ' || email from app_user where username = 'bella.biomed'"))
                .isEqualTo("Bella Biomed bella.biomed@hospital.example");
        assertThat(query("select count(*) from audit_entry where entity_key = 'bella.biomed' and reason like "
                + "'%single sign-on%'")).as("login audited").isNotEqualTo("0");
    }

    @Test
    @Order(2)
    void a_second_login_reuses_the_same_patchcare_user_and_the_ticket_cannot_be_replayed() throws Exception {
        Page page = newPage();
        String secret = ssoLogin(page, "bella.biomed", "Bella-sso-2026!");
        page.locator("#side-nav").waitFor();
        assertThat(linkedUsers("bella.biomed")).as("no duplicate user").containsExactly("bella.biomed");

        HttpResponse<String> replay = get(BASE + "/login/sso", "PATCHCARE_SSO_TICKET=" + secret);
        assertThat(replay.statusCode()).isEqualTo(302);
        assertThat(replay.headers().firstValue("Location").orElseThrow()).endsWith("/login?sso=invalid-ticket");
        assertThat(replay.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    @Order(3)
    void an_expired_ticket_is_refused_with_a_clear_message() throws Exception {
        String secret = "expired-ticket-secret-0123456789abcdefghijklmnop";
        long past = System.currentTimeMillis() - 61_000;
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("insert into sso_login_ticket (secret_hash, "
                + "issuer, subject, username, claim_values, created_at_ms, expires_at_ms) values (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8))));
            ps.setString(2, ISSUER);
            ps.setString(3, "someone-else");
            ps.setString(4, "late.larry");
            ps.setString(5, "patchcare-itsec");
            ps.setLong(6, past - 60_000);
            ps.setLong(7, past);
            ps.executeUpdate();
        }
        HttpResponse<String> late = get(BASE + "/login/sso", "PATCHCARE_SSO_TICKET=" + secret);
        assertThat(late.headers().firstValue("Location").orElseThrow()).endsWith("/login?sso=invalid-ticket");
        assertThat(query("select count(*) from sso_login_ticket where username = 'late.larry'")).as("consumed").isEqualTo("0");
        assertThat(linkedUsers("late.larry")).isEmpty();

        Page page = newPage();
        page.navigate(BASE + "/login?sso=invalid-ticket");
        Browsers.settle(page);
        page.getByText("The single sign-on did not complete in time or was already used. Please log in again.").waitFor();
    }

    @Test
    @Order(4)
    void a_person_without_a_mapped_group_gets_the_no_patchcare_role_message() throws Exception {
        Page page = newPage();
        ssoLogin(page, "nora.nogroup", "Nora-sso-2026!");
        assertThat(page.url()).endsWith("/login?sso=no-role");
        page.getByText("No PatchCare role").waitFor();
        page.getByText("none of your groups gives you a PatchCare role", new Page.GetByTextOptions()).waitFor();
        Browsers.screenshot(page, "sso-no-role");
        assertThat(linkedUsers("nora.nogroup")).as("nobody provisioned").isEmpty();
    }

    @Test
    @Order(5)
    void a_manager_gets_the_clinical_manager_role_and_a_disabled_user_stays_disabled() throws Exception {
        Page page = newPage();
        ssoLogin(page, "max.manager", "Max-sso-2026!");
        page.locator("#side-nav").waitFor();
        assertThat(roles("max.manager")).containsExactly("CLINICAL_MANAGER");

        query("update app_user set enabled = false where username = 'max.manager'");
        Page again = newPage();
        ssoLogin(again, "max.manager", "Max-sso-2026!");
        assertThat(again.url()).endsWith("/login?sso=disabled");
        again.getByText("Your PatchCare account is disabled. Ask your PatchCare administrator.").waitFor();
    }

    @Test
    @Order(6)
    void local_form_login_and_basic_auth_still_work_while_sso_is_on() throws Exception {
        Page page = newPage();
        page.navigate(BASE + "/login");
        page.locator("vaadin-login-form input[name='username']").fill("biomed");
        page.locator("vaadin-login-form input[name='password']").fill("biomed-demo-2026");
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        page.locator("#side-nav").waitFor();

        HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/devices"))
                .header("Authorization", OwnServer.BIOMED).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(200);
    }

    static HttpResponse<String> get(String url, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection(DB_URL, "sa", "sa");
    }

    /** The PatchCare users linked to a Keycloak account whose user name starts with {@code name}. */
    static List<String> linkedUsers(String name) throws SQLException {
        return column("select username from app_user where sso_issuer = '" + ISSUER + "' and username like '" + name + "%'");
    }

    static List<String> roles(String username) throws SQLException {
        return column("select r.role from app_user_role r join app_user u on u.id = r.user_id where u.username = '"
                + username + "' order by r.role");
    }

    static String passwordHash(String username) throws SQLException {
        return query("select password_hash from app_user where username = '" + username + "'");
    }

    static String query(String sql) throws SQLException {
        try (Connection c = db(); var st = c.createStatement()) {
            if (!st.execute(sql)) {
                return Integer.toString(st.getUpdateCount());
            }
            ResultSet rs = st.getResultSet();
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db(); var st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
