package org.patchcare.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.ItConfig;
import org.patchcare.shared.api.Api;
import org.patchcare.testsupport.TestData;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/**
 * Risk speed (issue 4) on MariaDB: 100,000 generated devices (mixed connectivity, criticality, departments and
 * redundancy) of the model a real advisory names (Baxter ExactaMix EM2400, ICSMA-20-170-01, seven CVEs, EternalBlue
 * among them), one exposure each to one of its CVEs; the first evaluation of all of them by the job; then the real KEV
 * catalogue loaded and the time until every exposure is decided again; then the dashboard roll-ups timed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RiskBench {

    private static final int DEVICES = Integer.getInteger("bench.risk.devices", 100_000);
    private static final String[] CONNECTIVITY = {"INTERNET_REACHABLE", "CLINICAL_NETWORK", "CLINICAL_NETWORK",
            "CLINICAL_NETWORK", "HOSPITAL_NETWORK", "HOSPITAL_NETWORK", "ISOLATED_NETWORK", "STANDALONE"};
    private static final String[] CRITICALITY = {"LIFE_SUSTAINING", "LIFE_SUPPORTING", "DIAGNOSTIC",
            "THERAPEUTIC_NON_CRITICAL", "NON_CLINICAL"};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Bench.deployment();
    }

    @Test
    void kev_update_re_evaluates_every_exposure_of_a_hundred_thousand_devices_and_roll_ups_stay_fast() throws Exception {
        HttpResponse<String> imported = post("/advisories", Files.readAllBytes(TestData.file("csaf/icsma/icsma-20-170-01.json")));
        assertThat(imported.statusCode()).as(imported.body()).isIn(200, 201);
        waitUntilSettled(Duration.ofMinutes(5));

        long loadMillis = load();
        long exposures = count("select count(*) from exposure");

        long t0 = System.nanoTime();
        waitUntilSettled(Duration.ofMinutes(10));
        double firstSeconds = (System.nanoTime() - t0) / 1e9;
        // the tables were filled by JDBC in one go: give MariaDB the statistics it keeps up to date in normal use
        try (Connection c = Bench.db(); Statement st = c.createStatement()) {
            st.execute("ANALYZE TABLE device, exposure, exposure_decision, device_risk, department_risk");
        }

        long t1 = System.nanoTime();
        HttpResponse<String> kev = post("/threat-feeds/kev",
                Files.readAllBytes(TestData.file("kev/known_exploited_vulnerabilities.json")));
        assertThat(kev.statusCode()).as(kev.body()).isEqualTo(200);
        double kevLoadSeconds = (System.nanoTime() - t1) / 1e9;
        waitUntilSettled(Duration.ofMinutes(10));
        double reevalSeconds = (System.nanoTime() - t1) / 1e9;
        long changed = count("select count(*) from decision_change where cause like 'KEV update%'");
        long active = count("select count(*) from exposure_decision where exploitation = 'ACTIVE'");

        List<Long> departments = new ArrayList<>();
        List<Long> facilities = new ArrayList<>();
        List<Long> queue = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            departments.add(timed("/risk/departments"));
            facilities.add(timed("/risk/facilities"));
            queue.add(timed("/risk/queue?limit=50"));
        }
        String md = "## Risk: SSVC decisions for " + String.format(Locale.ROOT, "%,d", DEVICES) + " devices\n\n"
                + "MariaDB; " + String.format(Locale.ROOT, "%,d", exposures) + " exposures (one per generated device, to one of "
                + "the seven CVEs of ICSMA-20-170-01, loaded by JDBC in " + String.format(Locale.ROOT, "%.0f s", loadMillis / 1000.0)
                + "). Decisions are made by `RiskJob` in chunks of 2,000 per transaction; times are measured from the "
                + "client until `GET /api/v1/risk/pending` answers 0.\n\n"
                + "| what | result |\n|---|---|\n"
                + "| first evaluation of every exposure | " + String.format(Locale.ROOT, "%.1f s", firstSeconds) + " |\n"
                + "| real KEV catalogue loaded (" + String.format(Locale.ROOT, "%.1f s", kevLoadSeconds) + ") and every "
                + "exposure decided again | **" + String.format(Locale.ROOT, "%.1f s", reevalSeconds) + "** (goal < 20 s) |\n"
                + "| decisions changed by the KEV update / now exploitation active | " + String.format(Locale.ROOT, "%,d / %,d", changed, active) + " |\n"
                + "| `GET /risk/departments` p50 / max (25 calls, round trip) | **" + Bench.ms(Bench.percentile(departments, 50))
                + "** / " + Bench.ms(Bench.percentile(departments, 100)) + " (goal < 300 ms) |\n"
                + "| `GET /risk/facilities` p50 / max | " + Bench.ms(Bench.percentile(facilities, 50)) + " / "
                + Bench.ms(Bench.percentile(facilities, 100)) + " |\n"
                + "| `GET /risk/queue?limit=50` (first page, most urgent first) p50 / max | "
                + Bench.ms(Bench.percentile(queue, 50)) + " / " + Bench.ms(Bench.percentile(queue, 100)) + " |\n";
        Bench.section("5-risk", md);
        assertThat(changed).as("the KEV update made EternalBlue exposures active").isPositive();
    }

    private static long timed(String path) throws Exception {
        long t = System.nanoTime();
        HttpResponse<String> r = ItConfig.http().send(ItConfig.request(Api.BASE + path, "itsec", ItConfig.password("itsec"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - t) / 1_000_000;
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ms;
    }

    private static void waitUntilSettled(Duration max) throws Exception {
        Instant until = Instant.now().plus(max);
        Thread.sleep(200);
        while (Instant.now().isBefore(until)) {
            HttpResponse<String> r = ItConfig.http().send(ItConfig.request(Api.BASE + "/risk/pending", "itsec",
                    ItConfig.password("itsec")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200 && r.body().replaceAll("\\D", "").equals("0")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("exposures still pending after " + max);
    }

    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        HttpRequest req = ItConfig.request(Api.BASE + path, "itsec", ItConfig.password("itsec"))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return ItConfig.http().send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static long count(String sql) throws Exception {
        try (Connection c = Bench.db(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The devices and one exposure each, by JDBC (the inventory import and matching have their own benchmarks). */
    private static long load() throws Exception {
        long start = System.currentTimeMillis();
        try (Connection c = Bench.db(); Statement st = c.createStatement()) {
            long id;
            try (ResultSet rs = st.executeQuery("select next_val from id_generator where sequence_name = 'patchcare'")) {
                rs.next();
                id = rs.getLong(1) + 10_000;
            }
            long model;
            try (ResultSet rs = st.executeQuery("select m.id from device_model m join manufacturer f on f.id = m.manufacturer_id "
                    + "where f.name = 'Baxter' and m.name = 'ExactaMix EM2400'")) {
                rs.next();
                model = rs.getLong(1);
            }
            long advisory;
            List<String> cves = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select a.id, v.cve from advisory a join advisory_vulnerability v "
                    + "on v.advisory_id = a.id where a.tracking_id = 'ICSMA-20-170-01' order by v.position")) {
                rs.next();
                advisory = rs.getLong(1);
                do {
                    cves.add(rs.getString(2));
                } while (rs.next());
            }
            List<Long> deptIds = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select id from department")) {
                while (rs.next()) {
                    deptIds.add(rs.getLong(1));
                }
            }
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement dev = c.prepareStatement("insert into device (id, asset_tag, serial_number, model_id, "
                    + "software_version, department_id, status, criticality, stores_phi, connectivity, redundant, version, "
                    + "created_at, created_by, updated_at, updated_by) values (?,?,?,?,'1.13',?,'IN_SERVICE',?,false,?,?,0,"
                    + "?,'bench',?,'bench')");
                 PreparedStatement exp = c.prepareStatement("insert into exposure (id, version, public_id, device_id, "
                         + "advisory_id, cve, state, matched_product, certainty, match_reason, created_at, created_by, "
                         + "updated_at, updated_by) values (?,0,?,?,?,?,'AFFECTED','ExactaMix EM2400','CERTAIN','bench',?,"
                         + "'bench',?,'bench')")) {
                Random rnd = new Random(2026);
                for (int n = 1; n <= DEVICES; n++) {
                    long deviceId = id + 5_000_000 + n;
                    dev.setLong(1, deviceId);
                    dev.setString(2, String.format("RB-%07d", n));
                    dev.setString(3, String.format("RS%08X", rnd.nextInt()));
                    dev.setLong(4, model);
                    dev.setLong(5, deptIds.get(rnd.nextInt(deptIds.size())));
                    dev.setString(6, CRITICALITY[rnd.nextInt(CRITICALITY.length)]);
                    dev.setString(7, CONNECTIVITY[rnd.nextInt(CONNECTIVITY.length)]);
                    dev.setBoolean(8, rnd.nextInt(4) == 0);
                    dev.setTimestamp(9, now);
                    dev.setTimestamp(10, now);
                    dev.addBatch();
                    exp.setLong(1, id + 6_000_000 + n);
                    exp.setString(2, UUID.randomUUID().toString());
                    exp.setLong(3, deviceId);
                    exp.setLong(4, advisory);
                    exp.setString(5, cves.get(rnd.nextInt(cves.size())));
                    exp.setTimestamp(6, now);
                    exp.setTimestamp(7, now);
                    exp.addBatch();
                    if (n % 2000 == 0) {
                        dev.executeBatch();
                        exp.executeBatch();
                    }
                }
                dev.executeBatch();
                exp.executeBatch();
            }
            st.executeUpdate("update id_generator set next_val = " + (id + 7_000_000) + " where sequence_name = 'patchcare'");
            c.commit();
        }
        return System.currentTimeMillis() - start;
    }
}
