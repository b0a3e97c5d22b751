package org.patchcare.inventory.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.shared.api.Api.ADMIN;
import static org.patchcare.shared.api.Api.BIOMED;
import static org.patchcare.shared.api.Api.createDevice;
import static org.patchcare.shared.api.Api.deviceJson;
import static org.patchcare.shared.api.Api.get;
import static org.patchcare.shared.api.Api.newTag;
import static org.patchcare.shared.api.Api.post;
import static org.patchcare.shared.api.Api.put;
import static org.patchcare.shared.api.Api.with;
import static org.patchcare.shared.api.Api.without;

/** The devices endpoints of /api/v1 over HTTP: happy paths and the problem+json answers for every kind of error. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    // ---- reading -----------------------------------------------------------------------------

    @Test
    void lists_a_page_of_devices_with_offset_limit_and_the_total() {
        Reply r = get("/devices?offset=2&limit=5&sort=assetTag&dir=desc", "itsec");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject page = r.json();
        assertThat(page.getInt("offset")).isEqualTo(2);
        assertThat(page.getInt("limit")).isEqualTo(5);
        assertThat(page.getJsonNumber("total").longValue()).isGreaterThan(100);
        List<String> tags = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(d -> d.getString("assetTag")).toList();
        assertThat(tags).hasSize(5).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void narrows_the_list_by_text_department_status_criticality_and_support() {
        String tag = newTag();
        createDevice(tag);

        Reply r = get("/devices?text=" + tag + "&department=ICU&status=IN_SERVICE&criticality=diagnostic", "manager");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject row = r.json().getJsonArray("items").getJsonObject(0);
        assertThat(row.getString("assetTag")).isEqualTo(tag);
        assertThat(row.getString("departmentCode")).isEqualTo("ICU");
        assertThat(row.getString("manufacturer")).isEqualTo("Philips");

        assertThat(get("/devices?text=" + tag + "&department=RAD", "manager").json().getInt("total")).isZero();
        assertThat(get("/devices?text=" + tag + "&status=RETIRED", "manager").json().getInt("total")).isZero();
    }

    @Test
    void refuses_list_parameters_out_of_range_naming_each_parameter() {
        assertProblem(get("/devices?limit=501", "biomed"), 422, "limit");
        assertProblem(get("/devices?limit=ten", "biomed"), 422, "limit");
        assertProblem(get("/devices?offset=-1", "biomed"), 422, "offset");
        assertProblem(get("/devices?dir=sideways", "biomed"), 422, "dir");
        assertProblem(get("/devices?sort=password", "biomed"), 422, "sort");
        assertProblem(get("/devices?status=BROKEN", "biomed"), 422, "status");
        assertProblem(get("/devices?support=maybe", "biomed"), 422, "support");
    }

    @Test
    void reads_one_device_by_asset_tag_without_database_ids() {
        String tag = newTag();
        createDevice(tag);

        Reply r = get("/devices/" + tag.toLowerCase(), "manager");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject d = r.json();
        assertThat(d.getString("assetTag")).isEqualTo(tag);
        assertThat(d.getString("model")).isEqualTo("Brilliance 64");
        assertThat(d.getString("departmentCode")).isEqualTo("ICU");
        assertThat(d.getString("status")).isEqualTo("IN_SERVICE");
        assertThat(d.getString("installDate")).isEqualTo("2021-05-17");
        assertThat(d.containsKey("version")).isTrue();
        assertThat(d).doesNotContainKey("id");
    }

    @Test
    void an_unknown_asset_tag_is_404_problem_json() {
        Reply r = get("/devices/NO-SUCH-TAG-42", "biomed");

        assertProblem(r, 404, null);
        JsonObject p = r.json();
        assertThat(p.getString("type")).isEqualTo("urn:patchcare:problem:not-found");
        assertThat(p.getString("title")).isEqualTo("Not found");
        assertThat(p.getString("detail")).contains("NO-SUCH-TAG-42");
        assertThat(p.getString("instance")).isEqualTo("/api/v1/devices/NO-SUCH-TAG-42");
        assertProblem(get("/devices/NO-SUCH-TAG-42/timeline", "biomed"), 404, null);
        assertProblem(get("/devices/NO-SUCH-TAG-42/history", "biomed"), 404, null);
        assertProblem(post("/devices/NO-SUCH-TAG-42/retire", BIOMED, "{}"), 404, null);
    }

    @Test
    void an_unknown_path_is_404_problem_json_too() {
        assertProblem(get("/gadgets", "biomed"), 404, null);
    }

    // ---- creating ----------------------------------------------------------------------------

    @Test
    void creates_a_device_answering_201_with_its_location() {
        String tag = newTag();

        Reply r = post("/devices", BIOMED, deviceJson(tag).toString());

        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/api/v1/devices/" + tag);
        assertThat(r.json().getString("assetTag")).isEqualTo(tag);
        assertThat(r.json().getString("createdBy")).isEqualTo("biomed");
        assertThat(get("/devices/" + tag, "itsec").status()).isEqualTo(200);
    }

    @Test
    void refuses_an_invalid_device_naming_each_field() {
        JsonObject body = with(with(without(deviceJson(newTag()), "criticality"), "assetTag", "  "), "ipAddress", "not-an-ip");

        Reply r = post("/devices", BIOMED, body.toString());

        assertProblem(r, 422, "assetTag");
        assertThat(fields(r)).contains("assetTag", "criticality", "ipAddress");
        assertThat(r.json().getString("type")).isEqualTo("urn:patchcare:problem:invalid-input");
    }

    @Test
    void rejects_device_with_unknown_department() {
        Reply r = post("/devices", BIOMED, with(deviceJson(newTag()), "department", "MOON").toString());

        assertProblem(r, 422, "department");
        assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("message")).contains("MOON");
    }

    @Test
    void rejects_device_with_unknown_model_naming_the_model() {
        assertProblem(post("/devices", BIOMED, with(deviceJson(newTag()), "model", "Tricorder").toString()), 422, "model");
    }

    @Test
    void a_duplicate_asset_tag_is_409() {
        String tag = newTag();
        createDevice(tag);

        Reply r = post("/devices", BIOMED, deviceJson(tag.toLowerCase()).toString());

        assertProblem(r, 409, null);
        assertThat(r.json().getString("detail")).contains(tag).contains("already exists");
    }

    @Test
    void malformed_json_is_400_with_a_clear_detail() {
        Reply r = post("/devices", BIOMED, "{\"assetTag\": \"API-X\", ");

        assertProblem(r, 400, null);
        assertThat(r.json().getString("detail")).contains("not well-formed JSON");
    }

    @Test
    void a_wrong_enum_value_is_400_naming_the_field_and_the_allowed_values() {
        Reply r = post("/devices", BIOMED, with(deviceJson(newTag()), "criticality", "VERY").toString());

        assertProblem(r, 400, "criticality");
        assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("VERY").contains("LIFE_SUSTAINING");
    }

    @Test
    void a_missing_body_is_refused_without_a_server_error() {
        Reply r = post("/devices", BIOMED, "");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    // ---- changing ----------------------------------------------------------------------------

    @Test
    void updates_a_device_with_the_version_read_and_refuses_a_stale_version_with_409() {
        String tag = newTag();
        int version = createDevice(tag).getInt("version");
        JsonObject change = with(with(deviceJson(tag), "softwareVersion", "4.2.1"), "version", version);

        Reply first = put("/devices/" + tag, BIOMED, change.toString());

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().getString("softwareVersion")).isEqualTo("4.2.1");
        assertThat(first.json().getInt("version")).isGreaterThan(version);

        Reply stale = put("/devices/" + tag, ADMIN, with(change, "notes", "late edit").toString());
        assertProblem(stale, 409, null);
        assertThat(stale.json().getString("detail")).contains("changed by someone else");
        assertThat(get("/devices/" + tag, ADMIN).json().get("notes")).isIn(null, JsonValue.NULL);
    }

    @Test
    void an_update_without_version_is_refused_naming_version() {
        String tag = newTag();
        createDevice(tag);
        assertProblem(put("/devices/" + tag, BIOMED, deviceJson(tag).toString()), 422, "version");
    }

    @Test
    void an_update_to_an_unknown_department_names_the_department() {
        String tag = newTag();
        int version = createDevice(tag).getInt("version");
        JsonObject change = with(with(deviceJson(tag), "department", "NOPE"), "version", version);
        assertProblem(put("/devices/" + tag, BIOMED, change.toString()), 422, "department");
    }

    @Test
    void redundancy_round_trips_through_the_api_and_its_change_is_in_the_history() {
        String tag = newTag();
        Reply created = post("/devices", BIOMED, with(deviceJson(tag), "redundant", true).toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getBoolean("redundant")).isTrue();
        assertThat(created.json().getString("departmentMissionImpact")).as("ICU's, from the demo data")
                .isEqualTo("MEF_FAILURE");

        Reply changed = put("/devices/" + tag, BIOMED, with(with(deviceJson(tag), "redundant", false), "version",
                created.json().getInt("version")).toString());

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(get("/devices/" + tag, "itsec").json().getBoolean("redundant")).isFalse();
        JsonObject row = get("/devices?text=" + tag, "itsec").json().getJsonArray("items").getJsonObject(0);
        assertThat(row.getBoolean("redundant")).isFalse();
        JsonObject change = get("/devices/" + tag + "/history", "itsec").array().getJsonObject(0)
                .getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("field").equals("redundant")).findFirst().orElseThrow();
        assertThat(change.getString("from")).isEqualTo("true");
        assertThat(change.getString("to")).isEqualTo("false");
    }

    @Test
    void a_redundant_value_that_is_not_true_or_false_is_refused_naming_the_field() {
        Reply r = post("/devices", BIOMED, with(deviceJson(newTag()), "redundant", "spare in store").toString());

        assertProblem(r, 400, "redundant");
        assertProblem(post("/devices", BIOMED, with(deviceJson(newTag()), "storesPhi", "yes please").toString()), 400,
                "storesPhi");
    }

    // ---- lifecycle ---------------------------------------------------------------------------

    @Test
    void moves_a_device_and_its_timeline_shows_the_move() {
        String tag = newTag();
        createDevice(tag);

        Reply r = post("/devices/" + tag + "/move", BIOMED, "{\"department\":\"RAD\",\"comment\":\"new CT room\"}");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getString("departmentCode")).isEqualTo("RAD");
        JsonObject latest = get("/devices/" + tag + "/timeline", "itsec").array().getJsonObject(0);
        assertThat(latest.getString("type")).isEqualTo("MOVED");
        assertThat(latest.getString("from")).isEqualTo("ICU");
        assertThat(latest.getString("to")).isEqualTo("RAD");
        assertThat(latest.getString("comment")).isEqualTo("new CT room");
        assertThat(latest.getString("recordedBy")).isEqualTo("biomed");
    }

    @Test
    void a_move_to_an_unknown_department_or_without_one_names_the_department() {
        String tag = newTag();
        createDevice(tag);
        assertProblem(post("/devices/" + tag + "/move", BIOMED, "{\"department\":\"MARS\"}"), 422, "department");
        assertProblem(post("/devices/" + tag + "/move", BIOMED, "{}"), 422, "department");
    }

    @Test
    void takes_a_device_out_of_service_for_repair_and_returns_it() {
        String tag = newTag();
        createDevice(tag);

        Reply out = post("/devices/" + tag + "/out-of-service", BIOMED, "{\"forRepair\":true,\"comment\":\"cracked housing\"}");
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
        assertThat(out.json().getString("status")).isEqualTo("IN_REPAIR");
        assertProblem(post("/devices/" + tag + "/out-of-service", BIOMED, "{\"forRepair\":true}"), 409, null);

        Reply back = post("/devices/" + tag + "/return-to-service", BIOMED, "{\"comment\":\"housing replaced\"}");
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().getString("status")).isEqualTo("IN_SERVICE");
        List<String> types = get("/devices/" + tag + "/timeline", BIOMED).array().getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("type")).toList();
        assertThat(types).containsSubsequence("RETURNED_TO_SERVICE", "REPAIRED", "TAKEN_OUT_OF_SERVICE", "RECEIVED");
    }

    @Test
    void a_lifecycle_action_with_a_stale_version_is_409() {
        String tag = newTag();
        int version = createDevice(tag).getInt("version");
        post("/devices/" + tag + "/out-of-service", BIOMED, "{}");

        assertProblem(post("/devices/" + tag + "/return-to-service", BIOMED, "{\"version\":" + version + "}"), 409, null);
    }

    @Test
    void retires_a_device_and_then_refuses_to_move_it_with_409() {
        String tag = newTag();
        createDevice(tag);

        Reply r = post("/devices/" + tag + "/retire", ADMIN, "{\"comment\":\"replaced by newer CT\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("RETIRED");

        Reply move = post("/devices/" + tag + "/move", ADMIN, "{\"department\":\"RAD\"}");
        assertProblem(move, 409, null);
        assertThat(move.json().getString("type")).isEqualTo("urn:patchcare:problem:rule-violated");
        assertThat(move.json().getString("detail")).contains("retired");
    }

    @Test
    void records_a_maintenance_event_and_refuses_event_types_that_have_their_own_action() {
        String tag = newTag();
        createDevice(tag);

        Reply r = post("/devices/" + tag + "/events", BIOMED, "{\"type\":\"PREVENTIVE_MAINTENANCE\",\"comment\":\"annual PM\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject latest = get("/devices/" + tag + "/timeline", BIOMED).array().getJsonObject(0);
        assertThat(latest.getString("type")).isEqualTo("PREVENTIVE_MAINTENANCE");
        assertThat(latest.getString("comment")).isEqualTo("annual PM");

        assertProblem(post("/devices/" + tag + "/events", BIOMED, "{\"type\":\"MOVED\"}"), 422, "type");
        assertProblem(post("/devices/" + tag + "/events", BIOMED, "{\"comment\":\"no type\"}"), 422, "type");
        assertProblem(post("/devices/" + tag + "/events", BIOMED, "{\"type\":\"PAINTED\"}"), 400, "type");
    }

    @Test
    void the_history_lists_who_changed_which_field() {
        String tag = newTag();
        int version = createDevice(tag).getInt("version");
        put("/devices/" + tag, BIOMED, with(with(deviceJson(tag), "hostname", "ct-icu-9.clinical.example"), "version", version)
                .toString());

        Reply r = get("/devices/" + tag + "/history", "itsec");

        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject newest = r.array().getJsonObject(0);
        assertThat(newest.getString("action")).isEqualTo("UPDATE");
        assertThat(newest.getString("actor")).isEqualTo("biomed");
        JsonObject change = newest.getJsonArray("changes").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("field").equals("hostname")).findFirst().orElseThrow();
        assertThat(change.getString("to")).isEqualTo("ct-icu-9.clinical.example");
        assertThat(r.array().getJsonObject(r.array().size() - 1).getString("action")).isEqualTo("CREATE");
        assertProblem(get("/devices/" + tag + "/history?limit=0", "itsec"), 422, "limit");
    }

    // ---- authentication ----------------------------------------------------------------------

    @Test
    void anonymous_and_wrong_password_are_401_problem_json_with_a_basic_challenge() {
        Reply anonymous = get("/devices", null);
        assertProblem(anonymous, 401, null);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));

        Reply wrong = Api.call("GET", "/devices", "nobody-here", null);
        assertThat(wrong.status()).isEqualTo(401);
    }

    // ---- helpers -----------------------------------------------------------------------------

    static List<String> fields(Reply r) {
        return r.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream().map(e -> e.getString("field")).toList();
    }

    /** An RFC 9457 answer with this status and, if given, an entry in errors for this field. */
    static void assertProblem(Reply r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        JsonObject p = r.json();
        assertThat(p.getInt("status")).isEqualTo(status);
        assertThat(p.getString("type")).startsWith("urn:patchcare:problem:");
        assertThat(p.getString("title")).isNotBlank();
        assertThat(p.getString("detail")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field != null) {
            assertThat(fields(r)).as(r.toString()).contains(field);
        }
    }
}
