package org.patchcare.planning.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.patchcare.risk.api.RiskFixtures;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Planning runs for the access-control table: one exposure planned in one second, one run at a time. Runs that only
 * need to exist (reads, the next start) are stopped at once instead of waited for; only the runs an accept needs
 * solve to their one-second limit.
 */
public final class PlanningFixtures {

    private static volatile String shared;
    private static volatile String exposure;

    private PlanningFixtures() {
    }

    /**
     * Makes the node free for the next run (one solve per node at a time): a run still solving is stopped (its best
     * plan stays, as a user's stop leaves it) instead of waited for, then polled every 100 ms until the stop took
     * effect. The ITs run one at a time, so a run still solving here is a leftover of the calling test.
     */
    public static void idle() {
        Instant until = Instant.now().plusSeconds(30);
        java.util.Set<String> stopped = new java.util.HashSet<>();
        while (Instant.now().isBefore(until)) {
            java.util.List<JsonObject> solving = Api.get("/planning/runs?limit=5", "admin").array()
                    .getValuesAs(JsonObject.class).stream().filter(r -> "SOLVING".equals(r.getString("status"))).toList();
            if (solving.isEmpty()) {
                return;
            }
            solving.stream().map(r -> r.getString("id")).filter(stopped::add)
                    .forEach(id -> Api.post("/planning/runs/" + id + "/stop", "admin", "{}"));
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Waits until the given run is no longer solving (it ends at its time limit), polling every 100 ms. */
    private static void finished(String id) {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)
                && "SOLVING".equals(Api.get("/planning/runs/" + id, "admin").json().getString("status"))) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The body of a one-second run over one exposure (made once), after waiting for the node to be idle. */
    public static synchronized String startBody() {
        exposures();
        idle();
        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
        return Json.createObjectBuilder().add("from", from.toString()).add("to", from.plus(Duration.ofDays(3))
                .toString()).add("exposureIds", Json.createArrayBuilder().add(exposure)).add("timeLimitSeconds", 1)
                .build().toString();
    }

    /** A run every role may read: started, then stopped at once (a stopped run reads like any other). */
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

    /**
     * A run still solving (20 s limit over the shared exposure), for one allowed stop: the call stops it, so the limit
     * is never waited for (after a refused call, the next {@link #idle()} stops it).
     */
    public static synchronized String solvingRun() {
        Reply r = Api.post("/planning/runs", "admin", startBody().replace("\"timeLimitSeconds\":1",
                "\"timeLimitSeconds\":20"));
        if (r.status() != 201) {
            throw new AssertionError("planning run: " + r);
        }
        return r.json().getString("id");
    }

    /**
     * The shared exposure and two for accepts, made together: a new exposure is decided by the risk job's next tick
     * (every 5 s), so three made at once cost one wait instead of three.
     */
    private static void exposures() {
        if (exposure == null) {
            java.util.List<RiskFixtures.Exposure> made = java.util.List.of(RiskFixtures.exposure(),
                    RiskFixtures.exposure(), RiskFixtures.exposure());
            made.forEach(e -> RiskFixtures.decision(e.id()));
            exposure = made.get(0).id();
            FOR_ACCEPT.add(made.get(1).id());
            FOR_ACCEPT.add(made.get(2).id());
        }
    }

    private static final java.util.Deque<String> FOR_ACCEPT = new java.util.ArrayDeque<>();

    /** A finished one-second run over an exposure of its own, for one allowed accept (one change request). */
    public static synchronized String finishedRunOfItsOwn() {
        exposures();
        String own = FOR_ACCEPT.poll();
        if (own == null) {
            RiskFixtures.Exposure e = RiskFixtures.exposure();
            RiskFixtures.decision(e.id());
            own = e.id();
        }
        idle();
        Instant from = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.DAYS);
        String body = Json.createObjectBuilder().add("from", from.toString()).add("to", from.plus(Duration.ofDays(3))
                .toString()).add("exposureIds", Json.createArrayBuilder().add(own)).add("timeLimitSeconds", 1)
                .build().toString();
        Reply r = Api.post("/planning/runs", "admin", body);
        if (r.status() != 201) {
            throw new AssertionError("planning run: " + r);
        }
        String id = r.json().getString("id");
        finished(id); // the accept needs the plan the one-second solve ends with
        return id;
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
