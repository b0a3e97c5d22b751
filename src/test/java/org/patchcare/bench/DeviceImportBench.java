package org.patchcare.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.inventory.domain.NameNormalizer;
import org.patchcare.it.ItConfig;
import org.patchcare.it.rest.DeviceCsv;

import java.io.BufferedWriter;
import java.io.Reader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports a generated 100,000-device CSV through POST /api/v1/devices/import into MariaDB and compares it with a
 * plain JDBC batch insert of the same rows. Records wall time and the server's peak heap. No timed assertions.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceImportBench {

    private static final int ROWS = Integer.getInteger("bench.import.rows", 100_000);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Bench.deployment();
    }

    @Test
    void imports_100k_devices_through_the_api_and_compares_with_plain_jdbc() throws Exception {
        Path csv = Bench.DIR.resolve("devices-" + ROWS + ".csv");
        Files.createDirectories(Bench.DIR);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(DeviceCsv.HEADER);
            w.write("\r\n");
            for (int i = 1; i <= ROWS; i++) {
                w.write(DeviceCsv.row(String.format("BI-%07d", i), i, "4.2." + (i % 10)));
                w.write("\r\n");
            }
        }
        long fileBytes = Files.size(csv);

        long jdbcNanos = jdbcBaseline(csv);

        Bench.post("/bench-probe/heap/reset");
        long t0 = System.nanoTime();
        HttpResponse<String> r = ItConfig.http().send(Bench.request("/api/v1/devices/import?dryRun=false")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        long appNanos = System.nanoTime() - t0;
        String[] heap = Bench.get("/bench-probe/heap/peak").split(" ");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject report = Json.createReader(new StringReader(r.body())).readObject();
        assertThat(report.getJsonNumber("created").longValue()).isEqualTo(ROWS);

        Bench.post("/bench-probe/heap/reset");
        long t1 = System.nanoTime();
        HttpResponse<String> again = ItConfig.http().send(Bench.request("/api/v1/devices/import?dryRun=true")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
        long dryNanos = System.nanoTime() - t1;
        String[] dryHeap = Bench.get("/bench-probe/heap/peak").split(" ");
        JsonObject dry = Json.createReader(new StringReader(again.body())).readObject();
        assertThat(dry.getJsonNumber("unchanged").longValue()).isEqualTo(ROWS);

        long devices;
        long events;
        long audits;
        long tokens;
        try (Connection c = Bench.db(); Statement st = c.createStatement()) {
            devices = count(st, "select count(*) from device where asset_tag like 'BI-%'");
            events = count(st, "select count(*) from device_event e join device d on d.id = e.device_id where d.asset_tag like 'BI-%'");
            audits = count(st, "select count(*) from audit_entry where entity_type = 'Device' and entity_key like 'BI-%'");
            tokens = count(st, "select count(*) from device_search_token t join device d on d.id = t.device_id where d.asset_tag like 'BI-%'");
        }
        assertThat(devices).isEqualTo(ROWS);

        double ratio = (double) appNanos / jdbcNanos;
        String md = "## CSV import of " + String.format(Locale.ROOT, "%,d", ROWS) + " devices (" + Bench.mb(fileBytes) + ")\n\n"
                + "| measurement | value |\n|---|---|\n"
                + "| plain JDBC batch insert of the same rows (device table copy, same columns, rewriteBatchedStatements, one transaction, CSV parsing included) | "
                + Bench.ms(jdbcNanos / 1e6) + " |\n"
                + "| import through POST /api/v1/devices/import (one transaction; also writes " + String.format(Locale.ROOT, "%,d", tokens)
                + " search tokens, " + String.format(Locale.ROOT, "%,d", events) + " lifecycle events, "
                + String.format(Locale.ROOT, "%,d", audits) + " audit entries) | " + Bench.ms(appNanos / 1e6) + " |\n"
                + "| ratio app / JDBC (goal ≤ 2×) | " + String.format(Locale.ROOT, "%.2f×", ratio) + " |\n"
                + "| rows per second through the app | " + String.format(Locale.ROOT, "%,.0f", ROWS / (appNanos / 1e9)) + " |\n"
                + "| server heap: baseline after GC → sampled peak during import (max heap " + Bench.mb(Long.parseLong(heap[3])) + ") | "
                + Bench.mb(Long.parseLong(heap[2])) + " → " + Bench.mb(Long.parseLong(heap[0])) + " |\n"
                + "| server heap: sum of heap pools' peaks during import | " + Bench.mb(Long.parseLong(heap[1])) + " |\n"
                + "| dry run of the same file again (all " + String.format(Locale.ROOT, "%,d", ROWS) + " unchanged) | "
                + Bench.ms(dryNanos / 1e6) + ", heap peak " + Bench.mb(Long.parseLong(dryHeap[0])) + " |\n";
        Bench.section("1-import", md);
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Parses the same CSV and inserts the same device rows into a copy of the device table with JDBC batches. */
    private static long jdbcBaseline(Path csv) throws Exception {
        try (Connection c = Bench.db(); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_device");
            st.execute("create table bench_device like device");
            Map<String, Long> makers = new HashMap<>();
            try (ResultSet rs = st.executeQuery("select id, normalized_name from manufacturer")) {
                while (rs.next()) {
                    makers.put(rs.getString(2), rs.getLong(1));
                }
            }
            try (ResultSet rs = st.executeQuery("select manufacturer_id, normalized_alias from manufacturer_alias")) {
                while (rs.next()) {
                    makers.putIfAbsent(rs.getString(2), rs.getLong(1));
                }
            }
            Map<String, Long> models = new HashMap<>();
            Map<Long, Date> modelEos = new HashMap<>();
            try (ResultSet rs = st.executeQuery("select id, manufacturer_id, name, end_of_support from device_model")) {
                while (rs.next()) {
                    models.put(rs.getLong(2) + "|" + rs.getString(3).toLowerCase(Locale.ROOT), rs.getLong(1));
                    modelEos.put(rs.getLong(1), rs.getDate(4));
                }
            }
            Map<String, Long> depts = new HashMap<>();
            try (ResultSet rs = st.executeQuery("select id, code from department")) {
                while (rs.next()) {
                    depts.put(rs.getString(2), rs.getLong(1));
                }
            }
            long start = System.nanoTime();
            c.setAutoCommit(false);
            String sql = "insert into bench_device (id, asset_tag, serial_number, model_id, udi_di, software_version, os_name, "
                    + "os_version, department_id, location_id, status, criticality, stores_phi, hostname, ip_address, mac_address, "
                    + "network_segment, connectivity, install_date, warranty_end, end_of_support_override, end_of_support, "
                    + "planned_replacement, custodian, notes, version, created_at, created_by, updated_at, updated_by) "
                    + "values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
            Timestamp now = Timestamp.from(Instant.now());
            long id = 1;
            try (PreparedStatement ps = c.prepareStatement(sql);
                 Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                int batch = 0;
                for (CSVRecord r : p) {
                    Long maker = makers.get(NameNormalizer.normalize(r.get("manufacturer")));
                    Long model = models.get(maker + "|" + r.get("model").toLowerCase(Locale.ROOT));
                    int i = 1;
                    ps.setLong(i++, id++);
                    ps.setString(i++, r.get("asset_tag").toUpperCase(Locale.ROOT));
                    ps.setString(i++, r.get("serial_number"));
                    ps.setLong(i++, model);
                    ps.setString(i++, blank(r.get("udi_di")));
                    ps.setString(i++, r.get("software_version"));
                    ps.setString(i++, r.get("os_name"));
                    ps.setString(i++, r.get("os_version"));
                    ps.setLong(i++, depts.get(r.get("department")));
                    ps.setNull(i++, java.sql.Types.BIGINT);
                    ps.setString(i++, "IN_SERVICE");
                    ps.setString(i++, r.get("criticality").toUpperCase(Locale.ROOT).replace(' ', '_').replace("-", "_"));
                    ps.setBoolean(i++, "yes".equals(r.get("stores_phi")));
                    ps.setString(i++, r.get("hostname"));
                    ps.setString(i++, r.get("ip_address"));
                    ps.setString(i++, r.get("mac_address"));
                    ps.setString(i++, r.get("network_segment"));
                    ps.setString(i++, r.get("connectivity"));
                    ps.setDate(i++, Date.valueOf(r.get("install_date")));
                    ps.setDate(i++, Date.valueOf(r.get("warranty_end")));
                    ps.setNull(i++, java.sql.Types.DATE);
                    ps.setDate(i++, modelEos.get(model));
                    ps.setNull(i++, java.sql.Types.DATE);
                    ps.setString(i++, r.get("custodian"));
                    ps.setString(i++, r.get("notes"));
                    ps.setInt(i++, 0);
                    ps.setTimestamp(i++, now);
                    ps.setString(i++, "bench");
                    ps.setTimestamp(i++, now);
                    ps.setString(i, "bench");
                    ps.addBatch();
                    if (++batch == 500) {
                        ps.executeBatch();
                        batch = 0;
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            long nanos = System.nanoTime() - start;
            c.setAutoCommit(true);
            st.execute("drop table bench_device");
            return nanos;
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
