package org.patchcare.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchcare.it.Browsers;
import org.patchcare.it.ClusterNode;
import org.patchcare.it.ItConfig;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scale-out figures on one node of the provisioned server (started like a cluster node, on MariaDB
 * {@code ha_bench} or {@code -Dbench.scaleout.database}, with the demo hospital): API throughput and p99 latency with
 * wrk at 64 connections on the device list (Basic and an API token) next to a static file of the same WildFly in the
 * same run, with the server's CPU time per request, and heap per logged-in Vaadin session with the device list open
 * ({@code -Dbench.sessions}, default 200; 0 skips it). Results in target/bench/results.md, docs/benchmarks.md.
 */
class ScaleOutBench {

    static final String DATABASE = System.getProperty("bench.scaleout.database", "ha_bench");
    static final int SECONDS = Integer.getInteger("bench.wrk.seconds", 30);
    static final int CONNECTIONS = 64;
    static final int SESSIONS = Integer.getInteger("bench.sessions", 200);
    static ClusterNode node;

    @BeforeAll
    static void start() throws Exception {
        node = BenchNode.start("bench", 410, DATABASE);
    }

    @AfterAll
    static void stop() throws Exception {
        BenchNode.stop(node, DATABASE);
    }

    @Test
    void api_against_static_file_and_memory_per_session() throws Exception {
        String api = node.url() + "/api/v1/devices?offset=0&limit=50";
        String file = node.url() + "/icons/favicon.svg";
        HttpResponse<String> probe = ItConfig.http().send(ClusterNode.request(node.url(), "/api/v1/devices?offset=0&limit=50", "manager")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(probe.statusCode()).isEqualTo(200);
        long total = Long.parseLong(probe.body().replaceAll("(?s).*\"total\":(\\d+).*", "$1"));
        String basic = "Basic " + Base64.getEncoder()
                .encodeToString(("manager:" + ItConfig.password("manager")).getBytes(StandardCharsets.UTF_8));
        String bearer = "Bearer " + apiToken();
        String load = loadAverage();
        Wrk w1 = wrk(file, 5, CONNECTIONS, basic);   // warm-up of both, then the measured runs
        Wrk w2 = wrk(api, 5, CONNECTIONS, basic);
        wrk(api, 5, CONNECTIONS, bearer);
        Wrk single = wrk(api, 10, 1, basic);          // one connection: the cost of one request without queueing
        Wrk singleBearer = wrk(api, 10, 1, bearer);
        Wrk staticFile = wrk(file, SECONDS, CONNECTIONS, basic);
        Wrk devices = wrk(api, SECONDS, CONNECTIONS, basic);
        Wrk devicesBearer = wrk(api, SECONDS, CONNECTIONS, bearer);
        double ratio = devices.rps / staticFile.rps;
        String loadAfter = loadAverage();

        long before = 0;
        long after = 0;
        if (SESSIONS > 0) {
            before = heapUsedAfterGc();
            logInSessions(SESSIONS);
            after = heapUsedAfterGc();
        }
        double perSession = SESSIONS == 0 ? 0 : (after - before) / (double) SESSIONS;

        String md = """
                Node: the provisioned server (-Xmx512m, standalone.conf), MariaDB 10.11, demo hospital (%d devices),
                wrk %d connections, 2 threads, %d s per URL, same run; the machine's 2 cores shared with wrk and other work.

                | URL | connections | requests/s | p50 | p99 | server CPU per request | errors |
                |---|---|---|---|---|---|---|
                | `GET /api/v1/devices?offset=0&limit=50` (Basic auth, JSON) | %d | %.1f | %s | %s | %s | %s |
                | the same with an API token (Bearer) | %d | %.1f | %s | %s | %s | %s |
                | `GET /icons/favicon.svg` (static file) | %d | %.0f | %s | %s | %s | %s |
                | `GET /api/v1/devices?offset=0&limit=50`, alone (Basic) | 1 | %.1f | %s | %s | %s | %s |
                | the same, alone (Bearer) | 1 | %.1f | %s | %s | %s | %s |

                Ratio API / static file: **%.2f** (goal ≥ 0.3); API p99 **%s** (goal < 100 ms). Warm-up: %.0f / %.0f requests/s.
                Server CPU per request: the WildFly JVM's user + system CPU time during the run divided by the requests
                answered (less sensitive to the other work on the machine than requests/s). Load average before / after: %s / %s.

                Heap per logged-in Vaadin session with the device list open, %d sessions (each a new browser context:
                login, device list, then offline and closed without unloading, so the session and its UI stay): heap used after full GC
                %s → %s, **%.0f KB per session** (goal < 1 MB).
                """.formatted(total, CONNECTIONS, SECONDS, CONNECTIONS, devices.rps, devices.p50, devices.p99,
                devices.cpu(), devices.errors, CONNECTIONS, devicesBearer.rps, devicesBearer.p50, devicesBearer.p99,
                devicesBearer.cpu(), devicesBearer.errors, CONNECTIONS, staticFile.rps, staticFile.p50, staticFile.p99,
                staticFile.cpu(), staticFile.errors, single.rps, single.p50, single.p99, single.cpu(), single.errors,
                singleBearer.rps, singleBearer.p50, singleBearer.p99, singleBearer.cpu(), singleBearer.errors,
                ratio, devices.p99, w1.rps, w2.rps, load, loadAfter, SESSIONS, Bench.mb(before),
                Bench.mb(after), perSession / 1024);
        System.out.println(md);
        Bench.section("Scale-out", md);
    }

    record Wrk(double rps, String p50, String p99, String errors, long requests, double cpuMillis, String raw) {
        String cpu() {
            return String.format(java.util.Locale.ROOT, "%.2f ms", cpuMillis / requests);
        }
    }

    private static Wrk wrk(String url, int seconds, int connections, String authorization)
            throws IOException, InterruptedException {
        double cpuBefore = serverCpuMillis();
        Process p = new ProcessBuilder("wrk", "-t" + Math.min(2, connections), "-c" + connections, "-d" + seconds + "s",
                "--latency", "--timeout", "30s",
                "-H", "Authorization: " + authorization, url).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        double cpu = serverCpuMillis() - cpuBefore;
        System.out.println(out);
        Matcher bad = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        Matcher socket = Pattern.compile("Socket errors: (.*)").matcher(out);
        String errors = (bad.find() ? bad.group(1) + " non-2xx" : "none") + (socket.find() ? "; socket " + socket.group(1) : "");
        return new Wrk(Double.parseDouble(find(out, "Requests/sec:\\s+([\\d.]+)")), find(out, "\\s50%\\s+(\\S+)"),
                find(out, "\\s99%\\s+(\\S+)"), errors, Long.parseLong(find(out, "(\\d+) requests in")), cpu, out);
    }

    /** User + system CPU time of the server's JVM so far (Linux /proc; clock ticks of 10 ms). */
    private static double serverCpuMillis() throws IOException {
        String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(node.jvmPid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
    }

    private static String loadAverage() throws IOException {
        return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }

    /** A new API token (BIOMED_TECH, 1 day) created by the administrator; its secret. */
    private static String apiToken() throws IOException, InterruptedException {
        HttpResponse<String> r = ItConfig.http().send(ClusterNode.request(node.url(), "/api/v1/api-tokens", "admin")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"scale-out-bench\",\"roles\":[\"BIOMED_TECH\"],\"expiresInDays\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return find(r.body(), "\"secret\":\"(pct_[^\"]+)\"");
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError(regex + " not in: " + text);
        }
        return m.group(1);
    }

    /** Used heap after two full GCs, from jcmd GC.heap_info ("garbage-first heap … used …K"). */
    private static long heapUsedAfterGc() throws IOException, InterruptedException {
        String pid = Long.toString(node.jvmPid());
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        for (int i = 0; i < 2; i++) {
            run(jcmd, pid, "GC.run");
        }
        String info = run(jcmd, pid, "GC.heap_info");
        return Long.parseLong(find(info, "heap .*used (\\d+)K")) * 1024;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static void logInSessions(int n) {
        try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser browser = Browsers.launch(playwright);
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                try (BrowserContext context = browser.newContext()) {
                    context.setDefaultTimeout(60_000);
                    Page page = context.newPage();
                    page.navigate(node.url() + "/login");
                    page.locator("vaadin-login-form input[name='username']").fill("biomed");
                    page.locator("vaadin-login-form input[name='password']").fill(ItConfig.password("biomed"));
                    page.locator("vaadin-login-form input[name='password']").press("Enter");
                    page.waitForURL(u -> !u.contains("/login"));
                    page.navigate(node.url() + "/devices");
                    page.locator("vaadin-grid-cell-content").first().waitFor();
                    // offline before closing: the page's unload beacon would close its UI on the server, and the
                    // figure wanted is that of a session whose device list is still open
                    context.setOffline(true);
                } catch (RuntimeException e) {
                    failures.add(i + ": " + e.getMessage());
                }
            }
            assertThat(failures).as("sessions that did not reach the device list").isEmpty();
        }
    }
}
