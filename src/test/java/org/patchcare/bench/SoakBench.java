package org.patchcare.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchcare.it.Browsers;
import org.patchcare.it.ClusterNode;
import org.patchcare.it.ItConfig;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7's soak test: {@code -Dsoak.seconds} (default 600) of steady load on one node of the provisioned server
 * (started like a cluster node, MariaDB {@code soak_bench}, the demo hospital): API calls at a fixed rate
 * ({@code -Dsoak.rate} per second, default 20) mixing reads (device list, one device, the work queue) with writes
 * (device create and update), and {@code -Dsoak.ui.sessions} (default 3) browser sessions (Debian Chromium) clicking
 * through the device list, the work queue and two dashboards in a loop. Every 30 s the server's heap is measured after
 * a full GC.
 * <p>
 * Pass/fail, not timing: the soak fails on any API error (non-2xx, refused or timed-out call), any browser error (a page
 * error, a console error, a server answer of 500 or more, a step that did not finish) or a heap after GC that grew more
 * than {@code -Dsoak.heap.growth.mb} (default 48 MB) from the start (after the first minute's warm-up) to the end.
 * Latencies are reported, never asserted. Results in target/bench/results.md and docs/benchmarks.md.
 */
class SoakBench {

    static final String DATABASE = System.getProperty("soak.database", "soak_bench");
    static final int SECONDS = Integer.getInteger("soak.seconds", 600);
    static final double RATE = Double.parseDouble(System.getProperty("soak.rate", "20"));
    static final int UI_SESSIONS = Integer.getInteger("soak.ui.sessions", 3);
    static final long HEAP_GROWTH_LIMIT_MB = Long.getLong("soak.heap.growth.mb", 48);
    static final int HEAP_SAMPLE_SECONDS = 30;
    /** Heap samples taken before this are warm-up (JIT, caches, the browser sessions' first views). */
    static final int WARM_UP_SECONDS = 60;
    static ClusterNode node;

    enum Op { LIST, DEVICE, QUEUE, CREATE, UPDATE }

    /** Out of every 20 calls: 12 list pages, 3 devices, 3 work-queue pages, 1 create, 1 update. */
    private static Op op(long n) {
        int slot = (int) (n % 20);
        return slot < 12 ? Op.LIST : slot < 15 ? Op.DEVICE : slot < 18 ? Op.QUEUE : slot == 18 ? Op.CREATE : Op.UPDATE;
    }

    @BeforeAll
    static void start() throws Exception {
        node = BenchNode.start("soak", 430, DATABASE);
    }

    @AfterAll
    static void stop() throws Exception {
        BenchNode.stop(node, DATABASE);
    }

    record Heap(long second, long usedBytes) {
    }

    @Test
    void steady_api_load_and_browser_sessions_without_errors_or_heap_growth() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<String> tags = assetTags(http);
        assertThat(tags).isNotEmpty();

        Map<Op, ConcurrentLinkedQueue<Long>> micros = new EnumMap<>(Op.class);
        for (Op o : Op.values()) {
            micros.put(o, new ConcurrentLinkedQueue<>());
        }
        AtomicLong errors = new AtomicLong();
        List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
        ConcurrentLinkedQueue<int[]> created = new ConcurrentLinkedQueue<>(); // {device number, version}
        AtomicInteger deviceNumbers = new AtomicInteger();
        AtomicLong sent = new AtomicLong();

        long startNanos = System.nanoTime();
        long endNanos = startNanos + TimeUnit.SECONDS.toNanos(SECONDS);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= endNanos) {
                return;
            }
            long n = sent.getAndIncrement();
            workers.execute(() -> call(http, op(n), tags, created, deviceNumbers, micros, errors, errorSamples));
        }, 0, Math.round(1_000_000 / RATE), TimeUnit.MICROSECONDS);

        Ui ui = new Ui(endNanos);
        Thread browser = new Thread(ui, "soak-browser");
        browser.start();

        List<Heap> heap = new ArrayList<>();
        while (System.nanoTime() < endNanos) {
            heap.add(new Heap(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), heapUsedAfterGc()));
            System.out.printf(Locale.ROOT, "soak %4d s: %d calls, %d errors, %d UI rounds, heap after GC %s%n",
                    heap.getLast().second(), sent.get(), errors.get(), ui.rounds.get(), Bench.mb(heap.getLast().usedBytes()));
            long next = startNanos + TimeUnit.SECONDS.toNanos((long) heap.size() * HEAP_SAMPLE_SECONDS);
            long sleep = Math.min(next, endNanos) - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        ticker.shutdown();
        workers.shutdown();
        assertThat(workers.awaitTermination(2, TimeUnit.MINUTES)).as("API calls finished").isTrue();
        browser.join(Duration.ofMinutes(3).toMillis());
        heap.add(new Heap(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos), heapUsedAfterGc()));

        // ---- figures ----
        List<Long> all = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (Op o : Op.values()) {
            List<Long> l = new ArrayList<>(micros.get(o));
            all.addAll(l);
            rows.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s |%n", label(o), l.size(),
                    Bench.ms(pct(l, 50) / 1000.0), Bench.ms(pct(l, 99) / 1000.0), Bench.ms(pct(l, 100) / 1000.0)));
        }
        List<Heap> steady = heap.stream().filter(h -> h.second() >= WARM_UP_SECONDS).toList();
        List<Heap> base = steady.isEmpty() ? heap : steady;
        long first = mean(base.subList(0, Math.min(3, base.size())));
        long last = mean(base.subList(Math.max(0, base.size() - 3), base.size()));
        double growthMb = (last - first) / 1024.0 / 1024.0;
        double slope = slopeMbPerMinute(base);
        StringBuilder series = new StringBuilder();
        for (Heap h : heap) {
            series.append(series.isEmpty() ? "" : ", ").append(h.second()).append(" s: ")
                    .append(Math.round(h.usedBytes() / 1024.0 / 1024.0));
        }
        String md = """
                Node: the provisioned server (-Xmx512m, standalone.conf), MariaDB 10.11, demo hospital; %d s; API calls
                offered at %.0f/s from 8 client threads (Basic auth; 60%% device list pages of 50, 15%% one device, 15%% work-queue
                pages of 50 as itsec, 5%% device creates and 5%% updates as biomed); %d browser sessions (Chromium, logged in
                once, then device list → work queue → operations dashboard → risk dashboard in a loop). Load average at the
                end: %s (the 2 cores shared with other work).

                | API call | calls | p50 | p99 | max |
                |---|---|---|---|---|
                %s| **all** | **%d** | **%s** | **%s** | %s |

                API errors: **%d**%s. Browser: %d rounds of 4 views, **%d errors**%s.

                Heap used after a full GC, every %d s (MB): %s.
                Start (mean of the first 3 samples after %d s) %s → end (mean of the last 3) %s: **%+.1f MB**, slope
                %+.2f MB/min (limit: %d MB growth).
                """.formatted(SECONDS, RATE, UI_SESSIONS, loadAverage(), rows, all.size(),
                Bench.ms(pct(all, 50) / 1000.0), Bench.ms(pct(all, 99) / 1000.0), Bench.ms(pct(all, 100) / 1000.0),
                errors.get(), errorSamples.isEmpty() ? "" : " (first: " + errorSamples.subList(0, Math.min(5, errorSamples.size())) + ")",
                ui.rounds.get(), ui.errors.size(), ui.errors.isEmpty() ? "" : " (first: " + ui.errors.subList(0, Math.min(5, ui.errors.size())) + ")",
                HEAP_SAMPLE_SECONDS, series, WARM_UP_SECONDS, Bench.mb(first), Bench.mb(last), growthMb, slope,
                HEAP_GROWTH_LIMIT_MB);
        System.out.println(md);
        Bench.section("Soak", md);

        assertThat(errors.get()).as("API errors, e.g. %s", errorSamples).isZero();
        assertThat(ui.errors).as("browser errors").isEmpty();
        assertThat(ui.rounds.get()).as("browser rounds").isPositive();
        assertThat(growthMb).as("heap after GC growth in MB, series %s", series).isLessThan(HEAP_GROWTH_LIMIT_MB);
    }

    private static String label(Op o) {
        return switch (o) {
            case LIST -> "`GET /devices?offset=…&limit=50`";
            case DEVICE -> "`GET /devices/{assetTag}`";
            case QUEUE -> "`GET /risk/queue?limit=50` (itsec)";
            case CREATE -> "`POST /devices`";
            case UPDATE -> "`PUT /devices/{assetTag}`";
        };
    }

    private static void call(HttpClient http, Op op, List<String> tags, ConcurrentLinkedQueue<int[]> created,
                             AtomicInteger deviceNumbers, Map<Op, ConcurrentLinkedQueue<Long>> micros, AtomicLong errors,
                             List<String> errorSamples) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        HttpRequest request;
        int[] updating = null;
        int number = 0;
        switch (op) {
            case LIST -> request = get("/api/v1/devices?offset=" + 50 * random.nextInt(10) + "&limit=50", "manager");
            case DEVICE -> request = get("/api/v1/devices/" + tags.get(random.nextInt(tags.size())), "biomed");
            case QUEUE -> request = get("/api/v1/risk/queue?limit=50", "itsec");
            case UPDATE -> {
                updating = created.poll();
                if (updating == null) { // nothing created yet: create instead
                    call(http, Op.CREATE, tags, created, deviceNumbers, micros, errors, errorSamples);
                    return;
                }
                JsonObject body = Json.createObjectBuilder(device(updating[0]))
                        .add("softwareVersion", "4." + random.nextInt(100) + ".0").add("version", updating[1]).build();
                request = ClusterNode.request(node.url(), "/api/v1/devices/" + tag(updating[0]), "biomed")
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build();
            }
            default -> {
                number = deviceNumbers.incrementAndGet();
                request = ClusterNode.request(node.url(), "/api/v1/devices", "biomed")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(device(number).toString())).build();
            }
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            micros.get(op).add((System.nanoTime() - t0) / 1000);
            if (r.statusCode() / 100 != 2) {
                fail(errors, errorSamples, op + " " + request.uri().getPath() + " → " + r.statusCode() + " "
                        + r.body().substring(0, Math.min(200, r.body().length())));
                return;
            }
            if (op == Op.CREATE || op == Op.UPDATE) {
                int version = Json.createReader(new StringReader(r.body())).readObject().getInt("version");
                created.add(new int[]{op == Op.CREATE ? number : updating[0], version});
            }
        } catch (IOException | RuntimeException e) {
            micros.get(op).add((System.nanoTime() - t0) / 1000);
            fail(errors, errorSamples, op + " " + request.uri().getPath() + " → " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void fail(AtomicLong errors, List<String> samples, String what) {
        errors.incrementAndGet();
        if (samples.size() < 20) {
            samples.add(what);
        }
    }

    private static String tag(int number) {
        return "SOAK-" + number;
    }

    private static JsonObject device(int number) {
        String tag = tag(number);
        return Json.createObjectBuilder()
                .add("assetTag", tag).add("serialNumber", "SN-" + tag).add("manufacturer", "Philips")
                .add("model", "Brilliance 64").add("department", "ICU").add("criticality", "DIAGNOSTIC")
                .add("connectivity", "CLINICAL_NETWORK").add("hostname", tag.toLowerCase(Locale.ROOT) + ".soak.example")
                .add("softwareVersion", "4.1.0").add("installDate", "2021-05-17").build();
    }

    private static HttpRequest get(String path, String user) {
        return ClusterNode.request(node.url(), path, user).GET().build();
    }

    private static List<String> assetTags(HttpClient http) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(get("/api/v1/devices?limit=200", "biomed"), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readObject().getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(d -> d.getString("assetTag")).toList();
    }

    /** The browser sessions: one Chromium, one context per session, logged in once, then the views in a loop. */
    static final class Ui implements Runnable {
        private static final String[][] VIEWS = {
                {"/devices", "vaadin-grid-cell-content"},
                {"/risk", "vaadin-grid"},
                {"/dashboards/operations", "#operations-dashboard"},
                {"/risk/dashboard", "#risk-dashboard"}};
        final long endNanos;
        final AtomicInteger rounds = new AtomicInteger();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());

        Ui(long endNanos) {
            this.endNanos = endNanos;
        }

        @Override
        public void run() {
            try (Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
                Browser browser = Browsers.launch(playwright);
                List<Page> pages = new ArrayList<>();
                for (int i = 0; i < UI_SESSIONS; i++) {
                    BrowserContext context = browser.newContext();
                    context.setDefaultTimeout(60_000);
                    Page page = context.newPage();
                    String session = "session " + i;
                    page.onPageError(e -> errors.add(session + " page error: " + e));
                    page.onConsoleMessage(m -> {
                        if ("error".equals(m.type())) {
                            errors.add(session + " console error: " + m.text());
                        }
                    });
                    page.onResponse(r -> {
                        if (r.status() >= 500) {
                            errors.add(session + " " + r.status() + " from " + r.url());
                        }
                    });
                    String user = i % 2 == 0 ? "biomed" : "itsec";
                    page.navigate(node.url() + "/login");
                    page.locator("vaadin-login-form input[name='username']").fill(user);
                    page.locator("vaadin-login-form input[name='password']").fill(ItConfig.password(user));
                    page.locator("vaadin-login-form input[name='password']").press("Enter");
                    page.waitForURL(u -> !u.contains("/login"));
                    pages.add(page);
                }
                while (System.nanoTime() < endNanos) {
                    for (int i = 0; i < pages.size() && System.nanoTime() < endNanos; i++) {
                        for (String[] view : VIEWS) {
                            try {
                                pages.get(i).navigate(node.url() + view[0]);
                                pages.get(i).locator(view[1]).first().waitFor();
                                if (pages.get(i).url().contains("/login")) {
                                    errors.add("session " + i + " was sent to the login page from " + view[0]);
                                }
                            } catch (RuntimeException e) {
                                errors.add("session " + i + " " + view[0] + ": " + e.getMessage());
                            }
                        }
                        rounds.incrementAndGet();
                    }
                }
            } catch (RuntimeException e) {
                errors.add("browser: " + e);
            }
        }
    }

    private static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    private static long mean(List<Heap> hs) {
        return Math.round(hs.stream().mapToLong(Heap::usedBytes).average().orElse(0));
    }

    /** Least-squares slope of heap after GC over time, in MB per minute. */
    private static double slopeMbPerMinute(List<Heap> hs) {
        if (hs.size() < 2) {
            return 0;
        }
        double n = hs.size();
        double mx = hs.stream().mapToDouble(h -> h.second() / 60.0).sum() / n;
        double my = hs.stream().mapToDouble(h -> h.usedBytes() / 1024.0 / 1024.0).sum() / n;
        double sxy = 0;
        double sxx = 0;
        for (Heap h : hs) {
            double x = h.second() / 60.0 - mx;
            sxy += x * (h.usedBytes() / 1024.0 / 1024.0 - my);
            sxx += x * x;
        }
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Used heap after a full GC, from jcmd GC.heap_info ("garbage-first heap … used …K"). */
    private static long heapUsedAfterGc() throws IOException, InterruptedException {
        String pid = Long.toString(node.jvmPid());
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, pid, "GC.run");
        String info = run(jcmd, pid, "GC.heap_info");
        Matcher m = Pattern.compile("heap .*used (\\d+)K").matcher(info);
        if (!m.find()) {
            throw new AssertionError("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1)) * 1024;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
