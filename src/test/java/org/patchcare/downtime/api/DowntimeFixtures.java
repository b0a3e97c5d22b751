package org.patchcare.downtime.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Change requests of their own for the downtime tests: devices in a department, drafts with windows a week ahead,
 * and the way to bring a request to any state over the REST API. The approvers: "manager" (ICU and ED), "itsec",
 * and "radmanager" (RAD, created by {@link #users()}).
 */
public final class DowntimeFixtures {

    private static volatile boolean usersMade;
    private static final java.util.concurrent.atomic.AtomicInteger SLOTS = new java.util.concurrent.atomic.AtomicInteger();

    private DowntimeFixtures() {
    }

    /** Users besides the demo ones: a radiology manager, a second IT security user, a second ICU manager. */
    public static void users() {
        Probe admin = Probe.as("admin");
        admin.call("fixture/user", "username", "radmanager", "role", "CLINICAL_MANAGER", "department", "RAD").value();
        admin.call("fixture/user", "username", "itsec2", "role", "IT_SECURITY").value();
        admin.call("fixture/user", "username", "icumanager2", "role", "CLINICAL_MANAGER", "department", "ICU").value();
    }

    /** A new device in the department; answers its asset tag. */
    public static String device(String department) {
        String tag = Api.newTag();
        Reply r = Api.post("/devices", "admin", Json.createObjectBuilder(Api.deviceJson(tag))
                .add("department", department).build().toString());
        if (r.status() != 201) {
            throw new AssertionError("device " + tag + ": " + r);
        }
        return tag;
    }

    public static Instant daysAhead(int days) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(days));
    }

    /**
     * A start {@code days} ahead (or a little later) in a two-hour slot of its own, between 17:30 and 23:30 UTC: the
     * fixtures' technician is never double-booked, no window falls into the demo's blackouts (ICU nights from 22:00
     * New York time) and none meets the demo's own requests (14:00 UTC), whatever the time the tests run.
     */
    public static Instant slot(int days) {
        int n = SLOTS.getAndIncrement();
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(days + n / 3L))
                .plus(Duration.ofMinutes(17 * 60 + 30 + (n % 3) * 120L));
    }

    /** A draft body: one two-hour window per device in a {@link #slot} {@code days} ahead. */
    public static JsonObjectBuilder body(String title, List<String> tags, List<String> exposures, int days) {
        JsonArrayBuilder windows = Json.createArrayBuilder();
        JsonArrayBuilder assetTags = Json.createArrayBuilder();
        Instant start = slot(days);
        for (String t : tags) {
            assetTags.add(t);
            windows.add(Json.createObjectBuilder().add("assetTag", t).add("start", start.toString())
                    .add("end", start.plus(Duration.ofHours(2)).toString()));
        }
        JsonArrayBuilder exposureIds = Json.createArrayBuilder();
        exposures.forEach(exposureIds::add);
        return Json.createObjectBuilder().add("kind", "PATCH").add("title", title)
                .add("plannedAction", "Install firmware 4.2 from the vendor's service portal")
                .add("vendorReference", "VND-42").add("manufacturerValidated", true).add("expectedMinutes", 90)
                .add("clinicalImpact", "Pumps swapped bed by bed").add("backupEquipment", "Two loan pumps")
                .add("rollbackPlan", "Reinstall 4.1 from the USB key").add("technician", "biomed")
                .add("assetTags", assetTags).add("exposureIds", exposureIds).add("windows", windows);
    }

    public static JsonObject draft(String user, List<String> tags) {
        return create(user, body("Patch " + String.join(", ", tags), tags, List.of(), 7).build());
    }

    public static JsonObject create(String user, JsonObject body) {
        Reply r = Api.post("/change-requests", user, body.toString());
        if (r.status() != 201) {
            throw new AssertionError("change request: " + r);
        }
        return r.json();
    }

    public static String id(JsonObject details) {
        return details.getJsonObject("summary").getString("id");
    }

    public static int version(JsonObject details) {
        return details.getJsonObject("summary").getInt("version");
    }

    public static String status(JsonObject details) {
        return details.getJsonObject("summary").getString("status");
    }

    /** POSTs an action with the version and optional extra fields (name, value pairs). */
    public static Reply act(String user, JsonObject details, String action, String... extra) {
        return act(user, id(details), version(details), action, extra);
    }

    public static Reply act(String user, String id, int version, String action, String... extra) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("version", version);
        for (int i = 0; i < extra.length; i += 2) {
            b.add(extra[i], extra[i + 1]);
        }
        return Api.post("/change-requests/" + id + "/" + action, user, b.build().toString());
    }

    /** An action that must succeed; answers the request after it. */
    public static JsonObject ok(String user, JsonObject details, String action, String... extra) {
        Reply r = act(user, details, action, extra);
        if (r.status() != 200) {
            throw new AssertionError(action + " as " + user + ": " + r);
        }
        return r.json();
    }

    /**
     * A request of {@code requester} for one new ICU device, brought to {@code status} (DRAFT, SUBMITTED, APPROVED,
     * SCHEDULED, IN_PROGRESS or FAILED) by the demo users.
     */
    public static JsonObject inState(String requester, String status) {
        if (!usersMade) {
            users();
            usersMade = true;
        }
        JsonObject d = draft(requester, List.of(device("ICU")));
        List<String> path = List.of("DRAFT", "SUBMITTED", "APPROVED", "SCHEDULED", "IN_PROGRESS", "FAILED");
        int target = path.indexOf(status);
        if (target >= 1) {
            d = ok(requester, d, "submit");
        }
        if (target >= 2) {
            d = ok(requester.equals("itsec") ? "itsec2" : "itsec", d, "approve");
            d = ok("manager", d, "approve");
        }
        if (target >= 3) {
            d = ok(requester, d, "schedule");
        }
        if (target >= 4) {
            d = ok(requester, d, "start");
        }
        if (target >= 5) {
            d = ok(requester, d, "fail", "comment", "device did not boot");
        }
        if (!status(d).equals(status)) {
            throw new AssertionError("expected " + status + ": " + d);
        }
        return d;
    }
}
