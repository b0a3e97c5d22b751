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
}
