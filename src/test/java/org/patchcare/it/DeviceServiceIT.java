package org.patchcare.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device service against the real server and database (H2 and MariaDB runs): lifecycle events, optimistic
 * locking, audit in the same transaction, search and support filters. Calls go through the probe servlet as the
 * demo biomedical technician, so the services see a real caller with a real role.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceServiceIT {

    private static final Probe BIOMED = Probe.as("biomed");
    /** Unique per run, so tests do not see each other's devices. */
    private static final String RUN = "q%05d".formatted(ThreadLocalRandom.current().nextInt(100_000));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    private static String tag(String suffix) {
        return ("IT-" + RUN + "-" + suffix).toUpperCase(Locale.ROOT);
    }

    private static JsonObject create(String tag, String... extra) {
        Map<String, String> p = new LinkedHashMap<>(Map.of("assetTag", tag, "manufacturer", "Philips",
                "model", "IntelliVue MX450", "department", "ICU", "criticality", "LIFE_SUPPORTING"));
        for (int i = 0; i < extra.length; i += 2) {
            p.put(extra[i], extra[i + 1]);
        }
        Probe.Answer a = BIOMED.call("device/create", p);
        assertThat(a.ok()).as("create %s: %s", tag, a).isTrue();
        return a.object();
    }

    private static List<String> eventTypes(String tag) {
        return BIOMED.call("device/timeline", "tag", tag).array().stream()
                .map(v -> v.asJsonObject().getString("type")).toList();
    }

    private static List<JsonObject> audit(String tag) {
        return BIOMED.call("audit/history", "type", "Device", "key", tag).array().stream()
                .map(JsonValue::asJsonObject).toList();
    }

    private static String notes(String tag) {
        JsonObject d = BIOMED.call("device/get", "tag", tag).object();
        return !d.containsKey("notes") || d.isNull("notes") ? null : d.getString("notes");
    }

    // ---- timeline --------------------------------------------------------------------------

    @Test
    void a_recorded_device_has_a_received_and_an_installed_event_by_the_person_who_recorded_it() {
        String tag = tag("TL1");
        create(tag, "installDate", "2024-03-01");
        var timeline = BIOMED.call("device/timeline", "tag", tag).array();
        assertThat(eventTypes(tag)).containsExactlyInAnyOrder("RECEIVED", "INSTALLED");
        assertThat(timeline).allSatisfy(e -> assertThat(e.asJsonObject().getString("recordedBy")).isEqualTo("biomed"));
        JsonObject installed = timeline.stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("type").equals("INSTALLED")).findFirst().orElseThrow();
        assertThat(installed.getString("to")).isEqualTo("2024-03-01");
    }

    @Test
    void a_device_without_install_date_has_only_the_received_event() {
        String tag = tag("TL2");
        create(tag);
        assertThat(eventTypes(tag)).containsExactly("RECEIVED");
    }

    @Test
    void moving_a_device_records_where_it_came_from_and_where_it_went() {
        String tag = tag("MV1");
        JsonObject d = create(tag);
        String edLocation = BIOMED.call("organisation/locations", "department", "ED").array().getJsonObject(0).getString("id");
        Probe.Answer moved = BIOMED.call("device/move", "tag", tag, "department", "ED", "location", edLocation,
                "comment", "Needed in resus", "version", String.valueOf(d.getInt("version")));
        assertThat(moved.ok()).as(moved.toString()).isTrue();
        assertThat(moved.object().getString("departmentCode")).isEqualTo("ED");

        JsonObject event = BIOMED.call("device/timeline", "tag", tag).array().stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("type").equals("MOVED")).findFirst().orElseThrow();
        assertThat(event.getString("from")).isEqualTo("ICU");
        assertThat(event.getString("to")).startsWith("ED / ");
        assertThat(event.getString("comment")).isEqualTo("Needed in resus");
        assertThat(audit(tag).getFirst().getJsonArray("changes").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("field").equals("department")).findFirst().orElseThrow().getString("to"))
                .isEqualTo("ED");
    }

    @Test
    void moving_to_a_location_of_another_department_is_refused() {
        String tag = tag("MV2");
        create(tag);
        String icuLocation = BIOMED.call("organisation/locations", "department", "ICU").array().getJsonObject(0).getString("id");
        Probe.Answer a = BIOMED.call("device/move", "tag", tag, "department", "ED", "location", icuLocation);
        assertThat(a.ok()).isFalse();
        assertThat(a.exception()).isEqualTo("InvalidInputException");
        assertThat(a.message()).contains("belongs to department ICU");
        assertThat(eventTypes(tag)).doesNotContain("MOVED");
    }

    // ---- optimistic locking ----------------------------------------------------------------

    @Test
    void saving_from_an_old_version_is_refused_and_the_newer_change_stays() {
        String tag = tag("OL1");
        int v = create(tag).getInt("version");
        assertThat(BIOMED.call("device/update", "tag", tag, "notes", "first editor", "version", String.valueOf(v)).ok()).isTrue();

        Probe.Answer second = BIOMED.call("device/update", "tag", tag, "notes", "second editor", "version", String.valueOf(v));
        assertThat(second.ok()).isFalse();
        assertThat(second.exception()).isEqualTo("ConflictException");
        assertThat(second.message()).contains("changed by someone else").contains(tag).contains("Reload");
        assertThat(notes(tag)).isEqualTo("first editor");
    }

    @Test
    void two_open_transactions_on_the_same_version_the_later_save_is_refused_by_the_version_column() {
        String tag = tag("OL2");
        create(tag);
        JsonObject r = BIOMED.call("device/staleUpdateAfterOtherCommit", "tag", tag, "first", "slow editor",
                "second", "quick editor").object();
        assertThat(r.getString("staleUpdate")).startsWith("ConflictException").contains("changed by someone else");
        assertThat(notes(tag)).isEqualTo("quick editor");
        assertThat(audit(tag)).filteredOn(e -> e.getString("action").equals("UPDATE")).hasSize(1);
    }

    @Test
    void two_concurrent_updates_from_the_same_version_exactly_one_wins() {
        for (int round = 1; round <= 3; round++) {
            String tag = tag("RACE" + round);
            create(tag);
            List<String> outcomes = BIOMED.call("device/race", "tag", tag, "a", "editor A", "b", "editor B").array()
                    .stream().map(v -> ((JsonString) v).getString()).toList();
            assertThat(outcomes).as("round %d", round).filteredOn(o -> o.startsWith("saved")).hasSize(1);
            assertThat(outcomes).as("round %d", round).filteredOn(o -> o.startsWith("ConflictException"))
                    .singleElement().asString().contains("changed by someone else");
            String winner = outcomes.stream().filter(o -> o.startsWith("saved")).findFirst().orElseThrow().substring(6);
            assertThat(notes(tag)).as("the loser's change must not be written").isEqualTo(winner);
            List<JsonObject> updates = audit(tag).stream().filter(e -> e.getString("action").equals("UPDATE")).toList();
            assertThat(updates).as("only the winner's change is in the audit trail").hasSize(1);
            assertThat(updates.getFirst().toString()).contains(winner);
        }
    }

    // ---- audit -----------------------------------------------------------------------------

    @Test
    void creating_and_changing_a_device_is_audited_with_who_and_what() {
        String tag = tag("AU1");
        int v = create(tag, "hostname", "icu-au1").getInt("version");
        assertThat(BIOMED.call("device/update", "tag", tag, "hostname", "icu-au1b", "version", String.valueOf(v)).ok()).isTrue();
        List<JsonObject> trail = audit(tag);
        assertThat(trail).extracting(e -> e.getString("action")).containsExactly("UPDATE", "CREATE");
        assertThat(trail).allSatisfy(e -> assertThat(e.getString("actor")).isEqualTo("biomed"));
        JsonObject change = trail.getFirst().getJsonArray("changes").getJsonObject(0);
        assertThat(change.getString("field")).isEqualTo("hostname");
        assertThat(change.getString("from")).isEqualTo("icu-au1");
        assertThat(change.getString("to")).isEqualTo("icu-au1b");
    }

    @Test
    void a_change_that_fails_validation_after_the_audit_call_leaves_neither_change_nor_audit_row() {
        String tag = tag("AU2");
        create(tag);
        int auditRowsBefore = audit(tag).size();
        JsonObject r = BIOMED.call("device/updateThenFailInSameTransaction", "tag", tag, "notes", "never saved").object();
        assertThat(r.getString("secondUpdate")).startsWith("InvalidInputException").contains("ipAddress");
        assertThat(r.getBoolean("markedForRollback")).isTrue();
        assertThat(notes(tag)).isNull();
        assertThat(audit(tag)).hasSize(auditRowsBefore);
        assertThat(audit(tag).toString()).doesNotContain("never saved");
    }

    @Test
    void an_invalid_change_is_refused_with_the_field_and_writes_no_audit_row() {
        String tag = tag("AU3");
        int v = create(tag).getInt("version");
        Probe.Answer a = BIOMED.call("device/update", "tag", tag, "ipAddress", "10.0.0.300.1", "version", String.valueOf(v));
        assertThat(a.ok()).isFalse();
        assertThat(a.exception()).isEqualTo("InvalidInputException");
        assertThat(a.message()).contains("ipAddress");
        assertThat(audit(tag)).extracting(e -> e.getString("action")).containsExactly("CREATE");
    }

    // ---- risk context ----------------------------------------------------------------------

    private static List<String> contextCauses(String tag) {
        return BIOMED.call("events/deviceContext", "tag", tag).array().stream()
                .map(v -> ((JsonString) v).getString()).toList();
    }

    private static JsonObject change(List<JsonObject> trail, String field) {
        return trail.getFirst().getJsonArray("changes").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("field").equals(field)).findFirst().orElseThrow();
    }

    @Test
    void making_a_device_redundant_and_internet_reachable_is_audited_and_announced_to_the_risk_context_once() {
        String tag = tag("CTX1");
        int v = create(tag, "connectivity", "CLINICAL_NETWORK").getInt("version");
        assertThat(contextCauses(tag)).as("a new device is no context change").isEmpty();

        Probe.Answer a = BIOMED.call("device/update", "tag", tag, "redundant", "true",
                "connectivity", "INTERNET_REACHABLE", "version", String.valueOf(v));

        assertThat(a.ok()).as(a.toString()).isTrue();
        assertThat(a.object().getBoolean("redundant")).isTrue();
        assertThat(BIOMED.call("device/get", "tag", tag).object().getBoolean("redundant")).isTrue();
        List<JsonObject> trail = audit(tag);
        assertThat(change(trail, "redundant").getString("from")).isEqualTo("false");
        assertThat(change(trail, "redundant").getString("to")).isEqualTo("true");
        assertThat(change(trail, "connectivity").getString("to")).isEqualTo("INTERNET_REACHABLE");
        assertThat(contextCauses(tag)).containsExactly("connectivity Clinical network → Internet-reachable; now redundant");
    }

    @Test
    void moves_and_status_changes_are_announced_to_the_risk_context_but_a_change_of_notes_is_not() {
        String tag = tag("CTX2");
        int v = create(tag).getInt("version");
        v = BIOMED.call("device/update", "tag", tag, "notes", "new battery", "version", String.valueOf(v))
                .object().getInt("version");
        assertThat(contextCauses(tag)).isEmpty();

        v = BIOMED.call("device/move", "tag", tag, "department", "ED", "version", String.valueOf(v)).object().getInt("version");
        Probe.Answer out = BIOMED.call("device/takeOutOfService", "tag", tag, "repair", "true", "version", String.valueOf(v));

        assertThat(out.ok()).as(out.toString()).isTrue();
        assertThat(contextCauses(tag)).containsExactly("moved to ED", "status In service → In repair");
    }

    @Test
    void a_department_keeps_its_mission_impact_and_a_change_of_it_is_audited_and_announced() {
        Probe admin = Probe.as("admin");
        String code = ("IT" + RUN).toUpperCase(Locale.ROOT);
        Probe.Answer created = admin.call("organisation/saveDepartment", "code", code, "name", "IT ward " + RUN,
                "facility", "MAIN", "missionImpact", "MEF_SUPPORT_CRIPPLED");
        assertThat(created.ok()).as(created.toString()).isTrue();
        assertThat(created.object().getString("missionImpact")).isEqualTo("MEF_SUPPORT_CRIPPLED");

        Probe.Answer changed = admin.call("organisation/saveDepartment", "code", code, "name", "IT ward " + RUN,
                "facility", "MAIN", "missionImpact", "MEF_FAILURE", "version",
                String.valueOf(created.object().getInt("version")));

        assertThat(changed.ok()).as(changed.toString()).isTrue();
        assertThat(changed.object().getString("missionImpact")).isEqualTo("MEF_FAILURE");
        List<JsonObject> trail = BIOMED.call("audit/history", "type", "Department", "key", code).array().stream()
                .map(JsonValue::asJsonObject).toList();
        assertThat(trail).extracting(e -> e.getString("action")).containsExactly("UPDATE", "CREATE");
        assertThat(change(trail, "missionImpact").getString("from")).isEqualTo("MEF_SUPPORT_CRIPPLED");
        assertThat(change(trail, "missionImpact").getString("to")).isEqualTo("MEF_FAILURE");
        assertThat(BIOMED.call("events/departmentContext", "code", code).array().stream()
                .map(x -> ((JsonString) x).getString()).toList())
                .containsExactly("mission impact Essential support crippled → Essential function fails");
    }

    // ---- search and filters ----------------------------------------------------------------

    @Test
    void text_search_finds_a_device_by_asset_tag_part_hostname_prefix_ip_prefix_and_model_name() {
        int octet = ThreadLocalRandom.current().nextInt(1, 254);
        String tag = tag("SR1");
        String host = RUN + "-mon-sr1.icu.local";
        String ip = "172.31." + octet + ".17";
        create(tag, "hostname", host, "ipAddress", ip, "department", "ED", "manufacturer", "Philips",
                "model", "IntelliVue MX450");
        create(tag("SR2"), "hostname", RUN + "-pump-sr2", "ipAddress", "172.30." + octet + ".18");

        assertThat(list("text", RUN)).contains(tag, tag("SR2"));                    // middle part of the asset tag
        assertThat(list("text", tag.toLowerCase(Locale.ROOT).substring(0, 9))).contains(tag); // asset tag prefix
        assertThat(list("text", RUN + "-mon")).containsExactly(tag);                 // hostname prefix
        assertThat(list("text", "172.31." + octet + ".1")).contains(tag).doesNotContain(tag("SR2")); // IP prefix
        assertThat(list("text", "intellivue mx4", "department", "ED")).contains(tag).doesNotContain(tag("SR2")); // model name
        assertThat(list("text", RUN + "-nothing")).isEmpty();
    }

    @Test
    void support_filters_find_unsupported_ending_soon_and_supported_devices() {
        LocalDate today = LocalDate.now();
        String past = tag("EOS-PAST");
        String soon = tag("EOS-SOON");
        String far = tag("EOS-FAR");
        create(past, "endOfSupportOverride", today.minusDays(30).toString());
        create(soon, "endOfSupportOverride", today.plusMonths(6).toString());
        create(far, "endOfSupportOverride", today.plusYears(8).toString());

        assertThat(list("text", "it-" + RUN + "-eos", "support", "UNSUPPORTED")).containsExactly(past);
        assertThat(list("text", "it-" + RUN + "-eos", "support", "ENDING_SOON")).containsExactly(soon);
        assertThat(list("text", "it-" + RUN + "-eos", "support", "SUPPORTED")).containsExactly(far);
        assertThat(list("text", "it-" + RUN + "-eos", "support", "UNKNOWN")).isEmpty();
        assertThat(BIOMED.call("device/get", "tag", past).object().getString("supportStatus")).isEqualTo("UNSUPPORTED");
    }

    private static List<String> list(String... params) {
        return BIOMED.call("device/list", params).array().stream().map(v -> ((JsonString) v).getString()).toList();
    }
}
