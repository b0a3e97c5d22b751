package org.patchcare.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.inventory.domain.SearchTokens;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads 1,000,000 devices (with their search tokens) into MariaDB with JDBC batches, then times the first page of
 * DeviceService.list with a text filter and a sort, inside the server, for several search terms. No timed assertions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceListBench {

    private static final int DEVICES = Integer.getInteger("bench.list.devices", 1_000_000);
    private static final int SAMPLES_PER_CASE = Integer.getInteger("bench.list.samples", 30);
    private static final int WARMUP = 10;

    /** search text, sort property, what it stands for */
    private static final String[][] CASES = {
            {"bl-00123", "assetTag", "asset-tag prefix (≈100 hits)"},
            {"0004711", "model", "asset-tag number part (1 hit)"},
            {"sn4f2", "installDate", "serial prefix (≈250 hits)"},
            {"icu", "model", "hostname part, broad (≈30,000 hits)"},
            {"10.12.3", "assetTag", "IP prefix (≈1,100 hits)"},
            {"dräger", "installDate", "manufacturer name (model match, ≈100,000 hits)"},
            {"nothing-like-this", "model", "no hit"},
    };

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Bench.deployment();
    }

    @Test
    void device_list_with_text_filter_and_sort_over_a_million_devices() throws Exception {
        long loadMillis = load();

        List<Long> all = new ArrayList<>();
        StringBuilder rows = new StringBuilder();
        for (String[] c : CASES) {
            String body = Bench.get("/bench-probe/list?text=" + URLEncoder.encode(c[0], StandardCharsets.UTF_8)
                    + "&sort=" + c[1] + "&warmup=" + WARMUP + "&samples=" + SAMPLES_PER_CASE);
            String[] lines = body.split("\n");
            List<Long> micros = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                micros.add(Long.parseLong(lines[i].strip()));
            }
            all.addAll(micros);
            rows.append("| `").append(c[0]).append("` | ").append(c[1]).append(" | ").append(c[2]).append(" | ")
                    .append(lines[0].substring(5)).append(" | ")
                    .append(Bench.ms(Bench.percentile(micros, 50) / 1000.0)).append(" | ")
                    .append(Bench.ms(Bench.percentile(micros, 95) / 1000.0)).append(" | ")
                    .append(Bench.ms(micros.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0)).append(" |\n");
        }
        long p95 = Bench.percentile(all, 95);
        String md = "## Device list over " + String.format(Locale.ROOT, "%,d", DEVICES) + " devices\n\n"
                + "First page (50 rows) of `DeviceService.list` with a text filter and a sort, timed inside the server; "
                + WARMUP + " warm-up calls and " + SAMPLES_PER_CASE + " samples per case, " + all.size() + " samples in all. "
                + "Loading the devices and their search tokens with JDBC batches took " + String.format(Locale.ROOT, "%.0f s", loadMillis / 1000.0) + ".\n\n"
                + "| text | sort | case | rows on page | p50 | p95 | max |\n|---|---|---|---|---|---|---|\n" + rows
                + "\n**p95 over all " + all.size() + " samples: " + Bench.ms(p95 / 1000.0) + "** (goal < 50 ms)\n";
        Bench.section("2-list", md);
        assertThat(all).as("every case measured at least once").hasSizeGreaterThanOrEqualTo(CASES.length);
    }

    /** Inserts the devices and their search tokens (as SearchTokens.of makes them) and advances the id generator. */
    private static long load() throws Exception {
        long start = System.currentTimeMillis();
        try (Connection c = Bench.db(); Statement st = c.createStatement()) {
            st.execute("set unique_checks = 0");
            st.execute("set foreign_key_checks = 0");
            long nextVal;
            try (ResultSet rs = st.executeQuery("select next_val from id_generator where sequence_name = 'patchcare'")) {
                rs.next();
                nextVal = rs.getLong(1);
            }
            List<long[]> models = new ArrayList<>(); // id, manufacturer id
            List<Date> eos = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select id, end_of_support from device_model order by id")) {
                while (rs.next()) {
                    models.add(new long[]{rs.getLong(1)});
                    eos.add(rs.getDate(2));
                }
            }
            List<Long> deptIds = new ArrayList<>();
            List<String> deptCodes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select id, code from department order by id")) {
                while (rs.next()) {
                    deptIds.add(rs.getLong(1));
                    deptCodes.add(rs.getString(2).toLowerCase(Locale.ROOT));
                }
            }
            c.setAutoCommit(false);
            String[] crit = {"LIFE_SUSTAINING", "LIFE_SUPPORTING", "DIAGNOSTIC", "THERAPEUTIC_NON_CRITICAL", "NON_CLINICAL"};
            String[] conn = {"STANDALONE", "ISOLATED_NETWORK", "CLINICAL_NETWORK", "HOSPITAL_NETWORK"};
            String[] status = {"IN_SERVICE", "IN_SERVICE", "IN_SERVICE", "IN_SERVICE", "IN_SERVICE", "IN_SERVICE",
                    "IN_SERVICE", "OUT_OF_SERVICE", "IN_REPAIR", "RETIRED"};
            Random rnd = new Random(2026);
            Timestamp now = Timestamp.from(Instant.now());
            long firstId = nextVal + 10_000;
            try (PreparedStatement dev = c.prepareStatement("insert into device (id, asset_tag, serial_number, model_id, "
                    + "software_version, os_name, os_version, department_id, status, criticality, stores_phi, hostname, "
                    + "ip_address, mac_address, network_segment, connectivity, install_date, end_of_support, version, "
                    + "created_at, created_by, updated_at, updated_by) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,0,?,?,?,?)");
                 PreparedStatement tok = c.prepareStatement("insert into device_search_token (device_id, token) values (?,?)")) {
                int tokens = 0;
                for (int n = 1; n <= DEVICES; n++) {
                    long id = firstId + n;
                    int m = rnd.nextInt(models.size());
                    int d = rnd.nextInt(deptIds.size());
                    String tag = String.format("BL-%07d", n);
                    String serial = String.format("SN%08X", rnd.nextInt());
                    boolean networked = rnd.nextInt(10) < 4;
                    String host = networked ? deptCodes.get(d) + "-dev-" + String.format("%07d", n) + ".clinic.local" : null;
                    String ip = networked ? "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255) : null;
                    String mac = networked ? String.format("02:00:%02X:%02X:%02X:%02X", n >> 24 & 255, n >> 16 & 255, n >> 8 & 255, n & 255) : null;
                    int i = 1;
                    dev.setLong(i++, id);
                    dev.setString(i++, tag);
                    dev.setString(i++, serial);
                    dev.setLong(i++, models.get(m)[0]);
                    dev.setString(i++, "v" + rnd.nextInt(20));
                    dev.setString(i++, networked ? "Windows" : null);
                    dev.setString(i++, networked ? "10" : null);
                    dev.setLong(i++, deptIds.get(d));
                    dev.setString(i++, status[rnd.nextInt(status.length)]);
                    dev.setString(i++, crit[rnd.nextInt(crit.length)]);
                    dev.setBoolean(i++, rnd.nextBoolean());
                    dev.setString(i++, host);
                    dev.setString(i++, ip);
                    dev.setString(i++, mac);
                    dev.setString(i++, networked ? "VLAN-" + (10 + d) : null);
                    dev.setString(i++, networked ? conn[1 + rnd.nextInt(3)] : conn[0]);
                    dev.setDate(i++, Date.valueOf(LocalDate.of(2005, 1, 1).plusDays(rnd.nextInt(7000))));
                    dev.setDate(i++, eos.get(m));
                    dev.setTimestamp(i++, now);
                    dev.setString(i++, "bench");
                    dev.setTimestamp(i++, now);
                    dev.setString(i, "bench");
                    dev.addBatch();
                    Set<String> ts = SearchTokens.of(tag, serial, host, ip, mac);
                    for (String t : ts) {
                        tok.setLong(1, id);
                        tok.setString(2, t);
                        tok.addBatch();
                        tokens++;
                    }
                    if (n % 2000 == 0) {
                        dev.executeBatch();
                        tok.executeBatch();
                    }
                    if (n % 100_000 == 0) {
                        c.commit();
                        System.out.printf(Locale.ROOT, "loaded %,d devices, %,d tokens, %d s%n", n, tokens,
                                (System.currentTimeMillis() - start) / 1000);
                    }
                }
                dev.executeBatch();
                tok.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("update id_generator set next_val = ? where sequence_name = 'patchcare'")) {
                ps.setLong(1, firstId + DEVICES + 1000);
                ps.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            st.execute("analyze table device, device_search_token");
        }
        return System.currentTimeMillis() - start;
    }
}
