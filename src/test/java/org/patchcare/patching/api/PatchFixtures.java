package org.patchcare.patching.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.patchcare.downtime.api.DowntimeFixtures;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.util.List;

/**
 * Patch work of its own for the patching tests: scheduled change requests over new ICU devices (approved by IT
 * security and the ICU manager), and patch records brought to a state over the REST API.
 */
public final class PatchFixtures {

    private PatchFixtures() {
    }

    /**
     * A request of {@code requester} over {@code tags} (ICU devices), submitted, approved (IT security, or the second
     * IT security user when IT security requested, and the ICU manager) and scheduled.
     */
    public static JsonObject scheduled(String requester, List<String> tags) {
        DowntimeFixtures.users(); // the approvers; every test class gets a fresh deployment and database
        JsonObject d = DowntimeFixtures.create(requester, DowntimeFixtures.body("Patch " + String.join(", ", tags),
                tags, List.of(), 7).build());
        d = DowntimeFixtures.ok(requester, d, "submit");
        d = DowntimeFixtures.ok(requester.equals("itsec") ? "itsec2" : "itsec", d, "approve");
        d = DowntimeFixtures.ok("manager", d, "approve");
        d = DowntimeFixtures.ok(requester, d, "schedule");
        if (!DowntimeFixtures.status(d).equals("SCHEDULED")) {
            throw new AssertionError("expected SCHEDULED: " + d);
        }
        return d;
    }

    public static Reply start(String user, String requestId, String tag) {
        return Api.post("/change-requests/" + requestId + "/devices/" + tag + "/start", user, "{}");
    }

    /** A patch record in progress on a new device of a new scheduled request of {@code user}. */
    public static JsonObject started(String user) {
        String tag = DowntimeFixtures.device("ICU");
        JsonObject cr = scheduled(user, List.of(tag));
        Reply r = start(user, DowntimeFixtures.id(cr), tag);
        if (r.status() != 201) {
            throw new AssertionError("start " + tag + ": " + r);
        }
        return r.json();
    }

    public static String work(int version, String to, String result, String notes) {
        return Json.createObjectBuilder().add("version", version).add("action", "SOFTWARE_UPDATE").add("toVersion", to)
                .add("vendorEngineer", "J. Miller (vendor)").add("notes", notes).add("result", result).build()
                .toString();
    }

    public static Reply record(String user, JsonObject rec, String to, String result, String notes) {
        return Api.put("/patch-records/" + rec.getString("id") + "/work", user,
                work(rec.getInt("version"), to, result, notes));
    }

    /** Started and recorded as a success (4.2.0 installed). */
    public static JsonObject recorded(String user) {
        Reply r = record(user, started(user), "4.2.0", "SUCCESS", "Firmware installed from the service portal");
        if (r.status() != 200) {
            throw new AssertionError("record: " + r);
        }
        return r.json();
    }

    /** Started and recorded as failed. */
    public static JsonObject failed(String user) {
        Reply r = record(user, started(user), "4.2.0", "FAILED", "The device did not boot after the update");
        if (r.status() != 200) {
            throw new AssertionError("record failed: " + r);
        }
        return r.json();
    }

    public static Reply verify(String user, JsonObject rec) {
        return Api.post("/patch-records/" + rec.getString("id") + "/verify", user, Json.createObjectBuilder()
                .add("version", rec.getInt("version")).add("functionalCheck", "Self-test passed, alarms tested")
                .add("returnedToService", true).build().toString());
    }

    public static Reply rollBack(String user, JsonObject rec) {
        return Api.post("/patch-records/" + rec.getString("id") + "/roll-back", user, Json.createObjectBuilder()
                .add("version", rec.getInt("version")).add("restored", "Firmware 4.1.0 reinstalled from the USB key")
                .add("notes", "Vendor informed").build().toString());
    }

    /** An unplanned-work body for a device, done {@code daysAgo} days ago. */
    public static String unplanned(String tag, String to, int daysAgo) {
        java.time.Instant done = java.time.Instant.now().minus(java.time.Duration.ofDays(daysAgo));
        return Json.createObjectBuilder().add("assetTag", tag).add("action", "SOFTWARE_UPDATE").add("toVersion", to)
                .add("vendorEngineer", "Vendor field engineer").add("result", "SUCCESS")
                .add("performedAt", done.toString()).add("functionalCheck", "Vendor's test protocol passed")
                .add("verifiedAt", done.plusSeconds(1800).toString()).build().toString();
    }

    /** Uploads bytes as a file; {@code Api} only sends JSON, so the call is made here. */
    public static Reply upload(String user, String recordId, String fileName, String contentType, byte[] bytes) {
        var request = org.patchcare.it.ItConfig.request(Api.BASE + "/patch-records/" + recordId + "/attachments?fileName="
                        + java.net.URLEncoder.encode(fileName, java.nio.charset.StandardCharsets.UTF_8), user,
                        user == null ? null : org.patchcare.it.ItConfig.password(user))
                .header("Accept", "application/json, application/problem+json").header("Content-Type", contentType)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        try {
            var r = org.patchcare.it.ItConfig.http().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Downloads bytes. */
    public static java.net.http.HttpResponse<byte[]> download(String user, String path) {
        var request = org.patchcare.it.ItConfig.request(Api.BASE + path, user, org.patchcare.it.ItConfig.password(user))
                .GET().build();
        try {
            return org.patchcare.it.ItConfig.http().send(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
