package org.patchcare.inventory.api;

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
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api.Reply;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.inventory.api.DeviceApiIT.assertProblem;
import static org.patchcare.shared.api.Api.ADMIN;
import static org.patchcare.shared.api.Api.BIOMED;
import static org.patchcare.shared.api.Api.get;
import static org.patchcare.shared.api.Api.put;
import static org.patchcare.shared.api.Api.with;
import static org.patchcare.shared.api.Api.without;

/** Device models, manufacturers (with alias resolution), departments and facilities over HTTP, and the OpenAPI document. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CatalogApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void lists_manufacturers_with_their_aliases() {
        Reply r = get("/manufacturers", "itsec");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject philips = r.array().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("name").equals("Philips")).findFirst().orElseThrow();
        assertThat(philips.getJsonArray("aliases").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).contains("Phillips");
        assertThat(philips.getString("id")).isNotBlank();
        assertThat(philips.getJsonNumber("models").longValue()).isPositive();
    }

    @Test
    void resolves_an_advisory_spelling_of_a_manufacturer_through_its_aliases() {
        assertThat(resolve("Phillips").json().getString("name")).isEqualTo("Philips");
        assertThat(resolve("General Electric (GE)").json().getString("name")).isEqualTo("GE Healthcare");
        assertThat(resolve("  philips healthcare ").json().getString("name")).isEqualTo("Philips");
    }

    @Test
    void an_unknown_manufacturer_spelling_is_404_and_a_missing_one_names_the_parameter() {
        Reply unknown = resolve("Acme Robotics Ltd");
        assertProblem(unknown, 404, null);
        assertThat(unknown.json().getString("detail")).contains("Acme Robotics Ltd");
        assertProblem(get("/manufacturers/resolve", "itsec"), 422, "name");
    }

    @Test
    void lists_device_models_optionally_of_one_manufacturer_and_reads_one_by_id() {
        List<JsonObject> all = get("/device-models", "manager").array().getValuesAs(JsonObject.class);
        assertThat(all).hasSizeGreaterThan(10);
        JsonObject brilliance = all.stream().filter(m -> m.getString("name").equals("Brilliance 64")).findFirst().orElseThrow();
        String philipsId = brilliance.getString("manufacturerId");

        List<JsonObject> philips = get("/device-models?manufacturer=" + philipsId, "manager").array()
                .getValuesAs(JsonObject.class);
        assertThat(philips).isNotEmpty().hasSizeLessThan(all.size())
                .allSatisfy(m -> assertThat(m.getString("manufacturer")).isEqualTo("Philips"));

        Reply one = get("/device-models/" + brilliance.getString("id"), "manager");
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().getString("deviceType")).isEqualTo("CT scanner");
        assertThat(one.json().getString("endOfSupport")).isEqualTo("2019-06-01");
    }

    @Test
    void an_unknown_device_model_is_404() {
        assertProblem(get("/device-models/00000000-0000-0000-0000-000000000000", "manager"), 404, null);
    }

    @Test
    void lists_departments_and_reads_one_by_code() {
        List<String> codes = get("/departments", "biomed").array().getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("code")).toList();
        assertThat(codes).contains("ED", "ICU", "OR", "RAD", "NICU", "PEDS");

        Reply icu = get("/departments/icu", "biomed");
        assertThat(icu.status()).as(icu.toString()).isEqualTo(200);
        assertThat(icu.json().getString("code")).isEqualTo("ICU");
        assertThat(icu.json().getString("facilityCode")).isNotBlank();
        assertThat(icu.json().getString("missionImpact")).isEqualTo("MEF_FAILURE");
        assertProblem(get("/departments/NOWHERE", "biomed"), 404, null);
    }

    @Test
    void an_administrator_changes_the_mission_impact_of_a_department_with_the_version_read() {
        String code = "API" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Probe.Answer made = Probe.as("admin").call("organisation/saveDepartment", "code", code, "name", "API ward",
                "facility", "MAIN", "missionImpact", "MEF_SUPPORT_CRIPPLED");
        assertThat(made.ok()).as(made.toString()).isTrue();
        int version = get("/departments/" + code, "biomed").json().getInt("version");
        JsonObject body = Json.createObjectBuilder().add("name", "API ward").add("facilityCode", "MAIN")
                .add("missionImpact", "DEGRADED").add("version", version).build();

        Reply r = put("/departments/" + code.toLowerCase(Locale.ROOT), ADMIN, body.toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getString("missionImpact")).isEqualTo("DEGRADED");
        assertThat(get("/departments/" + code, "manager").json().getString("missionImpact")).isEqualTo("DEGRADED");
        assertThat(Probe.as("biomed").call("audit/history", "type", "Department", "key", code).array()
                .getJsonObject(0).getJsonArray("changes").getJsonObject(0).toString())
                .contains("missionImpact").contains("MEF_SUPPORT_CRIPPLED").contains("DEGRADED");
        assertProblem(put("/departments/" + code, ADMIN, body.toString()), 409, null);
    }

    @Test
    void a_department_change_is_refused_without_mission_impact_or_version_with_a_wrong_one_or_for_a_non_administrator() {
        int version = get("/departments/ICU", "biomed").json().getInt("version");
        JsonObject body = Json.createObjectBuilder().add("name", "Intensive Care Unit").add("facilityCode", "MAIN")
                .add("missionImpact", "MEF_FAILURE").add("version", version).build();

        assertProblem(put("/departments/ICU", ADMIN, without(body, "missionImpact").toString()), 422, "missionImpact");
        assertProblem(put("/departments/ICU", ADMIN, without(body, "version").toString()), 422, "version");
        assertProblem(put("/departments/ICU", ADMIN, with(body, "missionImpact", "HUGE").toString()), 400, "missionImpact");
        assertProblem(put("/departments/ICU", ADMIN, with(body, "code", "ED").toString()), 422, "code");
        assertProblem(put("/departments/ICU", BIOMED, body.toString()), 403, null);
        assertProblem(put("/departments/NOWHERE", ADMIN, body.toString()), 404, null);
        assertThat(get("/departments/ICU", "biomed").json().getInt("version")).isEqualTo(version);
    }

    @Test
    void lists_facilities_by_code() {
        Reply r = get("/facilities", "admin");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.array()).hasSize(2);
        assertThat(r.array().getJsonObject(0).getString("timeZone")).isNotBlank();
    }

    @Test
    void the_openapi_document_lists_the_device_paths_and_basic_authentication() throws Exception {
        HttpResponse<String> r = ItConfig.http().send(ItConfig.request("/openapi?format=JSON", null, null)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject doc = Json.createReader(new StringReader(r.body())).readObject();
        assertThat(doc.getJsonObject("info").getString("title")).isEqualTo("PatchCare API");
        assertThat(doc.getJsonObject("paths").keySet()).contains("/api/v1/devices", "/api/v1/devices/{assetTag}",
                "/api/v1/devices/{assetTag}/move", "/api/v1/devices/{assetTag}/history",
                "/api/v1/manufacturers/resolve", "/api/v1/device-models/{id}", "/api/v1/departments/{code}");
        assertThat(doc.getJsonObject("paths").getJsonObject("/api/v1/departments/{code}").keySet()).contains("get", "put");
        JsonObject list = doc.getJsonObject("paths").getJsonObject("/api/v1/devices").getJsonObject("get");
        assertThat(list.getString("summary")).isEqualTo("List devices");
        JsonObject scheme = doc.getJsonObject("components").getJsonObject("securitySchemes").getJsonObject("basicAuth");
        assertThat(scheme.getString("type")).isEqualTo("http");
        assertThat(scheme.getString("scheme")).isEqualTo("basic");
    }

    private static Reply resolve(String name) {
        return get("/manufacturers/resolve?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8), "itsec");
    }
}
