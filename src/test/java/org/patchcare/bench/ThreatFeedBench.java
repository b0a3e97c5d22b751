package org.patchcare.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.ItConfig;
import org.patchcare.testsupport.TestData;

import java.io.BufferedWriter;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads an EPSS-sized file (300,000 rows in FIRST's layout, generated) and the real KEV catalogue through the API
 * into MariaDB, and records the wall time of each. No timed assertions: the figures go to target/bench/results.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreatFeedBench {

    private static final int ROWS = Integer.getInteger("bench.epss.rows", 300_000);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Bench.deployment();
    }

    private static JsonObject post(String path, String contentType, Path body) throws Exception {
        HttpRequest req = ItConfig.request("/api/v1" + path, "itsec", ItConfig.password("itsec"))
                .timeout(java.time.Duration.ofMinutes(10)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(body)).build();
        HttpResponse<String> r = ItConfig.http().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    @Test
    void loads_a_300k_row_epss_file_and_the_kev_catalogue() throws Exception {
        Path csv = Bench.DIR.resolve("epss-" + ROWS + ".csv");
        Files.createDirectories(Bench.DIR);
        Random random = new Random(42);
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("#model_version:v2026.06.15,score_date:2026-09-29T12:00:22Z\ncve,epss,percentile\n");
            for (int i = 0; i < ROWS; i++) {
                double epss = Math.pow(random.nextDouble(), 6);
                w.write(String.format(Locale.ROOT, "CVE-%d-%04d,%.5f,%.5f%n", 1999 + i / 12_000, i % 12_000 + 1, epss,
                        random.nextDouble()));
            }
        }
        long t0 = System.nanoTime();
        JsonObject first = post("/threat-feeds/epss", "text/csv", csv);
        long firstMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(first.getInt("entries")).isEqualTo(ROWS);
        t0 = System.nanoTime();
        post("/threat-feeds/epss", "text/csv", csv);
        long againMs = (System.nanoTime() - t0) / 1_000_000;

        Path kev = TestData.file("kev/known_exploited_vulnerabilities.json");
        t0 = System.nanoTime();
        JsonObject k = post("/threat-feeds/kev", "application/json", kev);
        long kevMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(k.getInt("added")).isEqualTo(1404);

        Bench.section("3-feeds", "## Threat feeds\n\n"
                + "| measurement | value |\n|---|---|\n"
                + String.format(Locale.ROOT, "| EPSS file of %,d rows (%s), first load into an empty table (goal < 15 s) | %,d ms |%n",
                ROWS, Bench.mb(Files.size(csv)), firstMs)
                + String.format(Locale.ROOT, "| the same file again (every row an update) | %,d ms |%n", againMs)
                + String.format(Locale.ROOT, "| KEV catalogue 2025.08.25 (1,404 entries), first load | %,d ms |%n", kevMs));
    }
}
