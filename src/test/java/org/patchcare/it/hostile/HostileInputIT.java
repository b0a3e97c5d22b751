package org.patchcare.it.hostile;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.api.DowntimeFixtures;
import org.patchcare.it.Deployments;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.shared.api.Api.ADMIN;

/**
 * Every value of the hostile-input corpus (XSS, SQL injection, path traversal, control and zero-width characters,
 * RTL override, confusables, emoji, lone surrogates, 10 k and 1 M characters) goes into every free-text field of the
 * device, change request and blackout APIs. Each is either stored and read back exactly (as valid JSON), or refused
 * with 422 naming exactly the fields concerned (then nothing is stored and the other fields are stored in a second
 * try), or, for a body over the API's 1 MB limit, 413; never a 500. Unpaired surrogates are refused (422), since
 * they cannot be stored as Unicode text.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    static final List<String> CORPUS = HostileStrings.all();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    /** One write API: creates with the given free-text fields set to the value (others valid), reads back. */
    record Target(String name, List<String> fields, BiFunction<Map<String, String>, Integer, Reply> create,
                  Function<Reply, JsonObject> read, Function<JsonObject, Map<String, String>> values) {
    }

    @Test
    void device_fields_store_or_refuse_every_hostile_value() {
        List<String> fields = List.of("serialNumber", "softwareVersion", "osName", "osVersion", "networkSegment",
                "custodian", "notes");
        run(new Target("device", fields, (values, n) -> Api.post("/devices", ADMIN, deviceBody(Api.newTag(), values)),
                created -> Api.get("/devices/" + created.json().getString("assetTag"), ADMIN).json(),
                d -> strings(d, fields)));
    }

    @Test
    void asset_tags_refuse_every_hostile_value_naming_the_field() {
        SoftAssertions soft = new SoftAssertions();
        for (String v : CORPUS) {
            Reply r = Api.post("/devices", ADMIN, deviceBody(v, Map.of()));
            if (r.status() == 413) {
                continue;
            }
            soft.assertThat(r.status()).as("asset tag %s: %s", HostileStrings.label(v), r).isEqualTo(422);
            if (r.status() == 422) {
                soft.assertThat(errorFields(r)).as(HostileStrings.label(v)).contains("assetTag");
            }
        }
        soft.assertAll();
    }

    @Test
    void change_request_fields_store_or_refuse_every_hostile_value() {
        List<String> fields = List.of("title", "plannedAction", "vendorReference", "clinicalImpact", "backupEquipment",
                "rollbackPlan");
        String tag = DowntimeFixtures.device("ICU");
        run(new Target("change request", fields, (values, n) -> {
            JsonObject body = DowntimeFixtures.body("Hostile input", List.of(tag), List.of(), 20 + n % 200).build();
            return Api.post("/change-requests", "biomed", withText(body.toString(), values));
        }, created -> Api.get("/change-requests/" + DowntimeFixtures.id(created.json()), "biomed").json(),
                d -> {
                    Map<String, String> m = strings(d, fields);
                    m.put("title", d.getJsonObject("summary").getString("title", null));
                    return m;
                }));
    }

    @Test
    void blackout_titles_store_or_refuse_every_hostile_value() {
        List<String> fields = List.of("title");
        run(new Target("blackout", fields, (values, n) -> Api.post("/blackouts", ADMIN, withText(
                "{\"departmentCode\":\"ICU\",\"recurring\":false,\"firstDay\":\"2031-02-03\",\"version\":0,"
                        + "\"title\":\"Hostile input\"}", values)),
                created -> {
                    String id = created.json().getString("id");
                    JsonObject b = Api.get("/blackouts/" + id, ADMIN).json();
                    assertThat(Api.call("DELETE", "/blackouts/" + id + "?version=" + b.getInt("version"), ADMIN, null)
                            .status()).as("cleaning up").isBetween(200, 299);
                    return b;
                }, d -> strings(d, fields)));
    }

    private static void run(Target t) {
        SoftAssertions soft = new SoftAssertions();
        int n = 0;
        for (String v : CORPUS) {
            String label = t.name() + " with " + HostileStrings.label(v);
            Map<String, String> values = new LinkedHashMap<>();
            t.fields().forEach(f -> values.put(f, v));
            Reply r = t.create().apply(values, n++);
            if (r.status() == 413) {
                soft.assertThat(v.length()).as("%s: 413 only for a body over the 1 MB limit", label)
                        .isGreaterThan(100_000);
                soft.assertThat(r.contentType()).as(label).startsWith("application/problem+json");
                continue;
            }
            if (r.status() == 422) {
                Set<String> refused = errorFields(r);
                soft.assertThat(refused).as("%s: 422 names the fields (%s)", label, r).isNotEmpty()
                        .isSubsetOf(t.fields());
                values.keySet().removeAll(refused);
                if (values.isEmpty()) {
                    continue;
                }
                r = t.create().apply(values, n++);
            }
            soft.assertThat(r.status()).as("%s: %s", label, r).isEqualTo(201);
            if (r.status() != 201) {
                continue;
            }
            Map<String, String> stored = t.values().apply(t.read().apply(r));
            for (String f : values.keySet()) {
                soft.assertThat(stored.get(f)).as("%s: %s reads back exactly", label, f).isEqualTo(v);
            }
        }
        soft.assertAll();
    }

    private static Set<String> errorFields(Reply r) {
        Set<String> fields = new LinkedHashSet<>();
        JsonObject p = r.json();
        if (p.containsKey("errors") && p.get("errors").getValueType() == JsonValue.ValueType.ARRAY) {
            p.getJsonArray("errors").getValuesAs(JsonObject.class).forEach(e -> fields.add(e.getString("field")));
        }
        return fields;
    }

    private static Map<String, String> strings(JsonObject o, List<String> fields) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String f : fields) {
            m.put(f, !o.containsKey(f) || o.isNull(f) ? null : o.getString(f, null));
        }
        return m;
    }

    /** A device body: valid, with the given fields replaced. */
    private static String deviceBody(String tag, Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("assetTag", tag);
        all.put("serialNumber", "SN-HOSTILE");
        all.put("manufacturer", "Philips");
        all.put("model", "Brilliance 64");
        all.put("department", "ICU");
        all.put("criticality", "DIAGNOSTIC");
        all.put("connectivity", "CLINICAL_NETWORK");
        all.put("softwareVersion", "4.1.0");
        all.put("installDate", "2021-05-17");
        all.putAll(values);
        List<String> members = new ArrayList<>();
        all.forEach((k, v) -> members.add("\"" + k + "\":" + HostileStrings.json(v)));
        return "{" + String.join(",", members) + "}";
    }

    /** A JSON object's text with the given string members replaced (the corpus values escaped by hand). */
    private static String withText(String json, Map<String, String> values) {
        JsonObject o = jakarta.json.Json.createReader(new java.io.StringReader(json)).readObject();
        List<String> members = new ArrayList<>();
        o.forEach((k, v) -> {
            if (!values.containsKey(k)) {
                members.add("\"" + k + "\":" + v);
            }
        });
        values.forEach((k, v) -> members.add("\"" + k + "\":" + HostileStrings.json(v)));
        return "{" + String.join(",", members) + "}";
    }
}
