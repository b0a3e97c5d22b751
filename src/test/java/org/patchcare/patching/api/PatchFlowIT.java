package org.patchcare.patching.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.api.DowntimeFixtures;
import org.patchcare.it.Deployments;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.patching.api.PatchFixtures.record;
import static org.patchcare.patching.api.PatchFixtures.rollBack;
import static org.patchcare.patching.api.PatchFixtures.start;
import static org.patchcare.patching.api.PatchFixtures.verify;

/**
 * Patch execution over REST on the real server: a scheduled request over two devices exposed to an advisory fixed in
 * a later version is worked device by device; the software versions change as lifecycle events, re-matching moves the
 * exposures to fixed and the request completes. Also a failed patch and its rollback, unplanned work, attachments,
 * and the refusals (403, 409, 422, 413).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PatchFlowIT {

    private static final String VENDOR = "PatchCare Patch Devices";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    /** A model of its own with {@code n} ICU devices on 4.1.0, and an advisory affecting versions up to 4.1.0. */
    private record Exposed(List<String> tags, String trackingId) {
    }

    private static Exposed exposed(int n) {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String model = "Infusa PX-" + suffix;
        Probe.as("admin").call("fixture/model", "manufacturer", VENDOR, "model", model).value();
        List<String> tags = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            String tag = "PATCH-" + suffix + "-" + i;
            Reply created = Api.post("/devices", "admin", Json.createObjectBuilder(Api.deviceJson(tag))
                    .add("manufacturer", VENDOR).add("model", model).add("softwareVersion", "4.1.0").build().toString());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            tags.add(tag);
        }
        String trackingId = "PATCH-IT-" + suffix;
        Reply notice = Api.post("/advisories/manual", "itsec", Json.createObjectBuilder()
                .add("trackingId", trackingId).add("title", "Remote code execution in " + model)
                .add("publisher", VENDOR).add("releaseDate", java.time.LocalDate.now().minusDays(3).toString())
                .add("vendor", VENDOR).add("productName", model).add("affectedVersions", "<= 4.1.0")
                .add("vulnerabilities", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("cve", "CVE-2026-" + (50000 + new java.util.Random().nextInt(9999)))
                        .add("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")))
                .add("remediationCategory", "vendor_fix").add("remediationDetails", "Install 4.2.0").build().toString());
        assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
        for (String tag : tags) {
            assertThat(state(tag, trackingId)).isEqualTo("AFFECTED");
        }
        return new Exposed(tags, trackingId);
    }

    private static String state(String tag, String trackingId) {
        return Api.get("/devices/" + tag + "/exposures", "itsec").array().getValuesAs(JsonObject.class).stream()
                .filter(x -> x.getString("trackingId").equals(trackingId)).map(x -> x.getString("state")).findFirst()
                .orElse("NONE");
    }

    /** Re-matching runs a few seconds after the change committed: poll with a deadline. */
    private static String awaitState(String tag, String trackingId, String wanted) throws InterruptedException {
        long until = System.currentTimeMillis() + 45_000;
        String s = state(tag, trackingId);
        while (!wanted.equals(s) && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            s = state(tag, trackingId);
        }
        return s;
    }

    /** The open exposures risk counts for the device (its roll-up), once the risk job has decided them: poll. */
    private static int awaitOpenRisk(String tag, int wanted) throws InterruptedException {
        long until = System.currentTimeMillis() + 45_000;
        int open = Api.get("/risk/devices/" + tag, "itsec").json().getInt("openExposures");
        while (open != wanted && System.currentTimeMillis() < until) {
            Thread.sleep(500);
            open = Api.get("/risk/devices/" + tag, "itsec").json().getInt("openExposures");
        }
        return open;
    }

    private static JsonObject device(String tag) {
        return Api.get("/devices/" + tag, "biomed").json();
    }

    private static List<JsonObject> timeline(String tag) {
        return Api.get("/devices/" + tag + "/timeline", "biomed").array().getValuesAs(JsonObject.class);
    }

    private static String requestStatus(String id) {
        return Api.get("/change-requests/" + id, "biomed").json().getJsonObject("summary").getString("status");
    }

    private static String field(Reply r) {
        return r.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    private static JsonObject ok(Reply r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.json();
    }

    @Test
    void two_devices_are_patched_one_by_one_their_exposures_close_by_rematching_and_the_request_completes()
            throws Exception {
        Exposed x = exposed(2);
        String a = x.tags().get(0);
        String b = x.tags().get(1);
        JsonObject cr = PatchFixtures.scheduled("biomed", List.of(a, b));
        String id = DowntimeFixtures.id(cr);
        String ref = cr.getJsonObject("summary").getString("reference");
        assertThat(awaitOpenRisk(a, 1)).as("risk decided the new exposure").isEqualTo(1);

        assertThat(start("manager", id, a).status()).as("clinical managers do not do the work").isEqualTo(403);
        JsonObject recA = ok(start("biomed", id, a));
        assertThat(recA.getString("status")).isEqualTo("IN_PROGRESS");
        assertThat(recA.getString("fromVersion")).isEqualTo("4.1.0");
        assertThat(recA.getString("changeRequestReference")).isEqualTo(ref);
        assertThat(requestStatus(id)).isEqualTo("IN_PROGRESS");
        assertThat(device(a).getString("status")).isEqualTo("OUT_OF_SERVICE");
        assertThat(timeline(a).getFirst().getString("type")).isEqualTo("TAKEN_OUT_OF_SERVICE");
        assertThat(timeline(a).getFirst().getString("comment")).startsWith("Planned downtime for " + ref);
        assertThat(start("biomed", id, a).status()).as("started once").isEqualTo(409);

        Reply early = DowntimeFixtures.act("biomed", id, Api.get("/change-requests/" + id, "biomed").json()
                .getJsonObject("summary").getInt("version"), "complete");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().getString("detail")).contains(a).contains("still out of service");

        Reply noVersion = Api.put("/patch-records/" + recA.getString("id") + "/work", "biomed", Json.createObjectBuilder()
                .add("version", recA.getInt("version")).add("action", "SOFTWARE_UPDATE").add("result", "SUCCESS")
                .build().toString());
        assertThat(noVersion.status()).as(noVersion.toString()).isEqualTo(422);
        assertThat(field(noVersion)).isEqualTo("toVersion");

        JsonObject recordedA = ok(record("biomed", recA, "4.2.0", "SUCCESS", "Installed from the service portal"));
        assertThat(recordedA.getString("status")).isEqualTo("RECORDED");
        assertThat(verify("biomed", recA).status()).as("stale version").isEqualTo(409);
        JsonObject verifiedA = ok(verify("itsec", recordedA));
        assertThat(verifiedA.getString("status")).isEqualTo("VERIFIED");
        assertThat(verifiedA.getString("verifiedBy")).isEqualTo("itsec");
        assertThat(device(a).getString("softwareVersion")).isEqualTo("4.2.0");
        assertThat(device(a).getString("status")).isEqualTo("IN_SERVICE");
        assertThat(timeline(a)).anySatisfy(e -> {
            assertThat(e.getString("type")).isEqualTo("SOFTWARE_CHANGED");
            assertThat(e.getString("from")).isEqualTo("4.1.0");
            assertThat(e.getString("to")).isEqualTo("4.2.0");
        });
        assertThat(requestStatus(id)).as("one device still to do").isEqualTo("IN_PROGRESS");
        assertThat(awaitState(a, x.trackingId(), "FIXED")).isEqualTo("FIXED");
        assertThat(awaitOpenRisk(a, 0)).as("risk decided the fixed exposure again: nothing open").isZero();
        assertThat(state(b, x.trackingId())).as("the other device still runs 4.1.0").isEqualTo("AFFECTED");

        JsonObject recB = ok(start("itsec", id, b));
        JsonObject recordedB = ok(record("itsec", recB, "4.2.0", "PARTIAL", "Second module needs a later visit"));
        ok(verify("biomed", recordedB));
        assertThat(requestStatus(id)).isEqualTo("COMPLETED");
        assertThat(awaitState(b, x.trackingId(), "FIXED")).isEqualTo("FIXED");

        JsonObject work = Api.get("/change-requests/" + id + "/devices", "manager").json();
        assertThat(work.getJsonArray("devices").getValuesAs(JsonObject.class))
                .allSatisfy(d -> assertThat(d.getJsonObject("record").getString("status")).isEqualTo("VERIFIED"));
        JsonObject list = Api.get("/patch-records?changeRequest=" + id, "manager").json();
        assertThat(list.getInt("total")).isEqualTo(2);
        assertThat(Api.get("/patch-records?changeRequest=" + id, "radmanager").json().getInt("total"))
                .as("another department's manager sees none of them").isZero();
        assertThat(Api.get("/patch-records/" + recA.getString("id"), "radmanager").status()).isEqualTo(404);
    }

    @Test
    void a_failed_patch_fails_the_request_and_its_rollback_returns_the_device_on_its_old_version() {
        String tag = DowntimeFixtures.device("ICU");
        JsonObject cr = PatchFixtures.scheduled("itsec", List.of(tag));
        String id = DowntimeFixtures.id(cr);
        JsonObject rec = ok(start("itsec", id, tag));

        Reply noNotes = record("itsec", rec, "4.2.0", "FAILED", "");
        assertThat(noNotes.status()).isEqualTo(422);
        assertThat(field(noNotes)).isEqualTo("notes");
        JsonObject failed = ok(record("itsec", rec, "4.2.0", "FAILED", "The device did not boot"));
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(requestStatus(id)).isEqualTo("FAILED");
        assertThat(device(tag).getString("status")).as("out of service until rolled back").isEqualTo("OUT_OF_SERVICE");
        Reply verifyFailed = verify("itsec", failed);
        assertThat(verifyFailed.status()).isEqualTo(409);
        assertThat(verifyFailed.json().getString("detail")).contains("rolled back");

        JsonObject rolled = ok(rollBack("biomed", failed));
        assertThat(rolled.getString("status")).isEqualTo("ROLLED_BACK");
        assertThat(rolled.getString("rollbackRestored")).contains("4.1.0");
        assertThat(device(tag).getString("status")).isEqualTo("IN_SERVICE");
        assertThat(device(tag).getString("softwareVersion")).isEqualTo("4.1.0");
        assertThat(timeline(tag)).noneMatch(e -> e.getString("type").equals("SOFTWARE_CHANGED"));
        assertThat(requestStatus(id)).isEqualTo("ROLLED_BACK");
    }

    @Test
    void unplanned_work_is_flagged_changes_the_software_and_closes_the_exposure_and_a_future_date_is_refused()
            throws Exception {
        Exposed x = exposed(1);
        String tag = x.tags().getFirst();
        Reply future = Api.post("/patch-records", "biomed", PatchFixtures.unplanned(tag, "4.2.0", -2));
        assertThat(future.status()).as(future.toString()).isEqualTo(422);
        assertThat(future.body()).contains("performedAt").contains("future");
        assertThat(Api.post("/patch-records", "manager", PatchFixtures.unplanned(tag, "4.2.0", 2)).status())
                .isEqualTo(403);

        Reply created = Api.post("/patch-records", "biomed", PatchFixtures.unplanned(tag, "4.2.0", 2));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location").orElse("")).endsWith(created.json().getString("id"));
        JsonObject rec = created.json();
        assertThat(rec.getBoolean("unplanned")).isTrue();
        assertThat(rec.getString("status")).isEqualTo("VERIFIED");
        assertThat(rec.containsKey("changeRequestId") && !rec.isNull("changeRequestId")).as("no request").isFalse();
        assertThat(rec.getString("fromVersion")).isEqualTo("4.1.0");
        assertThat(device(tag).getString("softwareVersion")).isEqualTo("4.2.0");
        assertThat(device(tag).getString("status")).isEqualTo("IN_SERVICE");
        assertThat(awaitState(tag, x.trackingId(), "FIXED")).isEqualTo("FIXED");

        JsonObject unplanned = Api.get("/patch-records?unplanned=true&device=" + tag, "itsec").json();
        assertThat(unplanned.getInt("total")).isEqualTo(1);
        assertThat(Api.get("/patch-records?unplanned=false&device=" + tag, "itsec").json().getInt("total")).isZero();

        Reply csv = Api.get("/patch-records?format=csv&device=" + tag, "itsec");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("id,changeRequest,assetTag");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains(tag, ",yes,VERIFIED,SOFTWARE_UPDATE,4.1.0,4.2.0,");
    }

    @Test
    void attachments_round_trip_with_the_same_sha256_and_oversized_or_forbidden_files_are_refused() throws Exception {
        JsonObject rec = PatchFixtures.started("biomed");
        String id = rec.getString("id");
        byte[] pdf = ("%PDF-1.4\n% service report " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        String sha = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));

        Reply up = PatchFixtures.upload("biomed", id, "service report.pdf", "application/pdf", pdf);
        assertThat(up.status()).as(up.toString()).isEqualTo(201);
        assertThat(up.json().getString("sha256")).isEqualTo(sha);
        assertThat(up.json().getInt("sizeBytes")).isEqualTo(pdf.length);
        String aid = up.json().getString("id");

        List<JsonObject> list = Api.get("/patch-records/" + id + "/attachments", "manager").array()
                .getValuesAs(JsonObject.class);
        assertThat(list).singleElement().satisfies(a -> assertThat(a.getString("fileName"))
                .isEqualTo("service report.pdf"));
        HttpResponse<byte[]> down = PatchFixtures.download("manager", "/patch-records/" + id + "/attachments/" + aid);
        assertThat(down.statusCode()).isEqualTo(200);
        assertThat(down.body()).isEqualTo(pdf);
        assertThat(HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(down.body())))
                .isEqualTo(sha);
        assertThat(down.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(down.headers().firstValue("Repr-Digest").orElse(""))
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha)) + ":");
        assertThat(Api.get("/patch-records/" + id, "biomed").json().getInt("attachments")).isEqualTo(1);

        Reply big = PatchFixtures.upload("biomed", id, "photo.png", "image/png", new byte[10 * 1024 * 1024 + 1]);
        assertThat(big.status()).as(big.toString()).isEqualTo(413);
        Reply exe = PatchFixtures.upload("biomed", id, "tool.exe", "application/x-msdownload", new byte[]{'M', 'Z'});
        assertThat(exe.status()).as(exe.toString()).isEqualTo(422);
        assertThat(field(exe)).isEqualTo("contentType");
        assertThat(PatchFixtures.upload("manager", id, "note.txt", "text/plain", new byte[]{'x'}).status())
                .isEqualTo(403);
        assertThat(Api.get("/patch-records/" + id + "/attachments", "biomed").array()).hasSize(1);
    }

    @Test
    void the_last_two_devices_verified_at_the_same_moment_still_complete_the_request() throws Exception {
        String a = DowntimeFixtures.device("ICU");
        String b = DowntimeFixtures.device("ICU");
        String id = DowntimeFixtures.id(PatchFixtures.scheduled("biomed", List.of(a, b)));
        JsonObject recA = ok(record("biomed", ok(start("biomed", id, a)), "4.2.0", "SUCCESS", "done"));
        JsonObject recB = ok(record("itsec", ok(start("itsec", id, b)), "4.2.0", "SUCCESS", "done"));

        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                together.await();
                return verify("biomed", recA);
            });
            var second = pool.submit(() -> {
                together.await();
                return verify("itsec", recB);
            });
            assertThat(first.get().status()).as(first.get().toString()).isEqualTo(200);
            assertThat(second.get().status()).as(second.get().toString()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(requestStatus(id)).as("neither saw the other device still open").isEqualTo("COMPLETED");
    }
}
