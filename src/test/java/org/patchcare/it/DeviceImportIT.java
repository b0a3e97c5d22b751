package org.patchcare.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.rest.DeviceCsv;
import org.patchcare.it.rest.ImportDeployments;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The device CSV import over REST, against the real server on H2 and MariaDB. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceImportIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ImportDeployments.withRest(Deployments.app());
    }

    private static String prefix() {
        return "IT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + "-";
    }

    private record Result(int status, String contentType, JsonObject json, String body) {
        long count(String field) {
            return json.getJsonNumber(field).longValue();
        }

        List<JsonObject> errors() {
            return json.getJsonArray("errors").getValuesAs(JsonObject.class);
        }
    }

    private static Result post(String user, byte[] body, boolean dryRun) throws Exception {
        HttpRequest req = ItConfig.request("/api/v1/devices/import?dryRun=" + dryRun, user, ItConfig.password(user))
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return parse(ItConfig.http().send(req, HttpResponse.BodyHandlers.ofString()));
    }

    private static Result post(String user, String csv, boolean dryRun) throws Exception {
        return post(user, csv.getBytes(StandardCharsets.UTF_8), dryRun);
    }

    private static Result parse(HttpResponse<String> r) {
        JsonObject json = null;
        if (r.body() != null && r.body().startsWith("{")) {
            json = Json.createReader(new StringReader(r.body())).readObject();
        }
        return new Result(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), json, r.body());
    }

    @Test
    void valid_file_is_imported_and_importing_it_again_changes_nothing() throws Exception {
        String csv = DeviceCsv.withHeader().rows(prefix(), 25, "1.0").text();

        Result first = post("biomed", csv, false);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.count("created")).isEqualTo(25);
        assertThat(first.json().getBoolean("committed")).isTrue();
        assertThat(first.errors()).isEmpty();

        Result second = post("biomed", csv, false);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.count("created")).isZero();
        assertThat(second.count("updated")).isZero();
        assertThat(second.count("unchanged")).isEqualTo(25);
    }

    @Test
    void dry_run_reports_the_counts_and_writes_nothing() throws Exception {
        String csv = DeviceCsv.withHeader().rows(prefix(), 5, "1.0").text();
        Result dry = post("admin", csv, true);
        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        assertThat(dry.count("created")).isEqualTo(5);
        assertThat(dry.json().getBoolean("committed")).isFalse();

        Result again = post("admin", csv, true);
        assertThat(again.count("created")).as("a dry run must not have written the devices").isEqualTo(5);
    }

    @Test
    void a_changed_row_updates_that_device_and_leaves_the_others_unchanged() throws Exception {
        String p = prefix();
        assertThat(post("biomed", DeviceCsv.withHeader().rows(p, 4, "1.0").text(), false).status()).isEqualTo(200);

        DeviceCsv changed = DeviceCsv.withHeader();
        for (int i = 1; i <= 4; i++) {
            changed.line(DeviceCsv.row(p + String.format("%06d", i), i, i == 3 ? "2.5-hotfix" : "1.0"));
        }
        Result dry = post("biomed", changed.text(), true);
        assertThat(dry.count("updated")).isEqualTo(1);
        assertThat(dry.count("unchanged")).isEqualTo(3);

        Result r = post("biomed", changed.text(), false);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.count("updated")).isEqualTo(1);
        assertThat(r.count("unchanged")).isEqualTo(3);
        assertThat(post("biomed", changed.text(), true).count("unchanged")).isEqualTo(4);
    }

    @Test
    void a_row_that_makes_a_device_redundant_is_audited_and_announced_to_the_risk_context() throws Exception {
        String tag = prefix() + "000001";
        String row = DeviceCsv.row(tag, 1, "1.0");
        assertThat(row).as("device 1 is written as not redundant").contains(",no,0,h-");
        assertThat(post("biomed", DeviceCsv.withHeader().line(row).text(), false).status()).isEqualTo(200);

        Result r = post("biomed", DeviceCsv.withHeader().line(row.replace(",no,0,h-", ",no,yes,h-")).text(), false);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.count("updated")).isEqualTo(1);
        Probe biomed = Probe.as("biomed");
        assertThat(biomed.call("device/get", "tag", tag).object().getBoolean("redundant")).isTrue();
        JsonObject newest = biomed.call("audit/history", "type", "Device", "key", tag).array().getJsonObject(0);
        assertThat(newest.getJsonArray("changes").getValuesAs(JsonObject.class))
                .extracting(c -> c.getString("field") + ": " + c.getString("from") + " → " + c.getString("to"))
                .containsExactly("redundant: false → true");
        assertThat(biomed.call("events/deviceContext", "tag", tag).array().getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("now redundant");
    }

    @Test
    void a_file_with_one_bad_row_writes_nothing_and_names_the_row_and_column() throws Exception {
        String p = prefix();
        String bad = DeviceCsv.row(p + "000003", 3, "1.0").replace("2021-04-15", "2021-13-01");
        String csv = DeviceCsv.withHeader().line(DeviceCsv.row(p + "000001", 1, "1.0"))
                .line(DeviceCsv.row(p + "000002", 2, "1.0")).line(bad)
                .line(DeviceCsv.row(p + "000004", 4, "1.0")).text();

        Result r = post("biomed", csv, false);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getInt("status")).isEqualTo(422);
        assertThat(r.errors()).hasSize(1);
        JsonObject e = r.errors().getFirst();
        assertThat(e.getInt("row")).isEqualTo(4);
        assertThat(e.getString("column")).isEqualTo("install_date");
        assertThat(e.getString("message")).contains("'2021-13-01' is not a date (use YYYY-MM-DD");

        Result check = post("biomed", DeviceCsv.withHeader().rows(p, 2, "1.0").text(), true);
        assertThat(check.count("created")).as("the valid rows must not have been written").isEqualTo(2);
    }

    @Test
    void every_row_problem_is_reported_with_its_row_number() throws Exception {
        String p = prefix();
        String csv = DeviceCsv.withHeader()
                .line(DeviceCsv.row(p + "000001", 1, "1.0"))
                .line(DeviceCsv.row(p + "000001", 1, "1.0"))
                .line(DeviceCsv.row(p + "000003", 3, "1.0").replace("Optima MR360", "Optima MR999"))
                .line(DeviceCsv.row(p + "000004", 4, "1.0").replace(",RAD,", ",NOPE,"))
                .line(DeviceCsv.row(p + "000005", 5, "1.0").replace("LIFE_SUPPORTING", "very important"))
                .line(DeviceCsv.row(p + "000006", 6, "1.0").replace("h-", "bad host name "))
                .line(p + "000007,only,three")
                .text();
        Result r = post("biomed", csv, true);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.errors()).extracting(o -> o.getInt("row") + ":" + (o.isNull("column") ? "-" : o.getString("column")))
                .containsExactly("3:asset_tag", "4:model", "5:department", "6:criticality", "7:hostname", "8:-");
        assertThat(r.errors().get(1).getString("message")).contains("no model 'Optima MR999'");
        assertThat(r.errors().get(5).getString("message")).contains("has 3 values but the header has 24 columns");
    }

    @Test
    void missing_required_columns_are_named() throws Exception {
        String csv = "asset_tag,serial_number,model\r\nX-1,S1,Optima MR360\r\n";
        Result r = post("biomed", csv, true);
        assertThat(r.status()).isEqualTo(422);
        JsonObject e = r.errors().getFirst();
        assertThat(e.get("row")).isEqualTo(JsonValue.NULL);
        assertThat(e.getString("message")).contains("missing").contains("manufacturer").contains("department")
                .contains("criticality");
    }

    @Test
    void a_file_that_is_not_utf8_is_rejected_and_a_utf8_bom_is_accepted() throws Exception {
        String p = prefix();
        String csv = DeviceCsv.withHeader().line(DeviceCsv.row(p + "000001", 1, "1.0").replace("Biomed team", "Équipe biomédicale")).text();
        Result latin1 = post("biomed", csv.getBytes(StandardCharsets.ISO_8859_1), false);
        assertThat(latin1.status()).isEqualTo(422);
        assertThat(latin1.errors().getFirst().getString("message")).contains("not UTF-8");

        byte[] utf8 = csv.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        Result bom = post("biomed", withBom, false);
        assertThat(bom.status()).as(bom.body()).isEqualTo(200);
        assertThat(bom.count("created")).isEqualTo(1);
    }

    @Test
    void random_junk_is_rejected_quickly_with_a_clear_message() throws Exception {
        byte[] junk = new byte[5 * 1024 * 1024];
        new Random(42).nextBytes(junk);
        long start = System.nanoTime();
        Result r = post("biomed", junk, false);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.errors().getFirst().getString("message")).containsAnyOf("not UTF-8", "not a CSV text file");
        assertThat(r.errors()).hasSize(1);
        assertThat((System.nanoTime() - start) / 1_000_000).as("rejected without reading it all").isLessThan(30_000);
    }

    @Test
    void a_file_above_the_size_limit_is_413_before_its_body_is_read() throws Exception {
        // Only the request head is sent, announcing 51 MB: the server must refuse on the Content-Length alone, without
        // waiting for (or reading) the body. A raw socket, because an HTTP client would start sending the body and
        // race the server's close (a reset can then swallow the 413 on its way back).
        long size = 51L * 1024 * 1024;
        String credentials = java.util.Base64.getEncoder().encodeToString(
                ("biomed:" + ItConfig.password("biomed")).getBytes(StandardCharsets.UTF_8));
        java.net.URI base = java.net.URI.create(ItConfig.baseUrl());
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /api/v1/devices/import?dryRun=true HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Basic " + credentials + "\r\n"
                    + "Content-Type: text/csv\r\n"
                    + "Content-Length: " + size + "\r\n"
                    + "\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413");
            assertThat(answer).contains("application/problem+json").contains("larger than 50 MB");
        }
    }

    @Test
    void a_clinical_manager_may_not_import() throws Exception {
        Result r = post("manager", DeviceCsv.withHeader().rows(prefix(), 1, "1.0").text(), true);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void the_template_is_served_with_every_column() throws Exception {
        HttpResponse<String> r = ItConfig.http().send(ItConfig.request("/templates/devices-template.csv", "biomed",
                ItConfig.password("biomed")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().strip()).isEqualTo(DeviceCsv.HEADER);
    }

}
