package org.patchcare.it;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.Cookie;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchcare.shared.api.Api;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two PatchCare nodes on one MariaDB behind nginx (docs/clustering.md), as an operator would run them: the provisioned
 * server started twice (port offsets 410 and 420, node names node1 and node2) and Debian's nginx on port 18480 with
 * the route-based sticky configuration of the docs. Checks the promises: every cluster-wide job runs once per
 * firing, a write through one node is read through the other and through nginx, and after one node is killed
 * (SIGKILL) nginx keeps serving from the other, the killed node's browser user sees the login page, logs in again and
 * finds the data saved before the crash, and the survivor runs the jobs.
 */
class ClusterResilienceIT {

    static final String DATABASE = "ha_cluster_it";
    static final int NGINX_PORT = 18480;
    static final Path DIR = Path.of("target/cluster");
    /** Jobs that run every few seconds, once per cluster, with their periods (the @Schedule of each). */
    static final Map<String, Integer> FREQUENT_JOBS = Map.of("MailJob", 1, "RiskJob", 5);
    /** Jobs that run once a minute, once per cluster, with the second of the minute they run at. */
    static final Map<String, Integer> MINUTE_JOBS = Map.of("AdvisoryFeedJob", 17, "MetricsJob", 20, "DowntimeJob", 45);

    static ClusterNode node1;
    static ClusterNode node2;
    static Process nginx;
    static Instant bothUp;

    @BeforeAll
    static void startCluster() throws Exception {
        String why = MariaDb.unavailableReason();
        assertThat(why).as("MariaDB is needed at " + MariaDb.host() + ":" + MariaDb.port()).isNull();
        MariaDb.recreate(DATABASE);
        Path home = Path.of(System.getProperty("server.home", "target/server"));
        assertThat(home.resolve("standalone/deployments/ROOT.war")).as("the provisioned server with PatchCare").exists();
        Files.createDirectories(DIR);
        Map<String, String> env = Map.of(
                "PATCHCARE_DB_KIND", "MariaDB",
                "PATCHCARE_DB_URL", MariaDb.url(DATABASE),
                "PATCHCARE_DB_USER", MariaDb.APP_USER,
                "PATCHCARE_DB_PASSWORD", MariaDb.APP_PASSWORD,
                "PATCHCARE_DEMO", "true",
                "PATCHCARE_JOB_LOG_LEVEL", "FINE");
        node1 = new ClusterNode("node1", 410, home, DIR);
        node2 = new ClusterNode("node2", 420, home, DIR);
        // The first node alone on the empty database (migrations, demo hospital), then the second: docs/clustering.md
        node1.start(env);
        node1.awaitUp(Duration.ofMinutes(4));
        node2.start(env);
        node2.awaitUp(Duration.ofMinutes(4));
        bothUp = Instant.now();
        nginx = startNginx();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor();
        }
        for (ClusterNode n : new ClusterNode[] {node1, node2}) {
            if (n != null) {
                n.stop();
            }
        }
        try (var c = MariaDb.admin(); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + DATABASE + "`");
        }
    }

    @Test
    void two_nodes_share_data_run_each_job_once_and_survive_the_loss_of_one() throws Exception {
        // A write through node1 is read through node2 and through nginx
        String tag = "HA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        HttpResponse<String> created = post(node1.url(), "/api/v1/devices", "admin", Api.deviceJson(tag).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(deviceVisible(node2.url(), tag)).as("node2 reads what node1 wrote").isTrue();
        assertThat(deviceVisible(nginx(), tag)).as("nginx reads what node1 wrote").isTrue();

        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            BrowserContext context = Browsers.launch(playwright).newContext();
            context.setDefaultTimeout(60_000);
            Page page = context.newPage();
            logIn(page, "biomed");
            String route = route(context);
            assertThat(route).as("nginx keeps the session on the node named in its cookie").isIn("node1", "node2");
            ClusterNode sessionNode = route.equals("node1") ? node1 : node2;
            ClusterNode survivor = sessionNode == node1 ? node2 : node1;

            // Data saved through the session's node just before it dies
            String saved = "HA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            HttpResponse<String> r = post(sessionNode.url(), "/api/v1/devices", "biomed", Api.deviceJson(saved).toString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);

            // Every cluster-wide job fired once per firing, across both nodes, for a full minute
            waitUntil(bothUp.plusSeconds(62));
            Instant killedAt = Instant.now();
            assertEachJobRanOncePerFiring(bothUp.plusSeconds(1), killedAt.minusSeconds(1));

            sessionNode.kill();

            // nginx keeps answering, from the survivor
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> list = ItConfig.http().send(
                        ClusterNode.request(nginx(), "/api/v1/devices?limit=5", "manager").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(list.statusCode()).as("request " + i + " through nginx after the kill").isEqualTo(200);
            }

            // The browser user of the dead node gets the login page, not an error, and after logging in sees the data
            page.navigate(nginx() + "/devices?text=" + saved);
            page.waitForURL(u -> u.contains("/login"));
            page.locator("vaadin-login-form").waitFor();
            Browsers.screenshot(page, "cluster-login-after-failover");
            logIn(page, "biomed");
            assertThat(route(context)).as("the new session lives on the survivor").isEqualTo(survivor.name);
            page.navigate(nginx() + "/devices?text=" + saved);
            page.locator("vaadin-grid-cell-content").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(saved)).first().waitFor();
            Browsers.screenshot(page, "cluster-devices-after-failover");

            // The survivor runs the cluster-wide jobs alone now
            Instant after = Instant.now();
            waitUntil(after.plusSeconds(12));
            List<ClusterNode.Firing> later = survivor.firings().stream()
                    .filter(f -> f.at().isAfter(after) && f.job().equals("RiskJob")).toList();
            assertThat(later).as("RiskJob firings on " + survivor.name + " after the kill").hasSizeGreaterThanOrEqualTo(2);
            assertThat(survivor.firings().stream().filter(f -> f.at().isAfter(after) && f.job().equals("MailJob")))
                    .as("MailJob firings on " + survivor.name + " after the kill").hasSizeGreaterThanOrEqualTo(8);
        }
    }

    /**
     * For every cluster-wide job: the firings of both nodes within the window are as many as the schedule has
     * instants there (each instant once, give or take the edges for the frequent ones), never twice.
     */
    private static void assertEachJobRanOncePerFiring(Instant from, Instant to) throws IOException {
        List<ClusterNode.Firing> all = new ArrayList<>(node1.firings());
        all.addAll(node2.firings());
        all.removeIf(f -> f.at().isBefore(from) || f.at().isAfter(to));
        Map<String, List<ClusterNode.Firing>> byJob = all.stream()
                .collect(Collectors.groupingBy(ClusterNode.Firing::job));
        StringBuilder report = new StringBuilder();
        byJob.forEach((job, fs) -> report.append(job).append(": ").append(fs.stream()
                .collect(Collectors.groupingBy(ClusterNode.Firing::node, Collectors.counting()))).append('\n'));
        System.out.println("Job firings between " + from + " and " + to + ":\n" + report);
        String seen = report.toString().replace('\n', ' ');
        for (var job : MINUTE_JOBS.entrySet()) {
            assertThat(byJob.getOrDefault(job.getKey(), List.of())).as(job.getKey() + " firings: " + seen)
                    .hasSize((int) atSecond(from, to, job.getValue()));
        }
        for (var job : FREQUENT_JOBS.entrySet()) {
            long p = job.getValue();
            long expected = to.getEpochSecond() / p - (from.getEpochSecond() + p - 1) / p + 1;
            // a firing can fall either side of an edge or be skipped under load, but on both nodes it would double
            assertThat((long) byJob.getOrDefault(job.getKey(), List.of()).size()).as(job.getKey() + " firings: " + seen)
                    .isBetween(expected * 3 / 4, expected + 1);
        }
        // The per-node job (its queue is node memory) runs on both
        assertThat(byJob.getOrDefault("RematchJob", List.of()).stream().map(ClusterNode.Firing::node).distinct())
                .as("RematchJob runs on each node").hasSize(2);
    }

    /** How many times the clock shows this second of a minute between the two instants. */
    private static long atSecond(Instant from, Instant to, int second) {
        long n = 0;
        for (Instant m = from.truncatedTo(ChronoUnit.MINUTES); !m.isAfter(to); m = m.plus(1, ChronoUnit.MINUTES)) {
            Instant t = m.plusSeconds(second);
            if (!t.isBefore(from) && !t.isAfter(to)) {
                n++;
            }
        }
        return n;
    }

    private static boolean deviceVisible(String base, String tag) throws IOException, InterruptedException {
        HttpResponse<String> r = ItConfig.http().send(
                ClusterNode.request(base, "/api/v1/devices?text=" + tag, "manager").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            return false;
        }
        JsonObject page = Json.createReader(new StringReader(r.body())).readObject();
        return page.getJsonNumber("total").longValue() == 1
                && page.getJsonArray("items").getJsonObject(0).getString("assetTag").equals(tag);
    }

    private static HttpResponse<String> post(String base, String path, String user, String json)
            throws IOException, InterruptedException {
        return ItConfig.http().send(ClusterNode.request(base, path, user)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void logIn(Page page, String user) {
        page.navigate(nginx() + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(user);
        page.locator("vaadin-login-form input[name='password']").fill(ItConfig.password(user));
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        page.waitForURL(u -> !u.contains("/login"));
        page.locator("#side-nav").waitFor();
    }

    /** The node named at the end of the session cookie (Undertow's instance-id, jboss.node.name). */
    private static String route(BrowserContext context) {
        Predicate<Cookie> session = c -> c.name.equals("JSESSIONID");
        String id = context.cookies(nginx()).stream().filter(session).map(c -> c.value).findFirst().orElse("");
        return id.contains(".") ? id.substring(id.lastIndexOf('.') + 1) : "";
    }

    private static void waitUntil(Instant t) throws InterruptedException {
        long ms = Duration.between(Instant.now(), t).toMillis();
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    static String nginx() {
        return "http://127.0.0.1:" + NGINX_PORT;
    }

    /** Debian's nginx in the foreground with its own prefix in target/cluster/nginx and the configuration of the docs. */
    private static Process startNginx() throws Exception {
        Path prefix = DIR.resolve("nginx").toAbsolutePath();
        ClusterNode.deleteTree(prefix);
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        String conf = NginxConfig.render(prefix, NGINX_PORT, Map.of("node1", node1.httpPort(), "node2", node2.httpPort()));
        Files.writeString(prefix.resolve("nginx.conf"), conf);
        Path binary = Path.of(System.getProperty("nginx.path", "/usr/sbin/nginx"));
        assertThat(binary).as("nginx is needed (apt-get install nginx)").isExecutable();
        Process p = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString(),
                "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/console.out").toFile()).start();
        Instant until = Instant.now().plusSeconds(10);
        while (Instant.now().isBefore(until)) {
            try {
                if (ItConfig.http().send(ClusterNode.request(nginx(), "/api/v1/devices?limit=1", "manager").GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("nginx did not start: " + Files.readString(prefix.resolve("logs/console.out")));
    }
}
