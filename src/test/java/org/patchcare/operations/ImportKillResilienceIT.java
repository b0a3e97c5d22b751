package org.patchcare.operations;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.patchcare.it.rest.DeviceCsv;

import java.io.BufferedWriter;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7: the server is killed (SIGKILL) in the middle of a 100,000-device CSV import. The import is one transaction
 * (ADR 0020), so after the crash nothing of it is in the database; the server starts again by itself, healthy, and the
 * same file imported again gives exactly 100,000 devices; a third run changes nothing (asset tags are unique).
 * Rows: -Dresilience.import.rows (default 100000).
 */
class ImportKillResilienceIT {

    static final int OFFSET = 322;
    static final String DB = "ops_kill_1";
    static final Path WORK = Path.of("target/ops-resilience/kill");
    static final int ROWS = Integer.getInteger("resilience.import.rows", 100_000);

    static OwnStack stack;
    static OwnMariaDb db;
    static OwnServer server;

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void killedImportLeavesNothingAndReRunsWithoutDuplicates() throws Exception {
        stack = OwnStack.start(WORK, OFFSET, DB, Map.of());
        db = stack.db;
        server = stack.server;

        Path csv = WORK.resolve("devices-" + ROWS + ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write(DeviceCsv.HEADER);
            w.newLine();
            for (int i = 0; i < ROWS; i++) {
                w.write(DeviceCsv.row(String.format(Locale.ROOT, "KILL-%07d", i), i, "4.2." + (i % 10)));
                w.newLine();
            }
        }
        Map<String, Long> before = counts();

        long started = System.nanoTime();
        CompletableFuture<HttpResponse<String>> doomed = server.http().sendAsync(importRequest(csv),
                HttpResponse.BodyHandlers.ofString());
        double inProgress = 0;
        long written = 0;
        String rowsInProgress = "patchcare_device_import_rows_in_progress{mode=\"import\"}";
        while (inProgress < ROWS * 0.4 && !doomed.isDone()) {
            Thread.sleep(250);
            inProgress = server.metric(rowsInProgress);
        }
        written = rowsModifiedByOpenTransactions();
        assertFalse(doomed.isDone(), "the import ended before the kill: " + (doomed.isDone() ? doomed.get().body() : ""));
        server.kill();
        System.out.printf(Locale.ROOT, "killed after %.1f s: %.0f rows read, %d rows written by the open transaction%n",
                seconds(started), inProgress, written);
        assertTrue(written > 1000, "the import had written rows when it was killed: " + written);

        // The database rolls the dead connection's transaction back by itself
        long waitFrom = System.nanoTime();
        while (rowsModifiedByOpenTransactions() > 0 && seconds(waitFrom) < 120) {
            Thread.sleep(250);
        }
        System.out.printf(Locale.ROOT, "transaction rolled back by the database %.1f s after the kill%n", seconds(waitFrom));
        assertEquals(before, counts(), "nothing of the killed import: no devices, search tokens, events or audit entries");

        System.out.printf(Locale.ROOT, "restart after the kill: %.1f s until ready%n", server.start());
        assertEquals(200, server.get("/health/ready", null).statusCode());

        long rerun = System.nanoTime();
        JsonObject first = json(server.http().send(importRequest(csv), HttpResponse.BodyHandlers.ofString()), 200);
        System.out.printf(Locale.ROOT, "re-run of %d rows: %.1f s%n", ROWS, seconds(rerun));
        assertEquals(ROWS, first.getJsonNumber("created").longValue(), first.toString());
        Map<String, Long> after = counts();
        assertEquals(before.get("device") + ROWS, after.get("device"));
        assertEquals(ROWS, after.get("import_devices"));
        assertEquals(0, after.get("duplicate_tags"));

        long again = System.nanoTime();
        JsonObject second = json(server.http().send(importRequest(csv), HttpResponse.BodyHandlers.ofString()), 200);
        System.out.printf(Locale.ROOT, "second re-run (nothing to change): %.1f s%n", seconds(again));
        assertEquals(0, second.getJsonNumber("created").longValue(), second.toString());
        assertEquals(ROWS, second.getJsonNumber("unchanged").longValue(), second.toString());
        assertEquals(after.get("device"), counts().get("device"));
        assertEquals(2.0, server.metric("patchcare_device_imports_total{mode=\"import\",result=\"committed\"}"));
        assertEquals(0.0, server.metric(rowsInProgress));
    }

    private static HttpRequest importRequest(Path csv) throws Exception {
        return server.request("/api/v1/devices/import").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(csv)).build();
    }

    private static Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.connect(DB); Statement st = c.createStatement()) {
            for (String[] q : new String[][]{
                    {"device", "SELECT COUNT(*) FROM device"},
                    {"import_devices", "SELECT COUNT(*) FROM device WHERE asset_tag LIKE 'KILL-%'"},
                    {"duplicate_tags", "SELECT COUNT(*) FROM (SELECT asset_tag FROM device GROUP BY asset_tag HAVING COUNT(*) > 1) d"},
                    {"device_search_token", "SELECT COUNT(*) FROM device_search_token"},
                    {"device_event", "SELECT COUNT(*) FROM device_event"},
                    {"audit_entry", "SELECT COUNT(*) FROM audit_entry"}}) {
                try (ResultSet rs = st.executeQuery(q[1])) {
                    rs.next();
                    counts.put(q[0], rs.getLong(1));
                }
            }
        }
        return counts;
    }

    /** Rows changed by transactions still open in the database (InnoDB's own view). */
    private static long rowsModifiedByOpenTransactions() throws Exception {
        try (Connection c = db.connect(""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(trx_rows_modified), 0) FROM information_schema.innodb_trx")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JsonObject json(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return reader.readObject();
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
