package org.patchcare.risk.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Exposures of their own for the risk tests, independent of the demo data and of the other tests' advisories: a
 * test model, one device of it (internet reachable, in ICU, in its own network segment) and a vendor notice naming the
 * model, which makes the device affected at once. Also the users the approval rules need.
 */
public final class RiskFixtures {

    public static final String VENDOR = "PatchCare Test Devices";
    /** Network attack vector, no privileges, no interaction: automatable yes. */
    public static final String VECTOR = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    private RiskFixtures() {
    }

    /** One exposure and where it lives. */
    public record Exposure(String id, String assetTag, String cve, String segment, String modelId, String trackingId) {
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** A new exposure: model, device and vendor notice of their own. */
    public static Exposure exposure() {
        String suffix = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        String model = "Sentinel RM-" + suffix;
        String modelId = Probe.as("admin").call("fixture/model", "manufacturer", VENDOR, "model", model).value()
                .toString().replace("\"", "");
        String tag = "RISK-" + suffix;
        String segment = "VLAN-RISK-" + suffix;
        JsonObject device = Json.createObjectBuilder(Api.deviceJson(tag)).add("manufacturer", VENDOR).add("model", model)
                .add("connectivity", "INTERNET_REACHABLE").add("networkSegment", segment).add("department", "ICU").build();
        Reply created = Api.post("/devices", "admin", device.toString());
        if (created.status() != 201) {
            throw new AssertionError("device " + tag + ": " + created);
        }
        String cve = "CVE-2026-" + (60000 + ThreadLocalRandom.current().nextInt(39999));
        String trackingId = "RISK-IT-" + suffix;
        Reply notice = Api.post("/advisories/manual", "itsec", Json.createObjectBuilder()
                .add("trackingId", trackingId).add("title", "Remote code execution in " + model)
                .add("publisher", VENDOR).add("releaseDate", today().minusDays(1).toString()).add("vendor", VENDOR)
                .add("productName", model).add("affectedVersions", "all versions")
                .add("vulnerabilities", Json.createArrayBuilder().add(Json.createObjectBuilder().add("cve", cve)
                        .add("cvssVector", VECTOR).add("description", "Unauthenticated RCE")))
                .add("remediationCategory", "vendor_fix").add("remediationDetails", "Install the next release")
                .build().toString());
        if (notice.status() != 201) {
            throw new AssertionError("notice " + trackingId + ": " + notice);
        }
        List<JsonObject> exposures = Api.get("/devices/" + tag + "/exposures", "itsec").array()
                .getValuesAs(JsonObject.class);
        if (exposures.size() != 1) {
            throw new AssertionError("expected one exposure of " + tag + ": " + exposures);
        }
        return new Exposure(exposures.getFirst().getString("id"), tag, cve, segment, modelId, trackingId);
    }

    /** A control body covering one device. */
    public static JsonObject control(String title, String reference, String assetTag, String owner, LocalDate expiresOn) {
        return Json.createObjectBuilder().add("type", "IPS_IDS_RULE").add("title", title).add("reference", reference)
                .add("scope", "DEVICE").add("scopeKey", assetTag).add("owner", owner)
                .add("evidence", "Signature deployed on the perimeter IPS, blocking mode")
                .add("appliedOn", today().minusDays(10).toString()).add("expiresOn", expiresOn.toString()).build();
    }

    /** Records a control as IT security and answers its id. */
    public static String createControl(JsonObject body) {
        Reply r = Api.post("/controls", "itsec", body.toString());
        if (r.status() != 201) {
            throw new AssertionError("control: " + r);
        }
        return r.json().getJsonObject("control").getString("id");
    }

    public static Reply attach(String user, String controlId, String exposureId, String point) {
        return Api.post("/controls/" + controlId + "/attachments", user,
                "{\"exposureIds\":[\"" + exposureId + "\"],\"point\":\"" + point + "\"}");
    }

    /** Requests a risk acceptance as {@code user} (IT security or biomed) and answers it. */
    public static JsonObject request(String user, String exposureId, LocalDate until) {
        Reply r = Api.post("/acceptances", user, Json.createObjectBuilder().add("exposureId", exposureId)
                .add("reason", "No vendor patch yet; the device sits behind the perimeter IPS")
                .add("expiresOn", until.toString()).build().toString());
        if (r.status() != 201) {
            throw new AssertionError("acceptance: " + r);
        }
        return r.json();
    }

    /** The users the approval rules need besides the demo ones: a second IT security user, a radiology manager. */
    public static void users() {
        Probe admin = Probe.as("admin");
        admin.call("fixture/user", "username", "itsec2", "role", "IT_SECURITY").value();
        admin.call("fixture/user", "username", "radmanager", "role", "CLINICAL_MANAGER", "department", "RAD").value();
    }

    /** The exposure's decision once the risk job has made it (and it satisfies {@code until}), else a failure. */
    public static JsonObject decision(String exposureId, Predicate<JsonObject> until) {
        long deadline = System.currentTimeMillis() + 60_000;
        Reply last = null;
        while (System.currentTimeMillis() < deadline) {
            last = Api.get("/risk/exposures/" + exposureId + "/decision", "itsec");
            if (last.status() == 200 && until.test(last.json())) {
                return last.json();
            }
            sleep();
        }
        throw new AssertionError("decision of " + exposureId + " not as expected after 60 s: " + last);
    }

    public static JsonObject decision(String exposureId) {
        return decision(exposureId, d -> true);
    }

    /** The value of one decision point, e.g. SYSTEM_EXPOSURE → OPEN. */
    public static String point(JsonObject decision, String point) {
        return pointView(decision, point).getString("value");
    }

    public static JsonObject pointView(JsonObject decision, String point) {
        return decision.getJsonArray("points").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("point").equals(point)).findFirst().orElseThrow();
    }

    static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
