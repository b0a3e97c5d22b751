package org.patchcare.planning.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.patchcare.risk.api.RiskFixtures;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Planning runs for the access-control table: one exposure planned in one second, one run at a time. */
public final class PlanningFixtures {

    private static volatile String shared;
    private static volatile String exposure;

    private PlanningFixtures() {
    }

    /** Waits until no run solves (one solve per node at a time). */
    public static void idle() {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until) && Api.get("/planning/runs?limit=5", "admin").array()
                .getValuesAs(JsonObject.class).stream().anyMatch(r -> "SOLVING".equals(r.getString("status")))) {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The body of a one-second run over one exposure (made once), after waiting for the node to be idle. */
    public static synchronized String startBody() {
        if (exposure == null) {
            RiskFixtures.Exposure e = RiskFixtures.exposure();
            RiskFixtures.decision(e.id());
            exposure = e.id();
        }
        idle();
        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
        return Json.createObjectBuilder().add("from", from.toString()).add("to", from.plus(Duration.ofDays(3))
                .toString()).add("exposureIds", Json.createArrayBuilder().add(exposure)).add("timeLimitSeconds", 1)
                .build().toString();
    }

    /** A run every role may read. */
    public static synchronized String sharedRun() {
        if (shared == null) {
            Reply r = Api.post("/planning/runs", "biomed", startBody());
            if (r.status() != 201) {
                throw new AssertionError("planning run: " + r);
            }
            shared = r.json().getString("id");
            idle();
        }
        return shared;
    }

    /** The technician's current values with its version (an unchanged save). */
    public static String technicianBody(String username) {
        JsonObject t = Api.get("/planning/technicians", "admin").array().getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getString("username").equals(username)).findFirst().orElseThrow();
        return Json.createObjectBuilder().add("dailyMinutes", t.getInt("dailyMinutes"))
                .add("skills", Json.createArrayBuilder(t.getJsonArray("skills"))).add("active", t.getBoolean("active"))
                .add("version", t.getInt("version")).build().toString();
    }

    /** A run still solving (20 s limit over the shared exposure), for one allowed stop. */
    public static synchronized String solvingRun() {
        Reply r = Api.post("/planning/runs", "admin", startBody().replace("\"timeLimitSeconds\":1",
                "\"timeLimitSeconds\":20"));
        if (r.status() != 201) {
            throw new AssertionError("planning run: " + r);
        }
        return r.json().getString("id");
    }

    /** A finished one-second run over an exposure of its own, for one allowed accept (one change request). */
    public static synchronized String finishedRunOfItsOwn() {
        RiskFixtures.Exposure e = RiskFixtures.exposure();
        RiskFixtures.decision(e.id());
        idle();
        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
        String body = Json.createObjectBuilder().add("from", from.toString()).add("to", from.plus(Duration.ofDays(3))
                .toString()).add("exposureIds", Json.createArrayBuilder().add(e.id())).add("timeLimitSeconds", 1)
                .build().toString();
        Reply r = Api.post("/planning/runs", "admin", body);
        if (r.status() != 201) {
            throw new AssertionError("planning run: " + r);
        }
        idle();
        return r.json().getString("id");
    }

    /** A vendor visit made by an administrator, for one allowed delete. */
    public static String vendorVisit() {
        Reply r = Api.post("/planning/vendor-visits", "admin", "{\"manufacturer\":\"Philips\","
                + "\"start\":\"2030-02-04T08:00:00Z\",\"end\":\"2030-02-04T16:00:00Z\"}");
        if (r.status() != 201) {
            throw new AssertionError("vendor visit: " + r);
        }
        return r.json().getString("id");
    }

    /** Low-census hours of ED made by an administrator, for one allowed delete. */
    public static String lowCensus() {
        Reply r = Api.post("/planning/low-census", "admin", "{\"departmentCode\":\"ED\",\"title\":\"Delete check "
                + System.nanoTime() + "\",\"days\":[\"SATURDAY\"],\"localStart\":\"02:00\",\"localEnd\":\"03:00\"}");
        if (r.status() != 201) {
            throw new AssertionError("low-census hours: " + r);
        }
        return r.json().getString("id");
    }
}
