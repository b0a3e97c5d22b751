package org.patchcare.operations;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.patchcare.it.Browsers;
import org.patchcare.it.ItConfig;
import org.patchcare.it.rest.DeviceCsv;
import org.patchcare.shared.persistence.DatabaseMigrator;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7: the database goes away under traffic and comes back; then a backup of it is restored into a fresh database.
 * Real parts only: a mariadbd of the test's own (killed with SIGKILL and started again), the provisioned WildFly with
 * PatchCare as a separate process, mariadb-dump and the mariadb client, Flyway.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseResilienceIT {

    static final int OFFSET = 321;
    static final String DB = "ops_outage";
    static final Path WORK = Path.of("target/ops-resilience/outage");
    /** The API must answer 503 this soon after the database died, and work again this soon after it returned. */
    static final long DETECT_SECONDS = 15;
    static final long RECOVER_SECONDS = 20;

    static OwnStack stack;
    static OwnMariaDb db;
    static OwnServer server;

    @BeforeAll
    static void start() throws Exception {
        // the console as the Docker image has it: JSON lines instead of text
        stack = OwnStack.start(WORK, OFFSET, DB, Map.of("PATCHCARE_LOG_CONSOLE_JSON", "true",
                "PATCHCARE_LOG_CONSOLE_TEXT", "false"));
        db = stack.db;
        server = stack.server;
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void databaseOutageAnswers503AndRecoversWithoutRestart() throws Exception {
        // acknowledged before the outage: five devices imported (200 = committed)
        DeviceCsv csv = DeviceCsv.withHeader();
        for (int i = 0; i < 5; i++) {
            csv.line(DeviceCsv.row("OUT-" + i, i, "1.0"));
        }
        HttpResponse<String> imported = server.http().send(server.request("/api/v1/devices/import")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.text())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, imported.statusCode(), imported.body());
        assertEquals(200, server.get("/health/live", null).statusCode());
        assertEquals(5, devices("OUT-"));
        // a clinical engineer at the screen, logged in before the outage
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Page page = Browsers.newPage(playwright, 1280, 800);
            page.navigate(server.base() + "/login");
            page.locator("vaadin-login-form input[name='username']").fill("biomed");
            page.locator("vaadin-login-form input[name='password']").fill(ItConfig.password("biomed"));
            page.locator("vaadin-login-form input[name='password']").press("Enter");
            page.locator("#side-nav").waitFor();
            outage(page);
        } finally {
            playwright.close();
        }
    }

    private void outage(Page page) throws Exception {
        db.kill();
        databaseDown = true;
        long killed = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> unavailable = null;
        String requestId = "outage-check-" + System.currentTimeMillis();
        while (seconds(killed) < DETECT_SECONDS) {
            HttpResponse<String> r = server.get("/api/v1/devices?text=OUT-", OwnServer.BIOMED, "X-Request-Id", requestId);
            statuses.add(r.statusCode());
            if (r.statusCode() == 503) {
                unavailable = r;
                break;
            }
            Thread.sleep(200);
        }
        System.out.printf("503 after %.1f s (answers meanwhile: %s)%n", seconds(killed), statuses);
        assertTrue(unavailable != null, "no 503 within " + DETECT_SECONDS + " s: " + statuses);
        assertTrue(statuses.stream().noneMatch(s -> s >= 500 && s != 503), "a 5xx other than 503: " + statuses);
        assertEquals("application/problem+json", unavailable.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(unavailable.headers().firstValue("Retry-After").isPresent());
        JsonObject problem = json(unavailable.body());
        assertTrue(problem.getString("type").endsWith("database-unavailable"), unavailable.body());
        assertEquals(requestId, unavailable.headers().firstValue("X-Request-Id").orElse(null));
        // readiness says DOWN (a load balancer stops sending), liveness stays UP (a restart would not help)
        HttpResponse<String> ready = server.get("/health/ready", null);
        assertEquals(503, ready.statusCode(), ready.body());
        assertEquals("DOWN", json(ready.body()).getString("status"));
        assertTrue(ready.body().contains("{\"name\":\"database\",\"status\":\"DOWN\"}"), ready.body());
        assertEquals(200, server.get("/health/live", null).statusCode());
        // the screen says so in words, with a way to try again (no "internal error")
        page.navigate(server.base() + "/devices");
        page.getByText("database is unavailable", new Page.GetByTextOptions().setExact(false)).first().waitFor();
        Browsers.screenshot(page, "database-unavailable");
        assertFalse(page.content().contains("Internal error"), "Vaadin's internal-error page");
        // the structured log has the 503 as one JSON line with the request id in its context
        JsonObject logged = jsonLogLine(requestId);
        assertTrue(logged.getString("level").startsWith("WARN"), logged.getString("level"));
        assertEquals("/api/v1/devices", logged.getJsonObject("mdc").getString("route"));
        assertEquals("biomed", logged.getJsonObject("mdc").getString("user"));
        assertTrue(logged.getString("message").contains("database unavailable"), logged.toString());

        restartDatabase();
        long back = System.nanoTime();
        int status = 0;
        while (seconds(back) < RECOVER_SECONDS) {
            HttpResponse<String> r = server.get("/api/v1/devices?text=OUT-", OwnServer.BIOMED);
            status = r.statusCode();
            assertTrue(status == 200 || status == 503, "while recovering: " + status + " " + r.body());
            if (status == 200) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.printf("API answered 200 again %.1f s after the database was back%n", seconds(back));
        assertEquals(200, status, "not recovered within " + RECOVER_SECONDS + " s");
        assertEquals(5, devices("OUT-"), "devices acknowledged before the outage");
        assertEquals(200, server.get("/health/ready", null).statusCode());
        page.navigate(server.base() + "/devices?text=OUT-0");
        page.getByText("OUT-0").first().waitFor();
        Browsers.screenshot(page, "database-back");
        assertEquals(1.0, server.metric("patchcare_database_outages_total"));
        assertEquals(1.0, server.metric("patchcare_database_up"));
    }

    private static boolean databaseDown;

    /** Starts the killed database again (also when an assertion of the outage failed, for the tests after it). */
    private static void restartDatabase() throws Exception {
        if (databaseDown) {
            databaseDown = false;
            db.start();
        }
    }

    @org.junit.jupiter.api.AfterEach
    void databaseBack() throws Exception {
        restartDatabase();
    }

    @Test
    @Order(2)
    void metricsCountRequestsImportsAndQueues() throws Exception {
        String text = server.get("/metrics", null).body();
        for (String name : List.of("patchcare_http_requests_total{method=\"GET\",route=\"/api/v1/devices\",status=\"200\"}",
                "patchcare_http_requests_total{method=\"GET\",route=\"/api/v1/devices\",status=\"503\"}",
                "patchcare_http_request_duration_seconds_count{method=\"POST\",route=\"/api/v1/devices/import\"}",
                "patchcare_device_imports_total{mode=\"import\",result=\"committed\"} 1",
                "patchcare_device_import_rows_total{mode=\"import\",result=\"committed\"} 5",
                "patchcare_device_import_duration_seconds_sum{mode=\"import\"}",
                "patchcare_queue_size{queue=\"work_queue\"}", "patchcare_queue_size{queue=\"mail_outbox\"}",
                "patchcare_queue_size{queue=\"match_review\"}", "patchcare_queue_size{queue=\"change_approval\"}",
                "# TYPE patchcare_http_requests_total counter")) {
            assertTrue(text.contains(name), name + " missing in\n" + text);
        }
        double before = server.metric("patchcare_http_requests_total{method=\"GET\",route=\"/api/v1/devices/{id}\",status=\"404\"}");
        assertEquals(404, server.get("/api/v1/devices/987654321", OwnServer.BIOMED).statusCode());
        assertEquals(Math.max(before, 0) + 1,
                server.metric("patchcare_http_requests_total{method=\"GET\",route=\"/api/v1/devices/{id}\",status=\"404\"}"),
                "ids are folded into {id}, and the counter moves");
    }

    @Test
    @Order(3)
    void theConsoleSpeaksJsonWhenAskedTo() throws Exception {
        List<String> lines = Files.readAllLines(server.home().resolve("console.log"));
        JsonObject started = null;
        for (String line : lines) {
            assertFalse(line.contains("INFO  [org.jboss.as] (Controller Boot Thread) WFLYSRV0025"), "a text line: " + line);
            if (line.startsWith("{") && line.contains("WFLYSRV0025")) {
                started = json(line);
            }
        }
        assertTrue(started != null, "no JSON line saying the server started in the console");
        assertEquals("patchcare", started.getString("service"));
        assertEquals("org.jboss.as", started.getString("loggerName"));
    }

    @Test
    @Order(4)
    void backupRestoresIntoAFreshDatabase() throws Exception {
        Path dump = WORK.resolve("backup.sql");
        Process p = db.tool("mariadb-dump", "--single-transaction", "--routines", "--triggers", "--hex-blob",
                "--result-file=" + dump.toAbsolutePath(), DB);
        assertEquals(0, p.waitFor(), "mariadb-dump failed");
        assertTrue(Files.size(dump) > 10_000);
        try (Connection c = db.connect(""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE ops_restored CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Process restore = new ProcessBuilder("mariadb", "--no-defaults", "--host=127.0.0.1", "--port=" + db.port(),
                "--user=root", "--protocol=TCP", "ops_restored")
                .redirectInput(dump.toFile()).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("restore.log").toFile()).start();
        assertTrue(restore.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, restore.exitValue(), Files.readString(WORK.resolve("restore.log")));

        Map<String, Long> original = counts(DB);
        Map<String, Long> restored = counts("ops_restored");
        assertTrue(original.get("device") >= 5, original.toString());
        assertTrue(original.get("audit_entry") > 0, original.toString());
        assertEquals(original, restored, "every table has the same rows after the restore");
        // Flyway: the restored history matches the migrations of this build (checksums), nothing pending
        Flyway flyway = Flyway.configure().dataSource(db.jdbcUrl("ops_restored"), "root", "")
                .placeholders(DatabaseMigrator.placeholders(true)).locations(DatabaseMigrator.LOCATION).load();
        flyway.validate();
        assertEquals(0, flyway.info().pending().length);
        assertTrue(flyway.info().applied().length >= 11);
    }

    private static Map<String, Long> counts(String database) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.connect(database); Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + database + "' ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM `" + t + "`")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private long devices(String text) throws Exception {
        HttpResponse<String> r = server.get("/api/v1/devices?text=" + text, OwnServer.BIOMED);
        assertEquals(200, r.statusCode(), r.body());
        return json(r.body()).getJsonNumber("total").longValue();
    }

    private static JsonObject jsonLogLine(String requestId) throws Exception {
        Path log = server.home().resolve("standalone/log/patchcare.json");
        for (String line : Files.readAllLines(log)) {
            if (line.contains(requestId)) {
                JsonObject o = json(line);
                if (o.getString("loggerName", "").endsWith("ProblemResponses")
                        && requestId.equals(o.getJsonObject("mdc").getString("requestId", null))) {
                    return o;
                }
            }
        }
        throw new AssertionError("no JSON log line of the API's error path with request id " + requestId + " in " + log);
    }

    private static JsonObject json(String text) {
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
