package org.patchcare.reporting.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.MetricsHistory;
import org.patchcare.it.MetricsHistory.Item;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The metrics over a generated year of history with known durations ({@link MetricsHistory}), in a facility and
 * departments of its own: the expected medians, 90th percentiles, SLA shares, lags, burn-down and overdue counts are
 * worked out here from the plan's durations (with this test's own percentile code), then compared with what the API
 * answers after a refresh of the timeline.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsHistoryIT {

    private static final double EPS = 1e-6;
    private static final Instant NOW = Instant.now();
    private static final List<Item> PLAN = MetricsHistory.plan(NOW);
    private static JsonObject written;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    /** Writes the history once and refreshes the timeline as IT security. */
    private static synchronized JsonObject history() throws Exception {
        if (written == null) {
            HttpRequest r = ItConfig.request("/it/metrics-history/write?now=" + NOW, "admin", ItConfig.password("admin"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> w = ItConfig.http().send(r, HttpResponse.BodyHandlers.ofString());
            assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
            written = Json.createReader(new StringReader(w.body())).readObject();
            Reply refreshed = Api.post("/metrics/refresh", "itsec", "");
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            assertThat(refreshed.json().getJsonNumber("exposures").longValue()).isGreaterThanOrEqualTo(PLAN.size());
        }
        return written;
    }

    private static String facility() throws Exception {
        return history().getString("facility");
    }

    private static String department(int index) throws Exception {
        return history().getString(index == 0 ? "departmentA" : "departmentB");
    }

    // ---- expectations, worked out independently ------------------------------------------------

    /** Linear interpolation between closest ranks, h = (n − 1)·p (Excel PERCENTILE.INC). */
    static Double expectedPercentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        double rank = p * (v.size() - 1);
        int lo = (int) rank;
        int hi = Math.min(lo + 1, v.size() - 1);
        return v.get(lo) + (rank - lo) * (v.get(hi) - v.get(lo));
    }

    static Double span(Instant a, Instant b) {
        return a == null || b == null ? null : (b.toEpochMilli() - a.toEpochMilli()) / 86_400_000.0;
    }

    static Instant triaged(Item i) {
        if (i.triaged() == null) {
            return i.requestCreated();
        }
        return i.requestCreated() == null || i.triaged().isBefore(i.requestCreated()) ? i.triaged() : i.requestCreated();
    }

    static String quarter(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        return z.getYear() + "-Q" + ((z.getMonthValue() - 1) / 3 + 1);
    }

    record Expected(long patched, double median, double p90, long within, double share) {
    }

    static Map<String, Expected> expectedTimeToPatch(List<Item> plan, Function<Item, String> key) {
        Map<String, List<Item>> groups = plan.stream().filter(i -> i.chainPatched() != null)
                .collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
        Map<String, Expected> out = new TreeMap<>();
        groups.forEach((k, items) -> {
            List<Double> ttp = items.stream().map(i -> span(i.published(), i.chainPatched())).toList();
            long within = items.stream().filter(i -> !i.chainPatched().isAfter(i.due())).count();
            out.put(k, new Expected(items.size(), expectedPercentile(ttp, 0.5), expectedPercentile(ttp, 0.9), within,
                    (double) within / items.size()));
        });
        return out;
    }

    private void assertTimeToPatch(JsonArray answer, Map<String, Expected> expected) {
        assertThat(answer.getValuesAs(JsonObject.class)).extracting(o -> o.getString("key"))
                .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (JsonObject o : answer.getValuesAs(JsonObject.class)) {
            Expected e = expected.get(o.getString("key"));
            assertThat(o.getJsonNumber("patched").longValue()).as(o.toString()).isEqualTo(e.patched());
            assertThat(o.getJsonNumber("medianDays").doubleValue()).as(o.toString()).isCloseTo(e.median(), within(EPS));
            assertThat(o.getJsonNumber("p90Days").doubleValue()).as(o.toString()).isCloseTo(e.p90(), within(EPS));
            assertThat(o.getJsonNumber("withinSla").longValue()).as(o.toString()).isEqualTo(e.within());
            assertThat(o.getJsonNumber("slaShare").doubleValue()).as(o.toString()).isCloseTo(e.share(), within(EPS));
        }
    }

    private static Reply get(String path, String user) {
        return Api.get(path, user);
    }

    // ---- the tests -----------------------------------------------------------------------------

    @Test
    @Order(1)
    void time_to_patch_per_department_outcome_and_quarter_has_the_known_medians_and_percentiles() throws Exception {
        String f = "&facility=" + facility();
        String a = department(0);
        String b = department(1);
        Reply byDepartment = get("/metrics/time-to-patch?groupBy=DEPARTMENT" + f, "biomed");
        assertThat(byDepartment.status()).as(byDepartment.toString()).isEqualTo(200);
        assertTimeToPatch(byDepartment.array(), expectedTimeToPatch(PLAN, i -> i.department() == 0 ? a : b));
        assertThat(byDepartment.headers().firstValue("Server-Timing").orElse("")).startsWith("app;dur=");

        Reply byOutcome = get("/metrics/time-to-patch?groupBy=outcome" + f, "itsec");
        assertTimeToPatch(byOutcome.array(), expectedTimeToPatch(PLAN, Item::outcome));
        assertThat(byOutcome.array().getValuesAs(JsonObject.class)).extracting(o -> o.getString("label"))
                .containsExactly("immediate", "scheduled");

        Reply byQuarter = get("/metrics/time-to-patch?groupBy=QUARTER" + f, "admin");
        Map<String, Expected> quarters = expectedTimeToPatch(PLAN, i -> quarter(i.chainPatched()));
        assertThat(quarters).containsOnlyKeys("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        assertTimeToPatch(byQuarter.array(), quarters);
        assertThat(byQuarter.array().getValuesAs(JsonObject.class)).extracting(o -> o.getString("key"))
                .as("oldest first").containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");

        JsonArray trend = get("/metrics/time-to-patch/trend?" + f.substring(1), "biomed").array();
        assertThat(trend).hasSize(4);
        for (JsonObject t : trend.getValuesAs(JsonObject.class)) {
            assertThat(t.getJsonNumber("medianDays").doubleValue()).isCloseTo(quarters.get(t.getString("quarter")).median(),
                    within(EPS));
        }

        Reply byManufacturer = get("/metrics/time-to-patch?groupBy=MANUFACTURER&manufacturer="
                + history().getString("manufacturerId") + "&deviceType=" + enc(history().getString("deviceType")), "biomed");
        assertTimeToPatch(byManufacturer.array(), expectedTimeToPatch(PLAN, i -> history0("manufacturerId")));

        // within a period: only what was patched from April to June
        Reply period = get("/metrics/time-to-patch?groupBy=DEPARTMENT&from=2025-04-01&to=2025-06-30" + f, "biomed");
        List<Item> q2 = PLAN.stream().filter(i -> i.chainPatched() != null
                && !i.chainPatched().isBefore(Instant.parse("2025-04-01T00:00:00Z"))
                && i.chainPatched().isBefore(Instant.parse("2025-07-01T00:00:00Z"))).toList();
        assertTimeToPatch(period.array(), expectedTimeToPatch(q2, i -> i.department() == 0 ? a : b));
    }

    private static String history0(String key) {
        try {
            return history().getString(key);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(2)
    void the_csv_export_holds_the_same_numbers_with_a_file_name() throws Exception {
        String a = department(0);
        String b = department(1);
        HttpRequest r = ItConfig.request(Api.BASE + "/metrics/time-to-patch?groupBy=DEPARTMENT&facility=" + facility(),
                "biomed", ItConfig.password("biomed")).header("Accept", "text/csv").GET().build();
        HttpResponse<String> csv = ItConfig.http().send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"patchcare-time-to-patch-department-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        Map<String, Expected> expected = expectedTimeToPatch(PLAN, i -> i.department() == 0 ? a : b);
        assertThat(rows).hasSize(2);
        for (CSVRecord row : rows) {
            Expected e = expected.get(row.get("key"));
            assertThat(Long.parseLong(row.get("patched"))).isEqualTo(e.patched());
            assertThat(Double.parseDouble(row.get("medianDays"))).isCloseTo(e.median(), within(EPS));
            assertThat(Double.parseDouble(row.get("p90Days"))).isCloseTo(e.p90(), within(EPS));
        }
        Reply viaParameter = get("/metrics/overdue?format=csv&facility=" + facility(), "biomed");
        assertThat(viaParameter.contentType()).startsWith("text/csv");
        assertThat(viaParameter.body()).startsWith("key,label,overdue,open");
    }

    @Test
    @Order(3)
    void lags_per_department_are_the_medians_of_each_step() throws Exception {
        Reply lags = get("/metrics/lags?groupBy=DEPARTMENT&facility=" + facility(), "itsec");
        assertThat(lags.status()).as(lags.toString()).isEqualTo(200);
        Map<String, JsonObject> byKey = lags.array().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString("key"), o -> o));
        for (int d = 0; d < 2; d++) {
            int dep = d;
            List<Item> items = PLAN.stream().filter(i -> i.department() == dep).toList();
            JsonObject o = byKey.get(department(d));
            assertThat(o.getJsonNumber("exposures").longValue()).isEqualTo(items.size());
            assertMedian(o, "vendorDays", items, i -> span(i.published(), i.vendorFix()));
            assertMedian(o, "triageDays", items, i -> span(i.matched(), triaged(i)));
            assertMedian(o, "approvalDays", items, i -> span(i.submitted(), i.approved()));
            assertMedian(o, "schedulingDays", items, i -> span(i.approved(), i.windowStart()));
            assertMedian(o, "patchDays", items, i -> span(i.windowStart(), i.chainPatched()));
            assertMedian(o, "verificationDays", items, i -> span(i.chainPatched(), i.verified()));
        }
    }

    private static void assertMedian(JsonObject o, String field, List<Item> items, Function<Item, Double> step) {
        Double expected = expectedPercentile(items.stream().map(step).filter(java.util.Objects::nonNull).toList(), 0.5);
        assertThat(expected).as(field).isNotNull();
        assertThat(o.getJsonNumber(field).doubleValue()).as(field + " " + o).isCloseTo(expected, within(EPS));
    }

    /** Open at the end of a day: matched before the next day began, not closed by then. */
    static long openAt(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return PLAN.stream().filter(i -> i.matched().isBefore(end) && (i.closed() == null || !i.closed().isBefore(end)))
                .count();
    }

    static long overdueAt(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return PLAN.stream().filter(i -> i.matched().isBefore(end) && i.due().isBefore(end)
                && (i.closed() == null || (!i.closed().isBefore(end)))).count();
    }

    @Test
    @Order(4)
    void burn_down_overdue_operations_and_headline_count_the_open_exposures() throws Exception {
        String f = "facility=" + facility();
        Reply burn = get("/metrics/burn-down?" + f + "&from=2025-01-01&to=2025-12-31", "biomed");
        assertThat(burn.status()).as(burn.toString()).isEqualTo(200);
        Map<String, JsonObject> byDay = burn.array().getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(o -> o.getString("day"), o -> o));
        assertThat(byDay).hasSize(365);
        for (String d : List.of("2025-01-06", "2025-03-31", "2025-05-20", "2025-06-30", "2025-09-30", "2025-12-31")) {
            LocalDate day = LocalDate.parse(d);
            assertThat(byDay.get(d).getJsonNumber("open").longValue()).as("open " + d).isEqualTo(openAt(day));
            assertThat(byDay.get(d).getJsonNumber("overdue").longValue()).as("overdue " + d).isEqualTo(overdueAt(day));
        }
        assertThat(overdueAt(LocalDate.parse("2025-09-30"))).as("the chosen days see overdue exposures").isPositive();

        long overdueNow = PLAN.stream().filter(i -> i.open() && i.due().isBefore(NOW)).count();
        assertThat(overdueNow).isEqualTo(6);
        Reply overdue = get("/metrics/overdue?groupBy=DEPARTMENT&" + f, "biomed");
        for (JsonObject o : overdue.array().getValuesAs(JsonObject.class)) {
            int dep = o.getString("key").equals(department(0)) ? 0 : 1;
            assertThat(o.getJsonNumber("overdue").longValue()).isEqualTo(PLAN.stream()
                    .filter(i -> i.open() && i.department() == dep && i.due().isBefore(NOW)).count());
            assertThat(o.getJsonNumber("open").longValue()).isEqualTo(PLAN.stream()
                    .filter(i -> i.open() && i.department() == dep).count());
        }
        assertThat(overdue.array()).hasSize(2);

        JsonObject ops = get("/metrics/operations?" + f, "itsec").json();
        assertThat(ops.getJsonNumber("overdue").longValue()).isEqualTo(overdueNow);
        assertThat(ops.getJsonNumber("dueThisWeek").longValue()).isEqualTo(1);
        assertThat(ops.getJsonNumber("blockedByApproval").longValue())
                .isEqualTo(PLAN.stream().filter(i -> i.open() && "SUBMITTED".equals(i.requestStatus())).count())
                .isEqualTo(3);
        assertThat(ops.getJsonArray("byDepartment")).hasSize(2);

        JsonObject headline = get("/metrics/headline?" + f, "admin").json();
        assertThat(headline.getJsonNumber("openExposures").longValue()).isEqualTo(MetricsHistory.OPEN);
        assertThat(headline.getJsonNumber("overdue").longValue()).isEqualTo(overdueNow);
        assertThat(headline.getJsonNumber("scoreSum").longValue())
                .isEqualTo(PLAN.stream().filter(Item::open).mapToLong(Item::score).sum());
        assertThat(headline.getString("refreshedAt")).isNotBlank();

        Reply score = get("/metrics/score-trend?" + f + "&from=2025-01-01&to=2025-12-31", "biomed");
        List<JsonObject> weeks = score.array().getValuesAs(JsonObject.class);
        assertThat(weeks.getLast().getString("periodStart")).isEqualTo("2025-12-29");
        Instant end = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(weeks.getLast().getJsonNumber("value").doubleValue()).isEqualTo((double) PLAN.stream()
                .filter(i -> i.matched().isBefore(end) && (i.closed() == null || !i.closed().isBefore(end)))
                .mapToLong(Item::score).sum());

        Reply chains = get("/metrics/exposures?" + f + "&limit=5", "biomed");
        assertThat(chains.json().getJsonNumber("total").longValue()).isEqualTo(PLAN.size());
        assertThat(chains.json().getJsonArray("items")).hasSize(5);
        Item first = PLAN.getFirst();
        JsonObject chain = get("/metrics/exposures/" + history().getJsonObject("exposureIds").getString("0"), "biomed").json();
        assertThat(Instant.parse(chain.getString("published"))).isEqualTo(first.published());
        assertThat(chain.get("vendorFix")).as("i = 0 has no vendor fix").isIn(null, JsonValue.NULL);
        assertThat(Instant.parse(chain.getString("triaged"))).isEqualTo(first.triaged());
        assertThat(Instant.parse(chain.getString("submitted"))).isEqualTo(first.submitted());
        assertThat(Instant.parse(chain.getString("approved"))).isEqualTo(first.approved());
        assertThat(Instant.parse(chain.getString("windowStart"))).isEqualTo(first.windowStart());
        assertThat(Instant.parse(chain.getString("patched"))).isEqualTo(first.patched());
        assertThat(Instant.parse(chain.getString("verified"))).isEqualTo(first.verified());
        assertThat(Instant.parse(chain.getString("due"))).isEqualTo(first.due());
    }

    @Test
    @Order(5)
    void a_clinical_manager_sees_only_their_own_department() throws Exception {
        String a = department(0);
        String b = department(1);
        String user = "mh-mgr-" + a.toLowerCase(Locale.ROOT);
        Probe.as("admin").call("fixture/user", "username", user, "role", "CLINICAL_MANAGER", "department", a).value();
        Reply mine = get("/metrics/time-to-patch?groupBy=DEPARTMENT&facility=" + facility(), user);
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.array().getValuesAs(JsonObject.class)).extracting(o -> o.getString("key")).containsExactly(a);
        assertThat(get("/metrics/overdue?facility=" + facility(), user).array()).hasSize(1);
        assertThat(get("/metrics/time-to-patch?department=" + b, user).status()).isEqualTo(403);
        assertThat(get("/metrics/time-to-patch?groupBy=DEPARTMENT&facility=" + facility(), "manager").array())
                .as("the ICU manager sees nothing of these departments").isEmpty();
        JsonObject ids = history().getJsonObject("exposureIds");
        assertThat(get("/metrics/exposures/" + ids.getString("1"), user).status()).as("department B").isEqualTo(404);
        assertThat(get("/metrics/exposures/" + ids.getString("0"), user).status()).as("department A").isEqualTo(200);
        assertThat(get("/metrics/exposures?facility=" + facility(), user).json().getJsonNumber("total").longValue())
                .isEqualTo(PLAN.stream().filter(i -> i.department() == 0).count());
    }

    @Test
    @Order(6)
    void bad_filters_and_refresh_by_the_wrong_role_are_refused() throws Exception {
        Reply groupBy = get("/metrics/time-to-patch?groupBy=WEEK", "biomed");
        assertThat(groupBy.status()).isEqualTo(422);
        assertThat(groupBy.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("groupBy");
        Reply dept = get("/metrics/burn-down?department=NO-SUCH-DEPT", "biomed");
        assertThat(dept.status()).isEqualTo(422);
        assertThat(dept.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("department");
        assertThat(get("/metrics/lags?from=2025-02-01&to=2025-01-01", "biomed").status()).isEqualTo(422);
        assertThat(get("/metrics/top-devices?limit=0", "biomed").status()).isEqualTo(422);
        assertThat(get("/metrics/exposures/no-such-exposure", "biomed").status()).isEqualTo(404);
        assertThat(Api.post("/metrics/refresh", "biomed", "").status()).isEqualTo(403);
        assertThat(Api.post("/metrics/refresh", "manager", "").status()).isEqualTo(403);
        assertThat(Api.post("/metrics/refresh", null, "").status()).isEqualTo(401);
    }

    @Test
    @Order(7)
    void a_new_patch_record_moves_the_numbers_at_the_next_incremental_refresh() throws Exception {
        String a = department(0);
        String b = department(1);
        Item byEvent = PLAN.stream().filter(i -> i.kind().equals("FIXED_BY_EVENT")).findFirst().orElseThrow();
        String tag = history().getJsonObject("assetTags").getString(String.valueOf(byEvent.n()));
        // the vendor visit, recorded late: three days after publication, earlier than every other patch
        Instant performed = byEvent.published().plus(Duration.ofDays(3));
        Instant verified = performed.plus(Duration.ofHours(6));
        HttpRequest r = ItConfig.request("/it/metrics-history/patch?tag=" + tag + "&performed=" + performed
                + "&verified=" + verified, "admin", ItConfig.password("admin")).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(ItConfig.http().send(r, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

        Reply refreshed = Api.post("/metrics/refresh", "admin", "");
        assertThat(refreshed.json().getBoolean("full")).isFalse();
        assertThat(refreshed.json().getJsonNumber("exposures").longValue()).isGreaterThanOrEqualTo(1);

        List<Item> moved = new ArrayList<>(PLAN);
        moved.replaceAll(i -> i != byEvent ? i : new Item(i.n(), "PATCHED", i.department(), i.outcome(), i.score(),
                i.state(), i.published(), i.vendorFix(), i.matched(), i.triaged(), i.requestCreated(), i.submitted(),
                i.approved(), i.windowStart(), performed, verified, i.closed(), i.due(), i.requestStatus()));
        Map<String, Expected> before = expectedTimeToPatch(PLAN, i -> i.department() == 0 ? a : b);
        Map<String, Expected> after = expectedTimeToPatch(moved, i -> i.department() == 0 ? a : b);
        assertThat(after.get(a).median()).as("the plan moves department A's median").isNotEqualTo(before.get(a).median());
        assertTimeToPatch(get("/metrics/time-to-patch?groupBy=DEPARTMENT&facility=" + facility(), "biomed").array(), after);
        JsonObject chain = get("/metrics/exposures/" + history().getJsonObject("exposureIds")
                .getString(String.valueOf(byEvent.n())), "biomed").json();
        assertThat(Instant.parse(chain.getString("patched"))).isEqualTo(performed);
        assertThat(Instant.parse(chain.getString("verified"))).isEqualTo(verified);
        assertThat(Probe.as("admin").call("audit/history", "type", "ExposureTimeline", "key", "exposure_timeline").array())
                .as("refreshes asked for by a person are audited").isNotEmpty();
    }

    @Test
    @Order(8)
    void the_whole_hospital_charts_are_worked_out_again_only_after_a_refresh_that_changed_a_row() throws Exception {
        // an open exposure: a closed one's chain takes its close time from updated_at, which "touch" moves
        Item open = PLAN.stream().filter(i -> i.kind().equals("OPEN")).findFirst().orElseThrow();
        String exposure = history().getJsonObject("exposureIds").getString(String.valueOf(open.n()));
        historyCall("touch?exposure=" + exposure);
        assertThat(Api.post("/metrics/refresh", "admin", "").status()).isEqualTo(200); // whatever was still pending
        String stored = historyCall("snapshotsAt");
        assertThat(stored).as("the charts were worked out at least once").isNotEqualTo("null");

        // the exposure changed in the sources but its timeline row comes out the same: the charts stay
        historyCall("touch?exposure=" + exposure);
        Reply same = Api.post("/metrics/refresh", "admin", "");
        assertThat(same.json().getJsonNumber("exposures").longValue()).as("written again").isGreaterThanOrEqualTo(1);
        assertThat(same.json().getJsonNumber("changed").longValue()).as(same.toString()).isZero();
        assertThat(historyCall("snapshotsAt")).as("nothing changed: the stored charts stay").isEqualTo(stored);
        Reply again = Api.post("/metrics/refresh", "admin", "");
        assertThat(again.json().getJsonNumber("changed").longValue()).isZero();
        assertThat(historyCall("snapshotsAt")).as("the next run within the margin does not redo them").isEqualTo(stored);

        // a row that comes out different: the charts are worked out again, and the row is right again; the stored
        // time has whole seconds on MariaDB (DATETIME), so the new one is only later once that second has passed
        Instant storedAt = Instant.parse(stored.replace("\"", ""));
        while (!Instant.now().isAfter(storedAt.plusSeconds(1))) {
            Thread.sleep(100);
        }
        historyCall("spoil?exposure=" + exposure);
        assertThat(Api.post("/metrics/refresh", "admin", "").status()).isEqualTo(200);
        assertThat(Instant.parse(historyCall("snapshotsAt").replace("\"", ""))).isAfter(Instant.parse(stored.replace("\"", "")));
        assertThat(historyCall("timelineScore?exposure=" + exposure)).as("the spoiled row is right again").isNotEqualTo("\"-1\"");
    }

    /** One action of the test servlet as admin; answers its JSON body. */
    private static String historyCall(String actionAndQuery) throws Exception {
        HttpRequest r = ItConfig.request("/it/metrics-history/" + actionAndQuery, "admin", ItConfig.password("admin"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> w = ItConfig.http().send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
        return w.body();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
