package org.patchcare.planning.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.risk.api.RiskFixtures;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans real devices on the real server: three exposed ICU devices (two in a redundancy group "at least 1 of 2"),
 * a short solve, the proposal checked by the downtime conflict check (one truth: what the solver calls feasible
 * passes ConflictService), accepted as submitted change requests; one approved, one rejected; planning again keeps
 * the approved window where it was and plans the rejected device anew. Roles: a clinical manager reads, may not plan.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanningFlowIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    static JsonObject start(String user, List<String> exposures, Instant from, Instant to) {
        JsonArrayBuilder ids = Json.createArrayBuilder();
        exposures.forEach(ids::add);
        Reply r = Api.post("/planning/runs", user, Json.createObjectBuilder().add("from", from.toString())
                .add("to", to.toString()).add("exposureIds", ids).add("timeLimitSeconds", 2).build().toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json();
    }

    static JsonObject finished(String runId) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        JsonObject run;
        do {
            Thread.sleep(500);
            run = Api.get("/planning/runs/" + runId, "biomed").json();
        } while ("SOLVING".equals(run.getString("status")) && Instant.now().isBefore(until));
        return run;
    }

    static Map<String, JsonObject> byTag(JsonObject run) {
        return run.getJsonArray("proposals").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(p -> p.getString("assetTag"), Function.identity()));
    }

    static JsonObject request(String id) {
        Reply r = Api.get("/change-requests/" + id, "itsec");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    static JsonObject act(String user, JsonObject request, String action) {
        Reply r = Api.post("/change-requests/" + request.getJsonObject("summary").getString("id") + "/" + action, user,
                Json.createObjectBuilder().add("version", request.getJsonObject("summary").getInt("version"))
                        .add("comment", "planning test").build().toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    @Test
    void plans_accepts_and_replans_keeping_what_was_approved() throws Exception {
        RiskFixtures.Exposure a = RiskFixtures.exposure();
        RiskFixtures.Exposure b = RiskFixtures.exposure();
        RiskFixtures.Exposure c = RiskFixtures.exposure();
        List<RiskFixtures.Exposure> all = List.of(a, b, c);
        all.forEach(x -> RiskFixtures.decision(x.id()));
        Reply group = Api.post("/redundancy-groups", "admin", Json.createObjectBuilder().add("name", "Planning IT "
                + a.assetTag()).add("departmentCode", "ICU").add("minimumAvailable", 1).add("assetTags",
                Json.createArrayBuilder().add(a.assetTag()).add(b.assetTag())).build().toString());
        assertThat(group.status()).as(group.toString()).isEqualTo(201);

        // a clinical manager may look, not plan
        Instant from = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.DAYS);
        Instant to = from.plus(Duration.ofDays(5));
        Reply refused = Api.post("/planning/runs", "manager", Json.createObjectBuilder().add("from", from.toString())
                .add("to", to.toString()).build().toString());
        assertThat(refused.status()).isEqualTo(403);
        Reply bad = Api.post("/planning/runs", "biomed", Json.createObjectBuilder().add("from", to.toString())
                .add("to", from.toString()).build().toString());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("to");

        JsonObject run = finished(start("biomed", all.stream().map(RiskFixtures.Exposure::id).toList(), from, to)
                .getString("id"));
        assertThat(run.getString("status")).isEqualTo("FINISHED");
        assertThat(run.getBoolean("feasible")).isTrue();
        assertThat(run.getString("baselineScore")).contains("hard");
        Map<String, JsonObject> first = byTag(run);
        assertThat(first).containsOnlyKeys(a.assetTag(), b.assetTag(), c.assetTag());
        JsonObject pa = first.get(a.assetTag());
        JsonObject pb = first.get(b.assetTag());
        assertThat(Instant.parse(pa.getString("end")).isAfter(Instant.parse(pb.getString("start")))
                && Instant.parse(pb.getString("end")).isAfter(Instant.parse(pa.getString("start"))))
                .as("the redundancy group's two devices are never down together").isFalse();
        first.values().forEach(p -> {
            assertThat(p.getString("technician")).isNotBlank();
            assertThat(Instant.parse(p.getString("start"))).isAfterOrEqualTo(from);
            assertThat(Instant.parse(p.getString("end"))).isBeforeOrEqualTo(to);
        });

        // one truth: the downtime conflict check finds nothing in the solver's feasible plan
        JsonArrayBuilder windows = Json.createArrayBuilder();
        first.values().forEach(p -> windows.add(Json.createObjectBuilder().add("assetTag", p.getString("assetTag"))
                .add("start", p.getString("start")).add("end", p.getString("end"))));
        Reply conflicts = Api.post("/windows/conflicts", "biomed", Json.createObjectBuilder().add("windows", windows)
                .build().toString());
        assertThat(conflicts.status()).as(conflicts.toString()).isEqualTo(200);
        assertThat(conflicts.array()).as(conflicts.toString()).isEmpty();

        // the manager reads the run (ICU is theirs)
        assertThat(Api.get("/planning/runs/" + run.getString("id"), "manager").json().getJsonArray("proposals"))
                .hasSize(3);
        // accepting: refused for a clinical manager, then all by biomed
        assertThat(Api.post("/planning/runs/" + run.getString("id") + "/accept", "manager", "{}").status())
                .isEqualTo(403);
        Reply accepted = Api.post("/planning/runs/" + run.getString("id") + "/accept", "biomed", "{}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        Map<String, JsonObject> acc = byTag(accepted.json());
        for (JsonObject p : acc.values()) {
            assertThat(p.getBoolean("accepted")).isTrue();
            JsonObject cr = request(p.getString("requestId"));
            assertThat(cr.getJsonObject("summary").getString("status")).isEqualTo("SUBMITTED");
            assertThat(cr.getJsonArray("conflicts")).as("ConflictService on the submitted request").isEmpty();
            assertThat(cr.getJsonArray("windows").getJsonObject(0).getString("start"))
                    .isEqualTo(p.getString("start"));
        }

        // approve a's request (IT security and the ICU manager), reject b's
        JsonObject crA = request(acc.get(a.assetTag()).getString("requestId"));
        crA = act("itsec", crA, "approve");
        crA = act("manager", crA, "approve");
        assertThat(crA.getJsonObject("summary").getString("status")).isEqualTo("APPROVED");
        JsonObject crB = request(acc.get(b.assetTag()).getString("requestId"));
        crB = act("itsec", crB, "reject");
        assertThat(crB.getJsonObject("summary").getString("status")).isEqualTo("REJECTED");

        // plan again: a stays where it was approved, b is planned anew, c waits for its approvals (not planned again)
        JsonObject again = finished(start("itsec", all.stream().map(RiskFixtures.Exposure::id).toList(), from, to)
                .getString("id"));
        assertThat(again.getBoolean("feasible")).isTrue();
        Map<String, JsonObject> second = byTag(again);
        assertThat(second).containsOnlyKeys(a.assetTag(), b.assetTag());
        assertThat(second.get(a.assetTag()).getBoolean("pinned")).isTrue();
        assertThat(second.get(a.assetTag()).getString("start")).isEqualTo(pa.getString("start"));
        assertThat(second.get(a.assetTag()).getString("end")).isEqualTo(pa.getString("end"));
        assertThat(second.get(b.assetTag()).getBoolean("pinned")).isFalse();
        JsonObject nb = second.get(b.assetTag());
        JsonObject na = second.get(a.assetTag());
        assertThat(Instant.parse(na.getString("end")).isAfter(Instant.parse(nb.getString("start")))
                && Instant.parse(nb.getString("end")).isAfter(Instant.parse(na.getString("start")))).isFalse();
    }
}
