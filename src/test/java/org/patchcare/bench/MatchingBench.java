package org.patchcare.bench;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.advisories.application.csaf.CsafJson;
import org.patchcare.advisories.application.csaf.ProductTreeFlattener;
import org.patchcare.advisories.domain.matching.AdvisoryProduct;
import org.patchcare.inventory.domain.NameNormalizer;
import org.patchcare.it.ItConfig;
import org.patchcare.shared.api.Api;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Matching speed (issue 3): every real ICSMA advisory in the test data imported over the API, one after the other,
 * against 100,000 generated devices in MariaDB whose models are named after the advisories' products (so matching has
 * real work: vendors through aliases, names scored, versions compared), plus about 2,000 models in all; then one new
 * advisory against the same inventory.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MatchingBench {

    private static final int DEVICES = Integer.getInteger("bench.matching.devices", 100_000);
    private static final int MODELS = 2_000;
    private static final String[] VERSIONS = {"1.0", "2.0.1", "2.3.0", "4.5", "9.12", "B.10", "8.2.1", "11.0", null};

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Bench.deployment();
    }

    @Test
    void all_icsma_advisories_and_then_one_more_against_a_hundred_thousand_devices() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestData.dir().resolve("csaf/icsma"))) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        long loadMillis = load(files);

        List<Long> millis = new ArrayList<>();
        long affected = 0;
        long started = System.nanoTime();
        for (Path f : files) {
            long t = System.nanoTime();
            HttpResponse<String> r = post(Files.readAllBytes(f));
            millis.add((System.nanoTime() - t) / 1_000_000);
            assertThat(r.statusCode()).as(f.getFileName() + ": " + r.body()).isEqualTo(201);
            affected += Long.parseLong(r.body().replaceAll("(?s).*\"affectedDevices\":(\\d+).*", "$1"));
        }
        double totalSeconds = (System.nanoTime() - started) / 1e9;

        // one new advisory: the largest ICSMA document under a new tracking id
        Path largest = files.stream().max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        ObjectNode doc = (ObjectNode) CsafJson.parse(Files.readAllBytes(largest));
        ((ObjectNode) doc.get("document").get("tracking")).put("id", "BENCH-NEW-" + UUID.randomUUID());
        byte[] fresh = CsafJson.mapper().writeValueAsBytes(doc);
        List<Long> single = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ((ObjectNode) doc.get("document").get("tracking")).put("id", "BENCH-NEW-" + i);
            long t = System.nanoTime();
            HttpResponse<String> r = post(CsafJson.mapper().writeValueAsBytes(doc));
            single.add((System.nanoTime() - t) / 1_000_000);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        assertThat(fresh).isNotEmpty();

        long exposures;
        long reviews;
        try (Connection c = Bench.db(); Statement st = c.createStatement()) {
            exposures = count(st, "select count(*) from exposure");
            reviews = count(st, "select count(*) from match_review");
        }
        String md = "## Matching advisories against " + String.format(Locale.ROOT, "%,d", DEVICES) + " devices\n\n"
                + "MariaDB; " + files.size() + " real ICSMA advisories (all in the test data) imported one after the other "
                + "with `POST /api/v1/advisories` (validation, storage and matching in one transaction each). The "
                + "inventory: " + MODELS + " models, " + "those named after the advisories' products among them, and "
                + String.format(Locale.ROOT, "%,d", DEVICES) + " devices spread over them with 9 software versions; loaded "
                + "by JDBC in " + String.format(Locale.ROOT, "%.0f s", loadMillis / 1000.0) + ".\n\n"
                + "| what | result |\n|---|---|\n"
                + "| all " + files.size() + " advisories | **" + String.format(Locale.ROOT, "%.1f s", totalSeconds)
                + "** (goal < 30 s) |\n"
                + "| per advisory p50 / p95 / max | " + Bench.ms(Bench.percentile(millis, 50)) + " / "
                + Bench.ms(Bench.percentile(millis, 95)) + " / " + Bench.ms(Bench.percentile(millis, 100)) + " |\n"
                + "| one new advisory (" + largest.getFileName() + ", new id), 5 runs p50 / max | **"
                + Bench.ms(Bench.percentile(single, 50)) + "** / " + Bench.ms(Bench.percentile(single, 100))
                + " (goal < 1 s) |\n"
                + "| affected devices reported (sum over advisories) | " + String.format(Locale.ROOT, "%,d", affected) + " |\n"
                + "| exposures stored | " + String.format(Locale.ROOT, "%,d", exposures) + " |\n"
                + "| review items | " + String.format(Locale.ROOT, "%,d", reviews) + " |\n";
        Bench.section("4-matching", md);
        assertThat(exposures).as("the generated inventory contains the advisories' products").isPositive();
    }

    private static long count(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpResponse<String> post(byte[] body) throws Exception {
        HttpRequest req = ItConfig.request(Api.BASE + "/advisories", "itsec", ItConfig.password("itsec"))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return ItConfig.http().send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** Models named after the advisories' products (one manufacturer per vendor), filler models, and the devices. */
    private static long load(List<Path> files) throws Exception {
        long start = System.currentTimeMillis();
        Map<String, String> products = new LinkedHashMap<>(); // name -> vendor
        ProductTreeFlattener flattener = new ProductTreeFlattener();
        for (Path f : files) {
            JsonNode doc = CsafJson.parse(Files.readAllBytes(f));
            for (AdvisoryProduct p : flattener.flatten(doc)) {
                if (p.vendor() != null && p.productName() != null) {
                    products.putIfAbsent(p.productName().strip(), p.vendor().strip());
                }
            }
        }
        try (Connection c = Bench.db(); Statement st = c.createStatement()) {
            st.execute("set foreign_key_checks = 0");
            long id;
            try (ResultSet rs = st.executeQuery("select next_val from id_generator where sequence_name = 'patchcare'")) {
                rs.next();
                id = rs.getLong(1) + 10_000;
            }
            Map<String, Long> manufacturers = new HashMap<>();
            try (ResultSet rs = st.executeQuery("select id, normalized_name from manufacturer")) {
                while (rs.next()) {
                    manufacturers.put(rs.getString(2), rs.getLong(1));
                }
            }
            try (ResultSet rs = st.executeQuery("select m.normalized_alias, m.manufacturer_id from manufacturer_alias m")) {
                while (rs.next()) {
                    manufacturers.putIfAbsent(rs.getString(1), rs.getLong(2));
                }
            }
            List<Long> deptIds = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("select id from department")) {
                while (rs.next()) {
                    deptIds.add(rs.getLong(1));
                }
            }
            c.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            List<Long> modelIds = new ArrayList<>();
            java.util.Set<String> existing = new java.util.HashSet<>();
            try (ResultSet rs = st.executeQuery("select id, manufacturer_id, name from device_model")) {
                while (rs.next()) {
                    modelIds.add(rs.getLong(1));
                    existing.add(rs.getLong(2) + "|" + rs.getString(3).toLowerCase(Locale.ROOT));
                }
            }
            try (PreparedStatement mf = c.prepareStatement("insert into manufacturer (id, public_id, name, normalized_name, "
                    + "version, created_at, created_by, updated_at, updated_by) values (?,?,?,?,0,?,'bench',?,'bench')");
                 PreparedStatement model = c.prepareStatement("insert into device_model (id, public_id, manufacturer_id, "
                         + "name, model_number, device_type, end_of_support, version, created_at, created_by, updated_at, "
                         + "updated_by) values (?,?,?,?,?,?,null,0,?,'bench',?,'bench')")) {
                int n = 0;
                for (Map.Entry<String, String> p : products.entrySet()) {
                    Long m = manufacturer(mf, manufacturers, p.getValue(), now, id + 1_000_000 + manufacturers.size());
                    String name = p.getKey().length() > 120 ? p.getKey().substring(0, 120) : p.getKey();
                    if (!existing.add(m + "|" + name.toLowerCase(Locale.ROOT))) {
                        continue;
                    }
                    long modelId = id + 2_000_000 + n++;
                    insertModel(model, modelId, m, p.getKey(), now);
                    modelIds.add(modelId);
                }
                String[] vendors = {"Acme Medical", "Northwind Devices", "Contoso Health", "Globex Imaging", "Initech Labs"};
                Random rnd = new Random(7);
                while (modelIds.size() < MODELS) {
                    String vendor = vendors[rnd.nextInt(vendors.length)];
                    Long m = manufacturer(mf, manufacturers, vendor, now, id + 1_000_000 + manufacturers.size());
                    long modelId = id + 2_000_000 + n++;
                    insertModel(model, modelId, m, vendor.split(" ")[0] + " Model " + (1000 + n), now);
                    modelIds.add(modelId);
                }
                mf.executeBatch();
                model.executeBatch();
            }
            try (PreparedStatement dev = c.prepareStatement("insert into device (id, asset_tag, serial_number, model_id, "
                    + "software_version, department_id, status, criticality, stores_phi, connectivity, version, "
                    + "created_at, created_by, updated_at, updated_by) values (?,?,?,?,?,?,'IN_SERVICE','DIAGNOSTIC',"
                    + "false,'CLINICAL_NETWORK',0,?,'bench',?,'bench')")) {
                Random rnd = new Random(2026);
                for (int n = 1; n <= DEVICES; n++) {
                    dev.setLong(1, id + 3_000_000 + n);
                    dev.setString(2, String.format("MB-%07d", n));
                    dev.setString(3, String.format("MS%08X", rnd.nextInt()));
                    dev.setLong(4, modelIds.get(rnd.nextInt(modelIds.size())));
                    dev.setString(5, VERSIONS[rnd.nextInt(VERSIONS.length)]);
                    dev.setLong(6, deptIds.get(rnd.nextInt(deptIds.size())));
                    dev.setTimestamp(7, now);
                    dev.setTimestamp(8, now);
                    dev.addBatch();
                    if (n % 2000 == 0) {
                        dev.executeBatch();
                    }
                }
                dev.executeBatch();
            }
            st.executeUpdate("update id_generator set next_val = " + (id + 4_000_000) + " where sequence_name = 'patchcare'");
            c.commit();
        }
        return System.currentTimeMillis() - start;
    }

    private static Long manufacturer(PreparedStatement mf, Map<String, Long> known, String vendor, Timestamp now, long newId)
            throws Exception {
        String norm = NameNormalizer.normalize(vendor);
        if (norm.length() > 120) {
            norm = norm.substring(0, 120);
        }
        Long id = known.get(norm);
        if (id == null) {
            id = newId;
            mf.setLong(1, id);
            mf.setString(2, UUID.randomUUID().toString());
            mf.setString(3, vendor.length() > 120 ? vendor.substring(0, 120) : vendor);
            mf.setString(4, norm);
            mf.setTimestamp(5, now);
            mf.setTimestamp(6, now);
            mf.addBatch();
            known.put(norm, id);
        }
        return id;
    }

    private static void insertModel(PreparedStatement model, long id, long manufacturer, String name, Timestamp now)
            throws Exception {
        model.setLong(1, id);
        model.setString(2, UUID.randomUUID().toString());
        model.setLong(3, manufacturer);
        model.setString(4, name.length() > 120 ? name.substring(0, 120) : name);
        model.setString(5, null);
        model.setString(6, "Generated");
        model.setTimestamp(7, now);
        model.setTimestamp(8, now);
        model.addBatch();
    }
}
