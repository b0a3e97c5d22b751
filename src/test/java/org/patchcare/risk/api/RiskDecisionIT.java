package org.patchcare.risk.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
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
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The SSVC decision of real exposures end to end: a real CISA advisory (Baxter ExactaMix, ICSMA-20-170-01, with
 * EternalBlue CVE-2017-0143) matched to devices recorded over the API, the real KEV catalogue loaded, the job deciding
 * within seconds, the evidence per point, IT security's override with its history, device changes re-evaluated, the
 * work queue order and the roll-ups as clinical managers see them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskDecisionIT {

    static final String EXACTAMIX = "csaf/icsma/icsma-20-170-01.json";
    static final String ETERNALBLUE = "CVE-2017-0143";
    static final String TAG = Api.newTag();
    static final String OTHER_DEPT_TAG = Api.newTag();
    static String exposure;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    static JsonObject compounder(String tag, String department, String connectivity) {
        return Json.createObjectBuilder().add("assetTag", tag).add("serialNumber", "SN-" + tag)
                .add("manufacturer", "Baxter").add("model", "ExactaMix EM2400").add("department", department)
                .add("criticality", "LIFE_SUSTAINING").add("connectivity", connectivity).add("softwareVersion", "1.13")
                .build();
    }

    static Reply upload(String path, String contentType, byte[] body) {
        HttpRequest b = ItConfig.request(Api.BASE + path, "itsec", ItConfig.password("itsec"))
                .header("Content-Type", contentType).header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> r = ItConfig.http().send(b, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the job has decided everything pending, then returns the exposure's decision. */
    static JsonObject settledDecision(String exposureId) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            long pending = Api.get("/risk/pending", "itsec").json().getJsonNumber("pending").longValue();
            Reply r = Api.get("/risk/exposures/" + exposureId + "/decision", "itsec");
            if (pending == 0 && r.status() == 200 && !r.json().containsKey("pendingCause")) {
                return r.json();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the decision of " + exposureId + " did not settle within 60 s");
    }

    static JsonObject point(JsonObject decision, String point) {
        return decision.getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("point").equals(point)).findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void an_eternalblue_exposure_of_an_internet_reachable_life_sustaining_device_is_decided_immediate_after_kev()
            throws Exception {
        assertThat(Api.post("/devices", "admin", compounder(TAG, "ICU", "INTERNET_REACHABLE").toString()).status())
                .isEqualTo(201);
        assertThat(Api.post("/devices", "admin", compounder(OTHER_DEPT_TAG, "RAD", "CLINICAL_NETWORK").toString()).status())
                .isEqualTo(201);
        Reply imported = upload("/advisories", "application/json", Files.readAllBytes(TestData.file(EXACTAMIX)));
        assertThat(imported.status()).as(imported.toString()).isIn(200, 201);
        // the devices may have been matched by the import or, a few seconds later, by re-matching
        Instant until = Instant.now().plusSeconds(30);
        List<JsonObject> exposures = List.of();
        while (exposures.isEmpty() && Instant.now().isBefore(until)) {
            exposures = Api.get("/devices/" + TAG + "/exposures", "itsec").array().getValuesAs(JsonObject.class).stream()
                    .filter(e -> e.getString("cve").equals(ETERNALBLUE)).toList();
            Thread.sleep(300);
        }
        assertThat(exposures).as("EternalBlue exposure of " + TAG).hasSize(1);
        exposure = exposures.getFirst().getString("id");
        JsonObject before = settledDecision(exposure);

        Reply kev = upload("/threat-feeds/kev", "application/json",
                Files.readAllBytes(TestData.file("kev/known_exploited_vulnerabilities.json")));
        assertThat(kev.status()).as(kev.toString()).isEqualTo(200);
        JsonObject d = settledDecision(exposure);

        assertThat(point(d, "EXPLOITATION").getString("value")).isEqualTo("ACTIVE");
        assertThat(point(d, "EXPLOITATION").getString("why")).contains("KEV");
        assertThat(point(d, "SYSTEM_EXPOSURE").getString("value")).isEqualTo("OPEN");
        assertThat(point(d, "AUTOMATABLE").getString("value")).isEqualTo("YES");
        assertThat(point(d, "AUTOMATABLE").getString("why")).contains("network attack vector");
        assertThat(point(d, "HUMAN_IMPACT").getString("value")).isEqualTo("VERY_HIGH");
        assertThat(d.getString("safetyImpact")).isEqualTo("catastrophic");
        assertThat(d.getString("outcome")).isEqualTo("IMMEDIATE");
        Instant clock = Instant.parse(d.getString("clockStartedAt"));
        assertThat(Instant.parse(d.getString("dueAt"))).isEqualTo(clock.plus(Duration.ofHours(72)));
        assertThat(d.getInt("score")).isEqualTo(d.getJsonArray("factors").getValuesAs(JsonObject.class).stream()
                .mapToInt(f -> f.getInt("points")).sum());

        List<JsonObject> history = Api.get("/risk/exposures/" + exposure + "/decision/history", "itsec").array()
                .getValuesAs(JsonObject.class);
        assertThat(history).isNotEmpty();
        if (!point(before, "EXPLOITATION").getString("value").equals("ACTIVE")) {
            assertThat(history.getFirst().getString("cause")).contains("KEV update");
            assertThat(history.getFirst().getString("toOutcome")).isEqualTo("immediate");
        } else {
            assertThat(history.getLast().getString("cause")).isEqualTo("new exposure");
        }
    }

    @Test
    @Order(2)
    void it_security_overrides_exploitation_with_a_reason_and_the_outcome_and_history_follow() throws Exception {
        Reply noReason = Api.put("/risk/exposures/" + exposure + "/decision/overrides/EXPLOITATION", "itsec",
                "{\"value\":\"NONE\",\"reason\":\" \"}");
        assertThat(noReason.status()).isEqualTo(422);
        Reply badValue = Api.put("/risk/exposures/" + exposure + "/decision/overrides/EXPLOITATION", "itsec",
                "{\"value\":\"MAYBE\",\"reason\":\"x\"}");
        assertThat(badValue.status()).isEqualTo(422);
        assertThat(badValue.body()).contains("NONE, PUBLIC_POC, ACTIVE");
        Reply asBiomed = Api.put("/risk/exposures/" + exposure + "/decision/overrides/EXPLOITATION", "biomed",
                "{\"value\":\"NONE\",\"reason\":\"not mine to say\"}");
        assertThat(asBiomed.status()).isEqualTo(403);

        Reply ok = Api.put("/risk/exposures/" + exposure + "/decision/overrides/EXPLOITATION", "itsec",
                "{\"value\":\"NONE\",\"reason\":\"SMBv1 removed by the vendor's hardening kit\"}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        JsonObject d = ok.json();
        assertThat(point(d, "EXPLOITATION").getBoolean("overridden")).isTrue();
        assertThat(point(d, "EXPLOITATION").getString("why")).contains("overridden by itsec").contains("SMBv1 removed")
                .contains("derived: active");
        assertThat(d.getString("outcome")).isEqualTo("OUT_OF_CYCLE");
        assertThat(Api.get("/devices/" + TAG + "/history", "admin").body()).isNotNull();
        JsonObject last = Api.get("/risk/exposures/" + exposure + "/decision/history", "itsec").array()
                .getValuesAs(JsonObject.class).getFirst();
        assertThat(last.getString("cause")).contains("override of exploitation by itsec");
        assertThat(last.getString("fromOutcome")).isEqualTo("immediate");
        assertThat(last.getString("toOutcome")).isEqualTo("out-of-cycle");

        Reply removed = Api.call("DELETE", "/risk/exposures/" + exposure + "/decision/overrides/EXPLOITATION?reason=checked+again",
                "itsec", null);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(removed.json().getString("outcome")).isEqualTo("IMMEDIATE");
        assertThat(point(removed.json(), "EXPLOITATION").getBoolean("overridden")).isFalse();
    }

    @Test
    @Order(3)
    void the_work_queue_puts_immediate_first_and_filters_by_department_and_outcome() {
        JsonObject page = Api.get("/risk/queue?limit=500&department=ICU", "itsec").json();
        List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).anySatisfy(i -> {
            assertThat(i.getString("exposureId")).isEqualTo(exposure);
            assertThat(i.getString("outcome")).isEqualTo("IMMEDIATE");
            assertThat(i.getString("exploitation")).isEqualTo("ACTIVE");
        });
        List<String> order = items.stream().map(i -> i.getString("outcome")).toList();
        List<String> rank = List.of("IMMEDIATE", "OUT_OF_CYCLE", "SCHEDULED", "DEFER");
        for (int i = 1; i < order.size(); i++) {
            assertThat(rank.indexOf(order.get(i))).as("queue order at %d: %s", i, order).isGreaterThanOrEqualTo(rank.indexOf(order.get(i - 1)));
        }
        assertThat(items).allSatisfy(i -> assertThat(i.getString("department")).isEqualTo("ICU"));
        JsonObject immediate = Api.get("/risk/queue?limit=500&outcome=immediate&q=" + TAG, "itsec").json();
        assertThat(immediate.getJsonNumber("total").longValue()).isEqualTo(1);
        Reply bad = Api.get("/risk/queue?outcome=soon", "itsec");
        assertThat(bad.status()).isEqualTo(422);

        // the operations dashboard's "due within 7 days": the immediate exposure is due in 72 hours, not yet overdue
        List<JsonObject> dueSoon = Api.get("/risk/queue?limit=500&dueWithinWeek=true", "itsec").json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(dueSoon).anySatisfy(i -> assertThat(i.getString("exposureId")).isEqualTo(exposure));
        java.time.Instant now = java.time.Instant.now();
        assertThat(dueSoon).allSatisfy(i -> {
            assertThat(java.time.Instant.parse(i.getString("dueAt"))).isAfter(now.minusSeconds(60))
                    .isBefore(now.plus(java.time.Duration.ofDays(7)));
            assertThat(i.getBoolean("overdue")).isFalse();
        });
        assertThat(Api.get("/risk/queue?dueWithinWeek=sometimes", "itsec").status()).isEqualTo(422);
    }

    @Test
    @Order(4)
    void a_device_taken_off_the_internet_is_decided_again_with_the_move_as_cause() throws Exception {
        JsonObject device = Api.get("/devices/" + TAG, "admin").json();
        JsonObject body = Json.createObjectBuilder(compounder(TAG, "ICU", "ISOLATED_NETWORK"))
                .add("version", device.getInt("version")).build();
        Reply r = Api.put("/devices/" + TAG, "admin", body.toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Instant until = Instant.now().plusSeconds(30);
        JsonObject d = settledDecision(exposure);
        while (!point(d, "SYSTEM_EXPOSURE").getString("value").equals("SMALL") && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            d = settledDecision(exposure);
        }
        assertThat(point(d, "SYSTEM_EXPOSURE").getString("value")).isEqualTo("SMALL");
        assertThat(point(d, "SYSTEM_EXPOSURE").getString("why")).startsWith("Isolated network");
        assertThat(d.getString("outcome")).isEqualTo("OUT_OF_CYCLE"); // active, small, yes, very high (row 55)
        JsonObject last = Api.get("/risk/exposures/" + exposure + "/decision/history", "itsec").array()
                .getValuesAs(JsonObject.class).getFirst();
        assertThat(last.getString("cause")).containsIgnoringCase("connectivity");
    }

    @Test
    @Order(5)
    void clinical_managers_see_only_their_departments_in_roll_ups_and_decisions() throws Exception {
        List<JsonObject> mine = Api.get("/risk/departments", "manager").array().getValuesAs(JsonObject.class);
        assertThat(mine).extracting(d -> d.getString("code")).containsExactlyInAnyOrder("ICU", "ED");
        JsonObject icu = mine.stream().filter(d -> d.getString("code").equals("ICU")).findFirst().orElseThrow();
        assertThat(icu.getJsonNumber("exposedDevices").longValue()).isPositive();
        assertThat(icu.getJsonNumber("outOfCycle").longValue()).isPositive();
        assertThat(Api.get("/risk/departments", "itsec").array()).hasSizeGreaterThan(2);

        String other = Api.get("/devices/" + OTHER_DEPT_TAG + "/exposures", "itsec").array().getValuesAs(JsonObject.class)
                .stream().filter(e -> e.getString("cve").equals(ETERNALBLUE)).findFirst().orElseThrow().getString("id");
        settledDecision(other);
        assertThat(Api.get("/risk/exposures/" + other + "/decision", "manager").status()).isEqualTo(404);
        assertThat(Api.get("/risk/exposures/" + exposure + "/decision", "manager").status()).isEqualTo(200);
        assertThat(Api.get("/risk/queue?limit=500", "manager").json().getJsonArray("items").getValuesAs(JsonObject.class))
                .allSatisfy(i -> assertThat(i.getString("department")).isIn("ICU", "ED"));

        JsonObject device = Api.get("/risk/devices/" + TAG, "manager").json();
        assertThat(device.getInt("openExposures")).isPositive();
        assertThat(device.getInt("score")).isEqualTo(Api.get("/risk/queue?limit=500&q=" + TAG, "itsec").json()
                .getJsonArray("items").getValuesAs(JsonObject.class).stream().mapToInt(i -> i.getInt("score")).max().orElse(0));
    }

    @Test
    @Order(6)
    void two_transactions_deciding_the_same_new_exposures_at_once_both_succeed_with_one_decision_each() {
        // the risk job and a control attachment (or an override, an acceptance) meeting on a new exposure: both read
        // "no decision yet" and both store one; the second used to fail with a duplicate key (500 to the user)
        org.patchcare.it.Probe.Answer race = org.patchcare.it.Probe.as("admin").call("risk/decisionRace", "rounds", "6");
        assertThat(race.ok()).as(race.toString()).isTrue();
        List<String> outcomes = race.array().getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
        assertThat(outcomes).hasSize(13);
        assertThat(outcomes.subList(0, 12)).as("every transaction of every round stores its decisions").containsOnly("stored");
        assertThat(outcomes.getLast()).matches("decided (\\d+) of \\1");
    }
}
