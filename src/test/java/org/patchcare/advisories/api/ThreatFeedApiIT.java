package org.patchcare.advisories.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;
import org.patchcare.testsupport.TestData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading CISA's KEV catalogue and FIRST's EPSS file over the API, with the real files: updates, idempotence, refusal
 * of older and of broken files (nothing written), and who may load.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreatFeedApiIT {

    private static final String KEV_NEW = "kev/known_exploited_vulnerabilities.json";
    private static final String KEV_OLD = "kev/history/known_exploited_vulnerabilities-2025-06-10.json";
    private static final String EPSS = "epss/epss_scores-2026-09-29.first100rows.csv";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    private static Reply send(String path, String user, String contentType, byte[] body) {
        HttpRequest req = ItConfig.request(Api.BASE + path, user, user == null ? null : ItConfig.password(user))
                .header("Content-Type", contentType).header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = ItConfig.http().send(req, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] file(String relative) throws IOException {
        return Files.readAllBytes(TestData.file(relative));
    }

    private static Reply kev(String user, byte[] json) {
        return send("/threat-feeds/kev", user, "application/json", json);
    }

    private static Reply epss(String user, byte[] csv) {
        return send("/threat-feeds/epss", user, "text/csv", csv);
    }

    private static List<String> errorFields(Reply r) {
        return r.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
    }

    @Test
    void the_kev_catalogue_is_loaded_updated_by_the_newer_one_and_an_older_one_is_refused() throws Exception {
        Reply first = kev("itsec", file(KEV_OLD));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getInt("added")).isEqualTo(1364);

        Reply newer = kev("itsec", file(KEV_NEW));
        assertThat(newer.status()).as(newer.toString()).isEqualTo(200);
        JsonObject n = newer.json();
        assertThat(n.getString("version")).isEqualTo("2025.08.25");
        // measured on the two files: 40 CVEs added between June and August 2025, 5 entries changed, none dropped
        assertThat(List.of(n.getInt("added"), n.getInt("changed"), n.getInt("removed"), n.getInt("unchanged")))
                .containsExactly(40, 5, 0, 1359);

        Reply again = kev("admin", file(KEV_NEW));
        assertThat(again.status()).isEqualTo(200);
        assertThat(List.of(again.json().getInt("added"), again.json().getInt("changed"), again.json().getInt("unchanged")))
                .containsExactly(0, 0, 1404);

        Reply older = kev("itsec", file(KEV_OLD));
        assertThat(older.status()).as(older.toString()).isEqualTo(409);
        assertThat(older.json().getString("detail")).contains("older").contains("2025.08.25");

        Reply blueKeep = Api.get("/threat-feeds/cves/cve-2019-0708", "manager");
        assertThat(blueKeep.status()).as(blueKeep.toString()).isEqualTo(200);
        JsonObject k = blueKeep.json().getJsonObject("kev");
        assertThat(k.getString("vendorProject")).isEqualTo("Microsoft");
        assertThat(k.getBoolean("inCatalog")).isTrue();
        assertThat(k.getString("lastCatalog")).isEqualTo("2025.08.25");

        JsonObject status = Api.get("/threat-feeds", "biomed").array().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("feed").equals("KEV")).findFirst().orElseThrow();
        assertThat(status.getString("version")).isEqualTo("2025.08.25");
        assertThat(status.getInt("entries")).isEqualTo(1404);
        assertThat(status.getString("importedBy")).isEqualTo("admin");
    }

    @Test
    void a_catalogue_with_one_bad_entry_is_refused_whole_naming_the_json_path() {
        String json = """
                {"catalogVersion": "2099.01.01", "dateReleased": "2099-01-01T00:00:00Z", "vulnerabilities": [
                  {"cveID": "CVE-2098-0001", "vendorProject": "Acme", "product": "Pump", "vulnerabilityName": "x",
                   "dateAdded": "2098-01-01"},
                  {"cveID": "CVE-2098-0002", "vendorProject": "Acme", "product": "Pump", "vulnerabilityName": "y",
                   "dateAdded": "yesterday"}]}""";
        Reply r = kev("itsec", json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(errorFields(r)).containsExactly("$.vulnerabilities[1].dateAdded");
        assertThat(Api.get("/threat-feeds/cves/CVE-2098-0001", "itsec").status())
                .as("nothing of a refused catalogue is stored").isEqualTo(404);
    }

    @Test
    void the_epss_file_is_loaded_plain_or_gzipped_and_a_bad_or_older_file_changes_nothing() throws Exception {
        Reply r = epss("itsec", file(EPSS));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getInt("entries")).isEqualTo(101);
        JsonObject score = Api.get("/threat-feeds/cves/CVE-1999-0001", "biomed").json().getJsonObject("epss");
        assertThat(score.getJsonNumber("epss").bigDecimalValue()).isEqualByComparingTo("0.03351");
        assertThat(score.getJsonNumber("percentile").bigDecimalValue()).isEqualByComparingTo("0.88255");
        assertThat(score.getString("modelVersion")).isEqualTo("v2026.06.15");
        assertThat(score.getString("scoreDate")).isEqualTo("2026-09-29");

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(file(EPSS));
        }
        Reply zipped = send("/threat-feeds/epss", "admin", "application/gzip", gz.toByteArray());
        assertThat(zipped.status()).as(zipped.toString()).isEqualTo(200);
        assertThat(zipped.json().getInt("entries")).isEqualTo(101);

        String bad = """
                #model_version:v2026.06.15,score_date:2026-09-30T12:00:00Z
                cve,epss,percentile
                CVE-1999-0001,0.99,0.99
                CVE-1999-0002,0.5,0.5
                CVE-1999-0003,high,0.5
                """;
        Reply refused = epss("itsec", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(errorFields(refused)).containsExactly("line 5");
        assertThat(Api.get("/threat-feeds/cves/CVE-1999-0001", "itsec").json().getJsonObject("epss")
                .getJsonNumber("epss").bigDecimalValue()).as("the good rows of a refused file are not written")
                .isEqualByComparingTo("0.03351");

        String older = "#model_version:v2026.06.15,score_date:2026-01-01T12:00:00Z\ncve,epss,percentile\nCVE-1999-0001,0.5,0.5\n";
        Reply old = epss("itsec", older.getBytes(StandardCharsets.UTF_8));
        assertThat(old.status()).as(old.toString()).isEqualTo(409);

        Reply notEpss = epss("itsec", file("epss/epss_kev_nvd.csv"));
        assertThat(notEpss.status()).as(notEpss.toString()).isEqualTo(422);
        assertThat(notEpss.json().toString()).contains("not a FIRST EPSS file");
    }

    @Test
    void only_it_security_and_administrators_load_feeds_and_everyone_logged_in_reads() throws Exception {
        assertThat(kev("biomed", file(KEV_NEW)).status()).isEqualTo(403);
        assertThat(kev("manager", file(KEV_NEW)).status()).isEqualTo(403);
        assertThat(epss("biomed", file(EPSS)).status()).isEqualTo(403);
        assertThat(kev(null, file(KEV_NEW)).status()).isEqualTo(401);
        assertThat(Api.get("/threat-feeds", null).status()).isEqualTo(401);
        assertThat(Api.get("/threat-feeds", "manager").status()).isEqualTo(200);
    }

    @Test
    void a_cve_lookup_names_a_malformed_id_and_answers_404_for_an_unknown_one() {
        Reply malformed = Api.get("/threat-feeds/cves/LOG4SHELL", "itsec");
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(errorFields(malformed)).containsExactly("cveId");
        assertThat(Api.get("/threat-feeds/cves/CVE-2097-12345", "itsec").status()).isEqualTo(404);
        assertThat(Json.createReader(new StringReader(Api.get("/threat-feeds/cves/CVE-2097-12345", "itsec").body()))
                .readObject().getString("detail")).contains("CVE-2097-12345");
    }
}
