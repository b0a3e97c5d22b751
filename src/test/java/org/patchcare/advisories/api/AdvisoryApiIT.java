package org.patchcare.advisories.api;

import jakarta.json.JsonObject;
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
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;
import org.patchcare.testsupport.TestData;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Importing real CSAF advisories over the API: acceptance with warnings, matching to the demo hospital's devices,
 * re-import, revisions by content, rejection with CSAF test ids (nothing stored), and exposure state changes.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdvisoryApiIT {

    /** BD Alaris 8000, "vers:all/*" (breaks 6.1.31; accepted with a warning). The demo hospital has this model. */
    static final String ALARIS = "csaf/icsma/icsma-17-017-01.json";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    static Reply post(String user, byte[] body) {
        HttpRequest.Builder b = ItConfig.request(Api.BASE + "/advisories", user,
                        user == null ? null : ItConfig.password(user))
                .header("Content-Type", "application/json").header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = ItConfig.http().send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] file(String relative) throws IOException {
        return Files.readAllBytes(TestData.file(relative));
    }

    /** Devices of a model that are not retired, counted through the inventory API (independent of matching). */
    static List<String> devicesOfModel(String manufacturer, String model) {
        JsonObject m = Api.get("/device-models", "admin").array().getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getString("manufacturer").equals(manufacturer) && x.getString("name").equals(model))
                .findFirst()
                .orElseThrow(() -> new AssertionError("demo data has no " + model));
        Reply page = Api.get("/devices?limit=500&model=" + m.getString("id"), "admin");
        return page.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("assetTag")).toList();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @Order(1)
    void a_real_cisa_advisory_is_imported_with_its_6_1_31_warning_and_affects_every_device_of_its_model() throws Exception {
        List<String> alaris = devicesOfModel("Becton, Dickinson and Company (BD)", "Alaris 8000 PC unit");
        assertThat(alaris).isNotEmpty();

        Reply r = post("itsec", file(ALARIS));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/api/v1/advisories/ICSMA-17-017-01");
        JsonObject body = r.json();
        assertThat(body.getString("outcome")).isEqualTo("CREATED");
        assertThat(body.getString("trackingId")).isEqualTo("ICSMA-17-017-01");
        assertThat(body.getInt("revision")).isEqualTo(1);
        assertThat(body.getJsonArray("warnings").getValuesAs(JsonObject.class))
                .anySatisfy(w -> {
                    assertThat(w.getString("testId")).isEqualTo("6.1.31");
                    assertThat(w.getString("jsonPath")).contains("product_tree");
                });
        assertThat(body.getInt("affectedDevices")).isEqualTo(alaris.size());

        JsonObject a = Api.get("/advisories/ICSMA-17-017-01", "manager").json();
        assertThat(a.getString("publisher")).isEqualTo("CISA");
        JsonObject v = a.getJsonArray("vulnerabilities").getJsonObject(0);
        assertThat(v.getString("cve")).isEqualTo("CVE-2016-8375");
        assertThat(v.getJsonNumber("cvss3Score").doubleValue()).isEqualTo(4.9);
        assertThat(a.getJsonArray("products").getJsonObject(0).getString("version")).isEqualTo("vers:all/*");
        assertThat(a.getJsonArray("revisions")).hasSize(1);

        List<JsonObject> exposures = Api.get("/devices/" + alaris.getFirst() + "/exposures", "biomed").array()
                .getValuesAs(JsonObject.class);
        assertThat(exposures).singleElement().satisfies(e -> {
            assertThat(e.getString("trackingId")).isEqualTo("ICSMA-17-017-01");
            assertThat(e.getString("cve")).isEqualTo("CVE-2016-8375");
            assertThat(e.getString("state")).isEqualTo("AFFECTED");
            assertThat(e.getString("certainty")).isEqualTo("CERTAIN");
        });
    }

    @Test
    @Order(2)
    void the_same_document_again_changes_nothing_and_answers_200() throws Exception {
        Reply r = post("admin", file(ALARIS));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getString("outcome")).isEqualTo("UNCHANGED");
        assertThat(r.json().getInt("revision")).isEqualTo(1);
        assertThat(Api.get("/advisories/ICSMA-17-017-01", "admin").json().getJsonArray("revisions")).hasSize(1);
    }

    @Test
    @Order(3)
    void each_republication_with_changed_content_becomes_a_revision_and_the_newest_stays_current() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(TestData.dir().resolve("misc/csaf-icsma-revisions"))) {
            files = s.filter(f -> f.getFileName().toString().startsWith("icsma-20-049-02@")).sorted().toList();
        }
        assertThat(files).hasSize(6);
        int expectedRevision = 0;
        for (Path f : files) {
            Reply r = post("itsec", Files.readAllBytes(f));
            assertThat(r.status()).as(f.getFileName() + ": " + r).isEqualTo(201);
            assertThat(r.json().getInt("revision")).isEqualTo(++expectedRevision);
        }
        JsonObject a = Api.get("/advisories/ICSMA-20-049-02", "admin").json();
        assertThat(a.getJsonArray("revisions")).hasSize(6);
        // the last file is version 2 of 2024-05-16; four of the five "version 1" republications carry 2022-10-10
        assertThat(a.getString("trackingVersion")).isEqualTo("2");
        assertThat(a.getString("currentRelease")).startsWith("2024-05-16");

        // a republication older than the current one is kept, but does not replace it
        Reply doc = Api.get("/advisories/ICSMA-20-049-02/revisions/1/document", "admin");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body()).isEqualTo(Files.readString(files.getFirst()));
    }

    @Test
    @Order(4)
    void a_document_failing_a_mandatory_test_is_rejected_with_the_test_id_and_path_and_nothing_is_stored() throws Exception {
        byte[] bad = file("csaf/oasis-invalid/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json");
        String trackingId = tools.jackson.databind.json.JsonMapper.builder().build().readTree(bad)
                .path("document").path("tracking").path("id").asString();
        Reply r = post("itsec", bad);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<JsonObject> errors = r.json().getJsonArray("errors").getValuesAs(JsonObject.class);
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.getString("code")).isEqualTo("6.1.1");
            assertThat(e.getString("field")).startsWith("$.");
            assertThat(e.getString("message")).isNotBlank();
        });
        assertThat(Api.get("/advisories/" + enc(trackingId), "admin").status()).isEqualTo(404);
        assertThat(Api.get("/advisories?text=" + enc(trackingId), "admin").json().getInt("total")).isZero();
    }

    @Test
    @Order(5)
    void csaf_2_1_is_refused_as_unsupported_and_broken_json_names_line_and_column() throws Exception {
        Reply r = post("itsec", file("misc/csaf-2.1-samples/csaf21-bsi-2022-0001.json"));
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        JsonObject e = r.json().getJsonArray("errors").getJsonObject(0);
        assertThat(e.getString("code")).isEqualTo("csaf_version");
        assertThat(e.getString("message")).contains("2.1");

        Reply broken = post("itsec", "{\"document\": {\"title\": \"x\",}".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.status()).isEqualTo(422);
        JsonObject b = broken.json().getJsonArray("errors").getJsonObject(0);
        assertThat(b.getString("code")).isEqualTo("json");
        assertThat(b.getString("message")).contains("line 1");
    }

    @Test
    @Order(6)
    void only_it_security_and_administrators_import_while_everyone_reads() throws Exception {
        assertThat(post("biomed", file(ALARIS)).status()).isEqualTo(403);
        assertThat(post("manager", file(ALARIS)).status()).isEqualTo(403);
        assertThat(post(null, file(ALARIS)).status()).isEqualTo(401);
        assertThat(Api.get("/advisories", "biomed").status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void the_list_filters_by_affected_devices_cvss_and_text() {
        JsonObject affecting = Api.get("/advisories?affectsMyDevices=true", "manager").json();
        assertThat(affecting.getJsonArray("items").getValuesAs(JsonObject.class))
                .extracting(a -> a.getString("trackingId")).contains("ICSMA-17-017-01");
        JsonObject severe = Api.get("/advisories?minCvss=9", "manager").json();
        assertThat(severe.getJsonArray("items").getValuesAs(JsonObject.class))
                .allSatisfy(a -> assertThat(a.getJsonNumber("maxCvss").doubleValue()).isGreaterThanOrEqualTo(9.0))
                .extracting(a -> a.getString("trackingId")).doesNotContain("ICSMA-17-017-01");
        JsonObject byCve = Api.get("/advisories?text=cve-2016-8375", "manager").json();
        assertThat(byCve.getInt("total")).isEqualTo(1);
        assertThat(Api.get("/advisories?minCvss=eleven", "manager").status()).isEqualTo(422);
    }

    @Test
    @Order(8)
    void it_security_marks_an_exposure_not_affected_with_a_justification_and_the_history_says_who_and_why() {
        List<String> alaris = devicesOfModel("Becton, Dickinson and Company (BD)", "Alaris 8000 PC unit");
        JsonObject e = Api.get("/devices/" + alaris.getFirst() + "/exposures", "itsec").array().getJsonObject(0);
        String id = e.getString("id");
        int version = e.getInt("version");

        Reply missing = Api.put("/exposures/" + id + "/state", "itsec",
                "{\"state\":\"NOT_AFFECTED\",\"reason\":\"no network\",\"version\":" + version + "}");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("justification");

        Reply biomed = Api.put("/exposures/" + id + "/state", "biomed",
                "{\"state\":\"FIXED\",\"reason\":\"x\",\"version\":" + version + "}");
        assertThat(biomed.status()).isEqualTo(403);

        Reply ok = Api.put("/exposures/" + id + "/state", "itsec", "{\"state\":\"NOT_AFFECTED\","
                + "\"justification\":\"VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY\","
                + "\"reason\":\"Pump runs standalone; no wireless module fitted\",\"version\":" + version + "}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().getString("state")).isEqualTo("NOT_AFFECTED");

        Reply stale = Api.put("/exposures/" + id + "/state", "itsec",
                "{\"state\":\"AFFECTED\",\"reason\":\"re-opened\",\"version\":" + version + "}");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);

        List<JsonObject> history = Api.get("/exposures/" + id + "/history", "manager").array().getValuesAs(JsonObject.class);
        assertThat(history).hasSize(2);
        assertThat(history.get(0).getString("actor")).isEqualTo("itsec");
        assertThat(history.get(0).getString("to")).isEqualTo("Not affected");
        assertThat(history.get(0).getString("reason")).contains("standalone");
        assertThat(history.get(1).getString("to")).isEqualTo("Affected");
        assertThat(history.get(1).getString("actor")).contains("matching");

        // a re-import of the advisory does not undo a person's decision
        JsonObject after = Api.get("/exposures/" + id, "itsec").json();
        assertThat(after.getString("state")).isEqualTo("NOT_AFFECTED");
    }

    @Test
    @Order(9)
    void a_new_device_of_an_affected_model_is_matched_within_seconds_and_a_patched_one_moves_to_fixed() throws Exception {
        // ICSMA-18-123-01: Philips IntelliVue patient monitors, versions named per product (the demo has MX450, MP70)
        Reply imported = post("itsec", file("csaf/icsma/icsma-17-017-01.json"));
        assertThat(imported.status()).isEqualTo(200);

        String tag = Api.newTag();
        JsonObject device = Api.deviceJson(tag);
        device = Api.with(Api.with(Api.with(device, "manufacturer", "Becton, Dickinson and Company (BD)"),
                "model", "Alaris 8000 PC unit"), "softwareVersion", "9.12");
        Reply created = Api.post("/devices", "biomed", device.toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        List<JsonObject> exposures = waitForExposures(tag, 1);
        assertThat(exposures).singleElement().satisfies(e -> {
            assertThat(e.getString("trackingId")).isEqualTo("ICSMA-17-017-01");
            assertThat(e.getString("state")).isEqualTo("AFFECTED");
        });
    }

    @Test
    @Order(10)
    void a_vendor_notice_typed_in_by_hand_is_validated_stored_and_matched() {
        Reply bad = Api.post("/advisories/manual", "itsec", """
                {"title": "Remote code execution in the docking station", "publisher": "B. Braun",
                 "releaseDate": "2026-11-20", "vendor": "B. Braun Medical", "productName": "SpaceStation with SpaceCom 2",
                 "vulnerabilities": [{"cve": "CVE-20xx-1"}, {"cve": "CVE-2026-40001", "cvssVector": "CVSS:3.1/AV:Q"}],
                 "remediationCategory": "pray"}""");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .contains("vulnerabilities[0].cve", "vulnerabilities[1].cvssVector", "remediationCategory");

        List<String> stations = devicesOfModel("B. Braun Medical", "SpaceStation with SpaceCom 2");
        Reply ok = Api.post("/advisories/manual", "itsec", """
                {"trackingId": "BBRAUN-PSIRT-2026-07", "title": "Remote code execution in the docking station",
                 "publisher": "B. Braun", "releaseDate": "2026-11-20", "vendor": "B. Braun Medical",
                 "productName": "SpaceStation with SpaceCom 2", "affectedVersions": "all versions",
                 "vulnerabilities": [{"cve": "CVE-2026-40001",
                   "cvssVector": "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "description": "Unauthenticated RCE"}],
                 "remediationCategory": "vendor_fix", "remediationDetails": "Install SpaceCom 2 version 013U000081",
                 "restartRequired": "machine", "referenceUrl": "https://example.org/psirt/2026-07.pdf"}""");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().getInt("affectedDevices")).isEqualTo(stations.size());
        JsonObject a = Api.get("/advisories/BBRAUN-PSIRT-2026-07", "manager").json();
        assertThat(a.getString("origin")).isEqualTo("MANUAL");
        JsonObject v = a.getJsonArray("vulnerabilities").getJsonObject(0);
        assertThat(v.getJsonNumber("cvss3Score").doubleValue()).isEqualTo(8.8);
        assertThat(v.getJsonArray("remediations").getJsonObject(0).getString("restartRequired")).isEqualTo("machine");
    }

    @Test
    @Order(11)
    void the_vex_export_of_a_device_passes_the_importers_own_validation_and_cyclonedx_names_the_cve() throws Exception {
        String notAffected = Api.get("/exposures?trackingId=ICSMA-17-017-01&state=NOT_AFFECTED", "itsec").json()
                .getJsonArray("items").getJsonObject(0).getString("assetTag");
        String affected = Api.get("/exposures?trackingId=ICSMA-17-017-01&state=AFFECTED", "itsec").json()
                .getJsonArray("items").getJsonObject(0).getString("assetTag");
        Reply csaf = Api.get("/devices/" + notAffected + "/vex", "manager");
        assertThat(csaf.status()).as(csaf.toString()).isEqualTo(200);
        assertThat(csaf.headers().firstValue("Content-Disposition").orElse("")).contains(".json");
        JsonObject doc = csaf.json();
        assertThat(doc.getJsonObject("document").getString("category")).isEqualTo("csaf_vex");
        // the device was marked not affected in an earlier step, with a justification
        JsonObject vuln = doc.getJsonArray("vulnerabilities").getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("cve").equals("CVE-2016-8375")).findFirst().orElseThrow();
        assertThat(vuln.getJsonObject("product_status").containsKey("known_not_affected")).isTrue();
        assertThat(vuln.getJsonArray("flags").getJsonObject(0).getString("label"))
                .isEqualTo("vulnerable_code_cannot_be_controlled_by_adversary");

        Reply back = post("itsec", csaf.body().getBytes(StandardCharsets.UTF_8));
        assertThat(back.status()).as("the export must pass the importer's validation: " + back).isEqualTo(201);

        Reply cdx = Api.get("/devices/" + affected + "/vex?format=cyclonedx", "itsec");
        assertThat(cdx.status()).as(cdx.toString()).isEqualTo(200);
        JsonObject bom = cdx.json();
        assertThat(bom.getString("bomFormat")).isEqualTo("CycloneDX");
        JsonObject v = bom.getJsonArray("vulnerabilities").getJsonObject(0);
        assertThat(v.getString("id")).isEqualTo("CVE-2016-8375");
        assertThat(v.getJsonObject("analysis").getString("state")).isEqualTo("exploitable");

        assertThat(Api.get("/devices/" + affected + "/vex?format=pdf", "itsec").status()).isEqualTo(422);

        String model = Api.get("/devices/" + affected, "itsec").json().getString("modelId");
        Reply byModel = Api.get("/device-models/" + model + "/vex", "itsec");
        assertThat(byModel.status()).as(byModel.toString()).isEqualTo(200);
        assertThat(byModel.body()).contains(affected).contains(notAffected);
    }

    @Test
    @Order(12)
    void a_likely_match_waits_for_review_and_the_decision_is_remembered_for_the_model() throws Exception {
        // versions given as prose cannot be compared: the demo's IntelliVue MX450 monitors are only LIKELY affected
        String notice = """
                {"trackingId": "%s", "title": "%s", "publisher": "Philips", "releaseDate": "2026-11-01",
                 "vendor": "Philips", "productName": "IntelliVue MX450", "affectedVersions": "%s",
                 "vulnerabilities": [{"cve": "%s", "cvssVector": "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"}],
                 "remediationCategory": "mitigation", "remediationDetails": "Segment the monitoring network"}""";
        Reply first = Api.post("/advisories/manual", "itsec", notice.formatted("PHILIPS-NOTE-1",
                "Monitor weakness", "units shipped before March 2019", "CVE-2026-40011"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().getInt("affectedDevices")).isZero();
        assertThat(first.json().getInt("reviewItems")).isEqualTo(1);

        JsonObject item = pendingFor("PHILIPS-NOTE-1").getFirst();
        assertThat(item.getString("model")).isEqualTo("IntelliVue MX450");
        assertThat(item.getString("reason")).contains("shipped before");
        assertThat(Api.post("/match-reviews/" + item.getString("id") + "/decision", "biomed",
                "{\"decision\":\"DISMISS\"}").status()).isEqualTo(403);
        Reply dismissed = Api.post("/match-reviews/" + item.getString("id") + "/decision", "itsec",
                "{\"decision\":\"DISMISS\",\"comment\":\"our MX450 were delivered in 2021\",\"version\":"
                        + item.getInt("version") + "}");
        assertThat(dismissed.status()).as(dismissed.toString()).isEqualTo(200);
        assertThat(dismissed.json().getJsonObject("item").getString("status")).isEqualTo("DISMISSED");
        Reply again = Api.post("/match-reviews/" + item.getString("id") + "/decision", "itsec", "{\"decision\":\"CONFIRM\"}");
        assertThat(again.status()).as("a decided item cannot be decided again").isEqualTo(409);

        // a new revision naming the same product does not ask again
        Reply revised = Api.post("/advisories/manual", "itsec", notice.formatted("PHILIPS-NOTE-1",
                "Monitor weakness (update A)", "units shipped before March 2019", "CVE-2026-40011"));
        assertThat(revised.json().getString("outcome")).isEqualTo("REVISED");
        assertThat(pendingFor("PHILIPS-NOTE-1")).isEmpty();

        // another product text is asked; confirming it makes the model's devices affected at once
        List<String> monitors = devicesOfModel("Philips", "IntelliVue MX450");
        Api.post("/advisories/manual", "itsec", notice.formatted("PHILIPS-NOTE-2", "Second monitor weakness",
                "builds from the 2020 production line", "CVE-2026-40012"));
        JsonObject second = pendingFor("PHILIPS-NOTE-2").getFirst();
        Reply confirmed = Api.post("/match-reviews/" + second.getString("id") + "/decision", "itsec",
                "{\"decision\":\"CONFIRM\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().getInt("exposuresCreated")).isEqualTo(monitors.size());
        assertThat(Api.get("/devices/" + monitors.getFirst() + "/exposures", "itsec").array()
                .getValuesAs(JsonObject.class)).anySatisfy(e -> {
                    assertThat(e.getString("trackingId")).isEqualTo("PHILIPS-NOTE-2");
                    assertThat(e.getString("certainty")).isEqualTo("CONFIRMED");
                });
    }

    static List<JsonObject> pendingFor(String trackingId) {
        return Api.get("/match-reviews?limit=500", "itsec").json().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("trackingId").equals(trackingId)).toList();
    }

    @Test
    @Order(13)
    void a_device_updated_past_the_affected_versions_moves_its_exposure_to_fixed() throws Exception {
        String tag = Api.newTag();
        JsonObject device = Api.with(Api.with(Api.with(Api.deviceJson(tag), "manufacturer",
                "Becton, Dickinson and Company (BD)"), "model", "Alaris 8000 PC unit"), "softwareVersion", "9.12");
        assertThat(Api.post("/devices", "biomed", device.toString()).status()).isEqualTo(201);
        Reply notice = Api.post("/advisories/manual", "itsec", """
                {"trackingId": "BD-NOTE-9-12", "title": "Alaris 8000 firmware up to 9.12", "publisher": "BD",
                 "releaseDate": "2026-11-02", "vendor": "BD", "productName": "Alaris 8000 PC unit",
                 "affectedVersions": "<= 9.12", "vulnerabilities": [{"cve": "CVE-2026-40020"}],
                 "remediationCategory": "vendor_fix", "remediationDetails": "Update to 9.19"}""");
        assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
        assertThat(state(tag, "BD-NOTE-9-12")).isEqualTo("AFFECTED");

        int version = Api.get("/devices/" + tag, "biomed").json().getInt("version");
        Reply updated = Api.put("/devices/" + tag, "biomed",
                Api.with(Api.with(device, "softwareVersion", "9.19"), "version", version).toString());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

        long until = System.currentTimeMillis() + 30_000;
        while (!"FIXED".equals(state(tag, "BD-NOTE-9-12")) && System.currentTimeMillis() < until) {
            Thread.sleep(500);
        }
        assertThat(state(tag, "BD-NOTE-9-12")).isEqualTo("FIXED");
        JsonObject e = Api.get("/devices/" + tag + "/exposures", "itsec").array().getValuesAs(JsonObject.class)
                .stream().filter(x -> x.getString("trackingId").equals("BD-NOTE-9-12")).findFirst().orElseThrow();
        assertThat(Api.get("/exposures/" + e.getString("id") + "/history", "itsec").array().getJsonObject(0)
                .getString("reason")).contains("outside the affected versions");
    }

    static String state(String tag, String trackingId) {
        return Api.get("/devices/" + tag + "/exposures", "itsec").array().getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getString("trackingId").equals(trackingId)).map(x -> x.getString("state")).findFirst()
                .orElse("NONE");
    }

    /** Incremental matching runs every few seconds after the change committed. */
    static List<JsonObject> waitForExposures(String tag, int atLeast) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        List<JsonObject> list = List.of();
        while (System.currentTimeMillis() < until) {
            list = Api.get("/devices/" + tag + "/exposures", "itsec").array().getValuesAs(JsonObject.class);
            if (list.size() >= atLeast) {
                return list;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no exposure for " + tag + " after 30 s: " + list);
    }
}
