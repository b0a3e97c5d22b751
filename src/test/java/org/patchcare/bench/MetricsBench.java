package org.patchcare.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.ItConfig;
import org.patchcare.it.MetricsHistory;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Dashboard speed (issue 6) on MariaDB: 100,000 generated devices in 20 departments of a facility of their own, about
 * 380,000 exposures to 2,000 advisories published over two years, with their events (about 1,000,000: matched, triaged
 * by a person, fixed), decisions, one change request per device (submitted, approved, a window, a patch record
 * verified), the per-device risk roll-up; written by JDBC batches. Then a full rebuild of the exposure timeline (timed),
 * then every chart query of the dashboards through its REST endpoint, several runs each, server time from the
 * {@code Server-Timing} header. Goal: under 500 ms per chart.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsBench {

    private static final int DEVICES = Integer.getInteger("bench.metrics.devices", 100_000);
    private static final int ADVISORIES = 2_000;
    private static final int DEPARTMENTS = 20;
    private static final int RUNS = Integer.getInteger("bench.metrics.runs", 5);
    private static final long GOAL_MS = 500;
    private static final Instant NOW = Instant.now();
    private static final Instant FIRST = NOW.minus(Duration.ofDays(700));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Bench.deployment();
    }

    record Loaded(long exposures, long events, long millis, String department, String facility) {
    }

    @Test
    void every_dashboard_chart_answers_in_under_half_a_second_with_a_million_exposure_events() throws Exception {
        Loaded loaded = load();
        long t0 = System.nanoTime();
        JsonObject refresh = Json.createReader(new StringReader(call("POST", "/api/v1/metrics/refresh?full=true").body()))
                .readObject();
        long refreshWall = (System.nanoTime() - t0) / 1_000_000;

        String f = "facility=" + loaded.facility();
        String d = "department=" + loaded.department();
        Map<String, String> charts = new LinkedHashMap<>();
        charts.put("headline", "/metrics/headline");
        for (String g : List.of("DEPARTMENT", "MANUFACTURER", "DEVICE_TYPE", "OUTCOME", "QUARTER")) {
            charts.put("time-to-patch by " + g, "/metrics/time-to-patch?groupBy=" + g);
        }
        charts.put("time-to-patch by DEPARTMENT, one year", "/metrics/time-to-patch?groupBy=DEPARTMENT&from="
                + LocalDate.now().minusDays(365) + "&to=" + LocalDate.now());
        charts.put("lags by DEPARTMENT", "/metrics/lags?groupBy=DEPARTMENT");
        charts.put("lags by QUARTER", "/metrics/lags?groupBy=QUARTER");
        charts.put("time-to-patch trend", "/metrics/time-to-patch/trend");
        charts.put("burn-down (365 days)", "/metrics/burn-down");
        charts.put("score trend (52 weeks)", "/metrics/score-trend");
        charts.put("overdue by DEPARTMENT", "/metrics/overdue?groupBy=DEPARTMENT");
        charts.put("overdue by OUTCOME", "/metrics/overdue?groupBy=OUTCOME");
        charts.put("top 10 devices", "/metrics/top-devices?limit=10");
        charts.put("unsupported by department", "/metrics/unsupported");
        charts.put("operations", "/metrics/operations");
        charts.put("exposure chains, first page", "/metrics/exposures?limit=50");
        charts.put("department view: time-to-patch by QUARTER", "/metrics/time-to-patch?groupBy=QUARTER&" + d);
        charts.put("department view: burn-down", "/metrics/burn-down?" + d);
        charts.put("department view: top 10 devices", "/metrics/top-devices?limit=10&" + d);
        charts.put("facility: time-to-patch by DEPARTMENT", "/metrics/time-to-patch?groupBy=DEPARTMENT&" + f);
        charts.put("facility: lags by DEPARTMENT (computed live)", "/metrics/lags?groupBy=DEPARTMENT&" + f);
        charts.put("CSV: exposure chains, 500", "/metrics/exposures?limit=500&format=csv");
        // exactly what the dashboards ask with their default period (last 12 months): whole hospital, computed live
        String year = "from=" + LocalDate.now().minusMonths(12) + "&to=" + LocalDate.now();
        charts.put("dashboards, 12 months: headline", "/metrics/headline?" + year);
        for (String g : List.of("OUTCOME", "QUARTER", "MANUFACTURER", "DEVICE_TYPE")) {
            charts.put("dashboards, 12 months: time-to-patch by " + g, "/metrics/time-to-patch?groupBy=" + g + "&" + year);
        }
        charts.put("dashboards, 12 months: time-to-patch trend", "/metrics/time-to-patch/trend?" + year);
        charts.put("dashboards, 12 months: lags by DEPARTMENT", "/metrics/lags?groupBy=DEPARTMENT&" + year);
        charts.put("dashboards, 12 months: burn-down", "/metrics/burn-down?" + year);
        charts.put("dashboards, 12 months: score trend", "/metrics/score-trend?" + year);
        charts.put("dashboards, 12 months: department lags by QUARTER", "/metrics/lags?groupBy=QUARTER&" + d + "&" + year);

        StringBuilder md = new StringBuilder("## Metrics dashboards (issue 6)\n\n")
                .append(String.format(Locale.ROOT, "%,d devices, %,d exposures, %,d exposure events (plus decisions, "
                                + "change requests with transitions, windows, patch records, device risk) written in %s.%n%n",
                        DEVICES, loaded.exposures(), loaded.events(), Bench.ms(loaded.millis())))
                .append(String.format(Locale.ROOT, "Full rebuild of the exposure timeline: %,d exposures in %s (%s wall).%n%n",
                        refresh.getJsonNumber("exposures").longValue(),
                        Bench.ms(refresh.getJsonNumber("millis").doubleValue()), Bench.ms(refreshWall)))
                .append("| chart (REST endpoint) | server p50 | server max | wall p50 | runs |\n|---|---:|---:|---:|---:|\n");
        List<String> slow = new ArrayList<>();
        for (Map.Entry<String, String> chart : charts.entrySet()) {
            call("GET", "/api/v1" + chart.getValue()); // warm-up
            List<Long> server = new ArrayList<>();
            List<Long> wall = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                long s = System.nanoTime();
                HttpResponse<String> r = call("GET", "/api/v1" + chart.getValue());
                wall.add((System.nanoTime() - s) / 1_000_000);
                server.add(Math.round(Double.parseDouble(r.headers().firstValue("Server-Timing").orElseThrow()
                        .replaceAll(".*dur=", ""))));
            }
            long p50 = Bench.percentile(server, 50);
            if (p50 >= GOAL_MS) {
                slow.add(chart.getKey() + " " + p50 + " ms");
            }
            md.append(String.format(Locale.ROOT, "| %s `%s` | %s | %s | %s | %d |%n", chart.getKey(), chart.getValue(),
                    Bench.ms(p50), Bench.ms(server.stream().mapToLong(Long::longValue).max().orElse(0)),
                    Bench.ms(Bench.percentile(wall, 50)), RUNS));
        }
        md.append("\nGoal: under ").append(GOAL_MS).append(" ms server time per chart. ")
                .append(slow.isEmpty() ? "Met by every chart." : "Not met by: " + String.join("; ", slow)).append('\n');
        Bench.section("metrics", md.toString());
        assertThat(slow).as("charts over " + GOAL_MS + " ms").isEmpty();
    }

    private static HttpResponse<String> call(String method, String path) throws Exception {
        HttpRequest r = ItConfig.request(path, "admin", ItConfig.password("admin")).timeout(Duration.ofMinutes(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = ItConfig.http().send(r, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static Instant days(Instant t, double d) {
        return t.plus(Duration.ofMinutes(Math.round(d * 1440)));
    }

    /** The generated history, by JDBC batches committed every 2,000 devices. */
    private static Loaded load() throws Exception {
        long start = System.currentTimeMillis();
        long exposures = 0;
        long events = 0;
        String sfx = UUID.randomUUID().toString().substring(0, 4).toUpperCase(Locale.ROOT);
        try (Connection c = Bench.db()) {
            long base;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select next_val from id_generator where sequence_name = 'patchcare'")) {
                rs.next();
                base = rs.getLong(1) + 50_000_000L;
            }
            c.setAutoCommit(false);
            // stamped a day ago, like restored data: the full rebuild below is what writes the timeline, not the job's
            // incremental runs
            MetricsHistory.Writer w = new MetricsHistory.Writer(c, base, NOW.minus(Duration.ofDays(1)));
            Random rnd = new Random(2026);
            long facility = w.facility("MB" + sfx);
            long[] departments = new long[DEPARTMENTS];
            for (int i = 0; i < DEPARTMENTS; i++) {
                departments[i] = w.department(facility, String.format(Locale.ROOT, "MB%s%02d", sfx, i));
            }
            String[] types = {"Infusion pump", "Patient monitor", "CT scanner", "MRI scanner", "Ventilator",
                    "Ultrasound", "Lab analyser", "PACS workstation"};
            long[] models = new long[20];
            for (int m = 0; m < 5; m++) {
                long manufacturer = w.manufacturer(UUID.randomUUID().toString(), "Bench maker " + sfx + " " + m);
                for (int k = 0; k < 4; k++) {
                    models[m * 4 + k] = w.model(manufacturer, "Bench " + m + "-" + k, types[(m * 4 + k) % types.length]);
                }
            }
            long[] advisories = new long[ADVISORIES];
            Instant[] published = new Instant[ADVISORIES];
            String[] cves = new String[ADVISORIES];
            for (int a = 0; a < ADVISORIES; a++) {
                published[a] = days(FIRST, a * 690.0 / ADVISORIES);
                advisories[a] = w.advisory("MB-" + sfx + "-" + a, published[a]);
                cves[a] = "CVE-2026-" + (100000 + a);
                w.vulnerability(advisories[a], cves[a], rnd.nextInt(5) == 0 ? null : days(published[a], rnd.nextDouble() * 20));
            }
            w.flush();
            c.commit();
            String[] outcomes = {"IMMEDIATE", "OUT_OF_CYCLE", "SCHEDULED", "DEFER"};
            int[] sla = {2, 10, 30, 90};
            for (int n = 0; n < DEVICES; n++) {
                int dept = rnd.nextInt(DEPARTMENTS);
                LocalDate eos = rnd.nextInt(5) == 0 ? LocalDate.now().minusDays(1 + rnd.nextInt(900))
                        : LocalDate.now().plusDays(1 + rnd.nextInt(2000));
                long device = w.device(String.format(Locale.ROOT, "MB%s-%06d", sfx, n), models[rnd.nextInt(models.length)],
                        departments[dept], eos);
                int count = 3 + (rnd.nextInt(10) < 8 ? 1 : 0);
                List<long[]> patched = new ArrayList<>(); // exposure id
                Instant latestMatch = null;
                int open = 0;
                int overdue = 0;
                int score = 0;
                int first = rnd.nextInt(ADVISORIES);
                for (int k = 0; k < count; k++) {
                    int a = (first + k * 397) % ADVISORIES;
                    Instant matched = days(published[a], rnd.nextDouble() * 5);
                    if (matched.isAfter(NOW)) {
                        matched = NOW.minus(Duration.ofHours(1));
                    }
                    boolean closes = rnd.nextInt(10) < 7 && matched.isBefore(NOW.minus(Duration.ofDays(30)));
                    int o = rnd.nextInt(outcomes.length);
                    Instant due = days(matched, sla[o]);
                    long exposure = w.exposure(UUID.randomUUID().toString(), device, advisories[a], cves[a],
                            closes ? "FIXED" : "AFFECTED", matched);
                    w.event(exposure, matched, "itsec (matching)", null, "UNDER_INVESTIGATION");
                    w.event(exposure, days(matched, rnd.nextDouble() * 3), "itsec", "UNDER_INVESTIGATION", "AFFECTED");
                    events += 2;
                    int s = 10 + rnd.nextInt(90);
                    w.decision(exposure, device, outcomes[o], s, !closes, matched, due);
                    exposures++;
                    if (closes) {
                        patched.add(new long[]{exposure});
                        latestMatch = latestMatch == null || matched.isAfter(latestMatch) ? matched : latestMatch;
                    } else {
                        open++;
                        score += s;
                        overdue += due.isBefore(NOW) ? 1 : 0;
                    }
                }
                if (!patched.isEmpty()) {
                    Instant created = days(latestMatch, 1 + rnd.nextDouble() * 4);
                    Instant submitted = days(created, rnd.nextDouble());
                    Instant approved = days(submitted, rnd.nextDouble() * 6);
                    Instant window = days(approved, 1 + rnd.nextDouble() * 10);
                    Instant done = days(window, rnd.nextDouble() * 0.2);
                    long request = w.request("COMPLETED", created, submitted, approved);
                    w.link(request, device, patched.getFirst()[0]);
                    for (int k = 1; k < patched.size(); k++) {
                        w.linkExposure(request, patched.get(k)[0]);
                    }
                    w.transition(request, "DRAFT", "SUBMITTED", submitted);
                    w.transition(request, "SUBMITTED", "APPROVED", approved);
                    w.window(request, device, window, "DONE");
                    w.patch(request, device, false, done, days(done, rnd.nextDouble()));
                    for (long[] e : patched) {
                        w.event(e[0], done.plus(Duration.ofMinutes(5)), "system (matching)", "AFFECTED", "FIXED");
                        events++;
                    }
                }
                w.deviceRisk(device, departments[dept], score, open, overdue);
                if (n % 2000 == 1999) {
                    w.flush();
                    c.commit();
                }
            }
            w.flush();
            c.commit();
            w.close();
        }
        return new Loaded(exposures, events, System.currentTimeMillis() - start,
                String.format(Locale.ROOT, "MB%s%02d", sfx, 3), "MB" + sfx);
    }
}
