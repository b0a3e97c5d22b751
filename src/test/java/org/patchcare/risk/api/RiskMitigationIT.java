package org.patchcare.risk.api;

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
import org.patchcare.it.Probe;
import org.patchcare.risk.api.RiskFixtures.Exposure;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.risk.api.RiskFixtures.attach;
import static org.patchcare.risk.api.RiskFixtures.control;
import static org.patchcare.risk.api.RiskFixtures.createControl;
import static org.patchcare.risk.api.RiskFixtures.decision;
import static org.patchcare.risk.api.RiskFixtures.point;
import static org.patchcare.risk.api.RiskFixtures.pointView;
import static org.patchcare.risk.api.RiskFixtures.today;

/**
 * Compensating controls, validation evidence, risk acceptances and expiry against the provisioned server, each on
 * exposures of its own (a test model, an internet-reachable ICU device, a vendor notice): what they do to the SSVC
 * decision, the work queue, the VEX export and the owners' notifications.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RiskMitigationIT {

    private static Exposure accepted;
    private static JsonObject acceptance;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    private static List<JsonObject> history(String exposureId) {
        return Api.get("/risk/exposures/" + exposureId + "/decision/history", "itsec").array().getValuesAs(JsonObject.class);
    }

    private static JsonObject expiryRun() {
        return Probe.as("admin").call("risk/expiry").object();
    }

    private static long queued(String assetTag) {
        return Api.get("/risk/queue?q=" + assetTag, "itsec").json().getJsonNumber("total").longValue();
    }

    @Test
    @Order(1)
    void an_ips_control_moves_an_internet_reachable_exposure_from_open_to_controlled_and_withdrawing_it_raises_it_again() {
        Exposure e = RiskFixtures.exposure();
        JsonObject before = decision(e.id());
        assertThat(point(before, "SYSTEM_EXPOSURE")).isEqualTo("OPEN");
        String ctl = createControl(control("Block RCE on " + e.assetTag(), "IPS-1234", e.assetTag(), "itsec",
                today().plusDays(60)));

        assertThat(attach("biomed", ctl, e.id(), "SYSTEM_EXPOSURE").status()).isEqualTo(403);
        Reply attached = attach("itsec", ctl, e.id(), "SYSTEM_EXPOSURE");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(200);
        assertThat(attached.json().getJsonObject("control").getInt("attachedExposures")).isEqualTo(1);
        assertThat(attached.json().getJsonArray("attachments").getJsonObject(0).getString("exposureId")).isEqualTo(e.id());

        JsonObject controlled = decision(e.id(), d -> point(d, "SYSTEM_EXPOSURE").equals("CONTROLLED"));
        assertThat(controlled.getInt("score")).isEqualTo(before.getInt("score") - 10);
        assertThat(pointView(controlled, "SYSTEM_EXPOSURE").getString("why"))
                .contains("IPS/IDS rule \"Block RCE on " + e.assetTag() + "\" (IPS-1234) moves open to controlled");
        assertThat(history(e.id()).getFirst().getString("cause")).isEqualTo("control IPS-1234 attached");

        Reply withdrawn = Api.post("/controls/" + ctl + "/withdraw", "itsec", "{\"reason\":\"rule retired with the old IPS\"}");
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().getJsonObject("control").getString("status")).isEqualTo("WITHDRAWN");
        JsonObject reopened = decision(e.id(), d -> point(d, "SYSTEM_EXPOSURE").equals("OPEN"));
        assertThat(reopened.getInt("score")).isEqualTo(before.getInt("score"));
        assertThat(history(e.id()).getFirst().getString("cause")).isEqualTo("control IPS-1234 withdrawn");
        assertThat(Api.post("/controls/" + ctl + "/withdraw", "itsec", "{\"reason\":\"again\"}").status()).isEqualTo(409);
    }

    @Test
    @Order(2)
    void a_control_is_refused_for_an_exposure_outside_its_scope_and_the_error_names_that_exposure() {
        Exposure inside = RiskFixtures.exposure();
        Exposure outside = RiskFixtures.exposure();
        String ctl = createControl(control("Block RCE on " + inside.assetTag(), "IPS-2000", inside.assetTag(), "itsec",
                today().plusDays(60)));
        Reply r = Api.post("/controls/" + ctl + "/attachments", "itsec", "{\"exposureIds\":[\"" + inside.id() + "\",\""
                + outside.id() + "\"],\"point\":\"SYSTEM_EXPOSURE\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertThat(error.getString("field")).isEqualTo("exposureIds[1]");
        assertThat(error.getString("message")).contains(outside.assetTag()).contains("outside the control's scope (Device "
                + inside.assetTag() + ")");
        assertThat(Api.get("/controls/" + ctl, "manager").json().getJsonObject("control").getInt("attachedExposures"))
                .as("nothing is attached when one exposure is outside").isZero();

        JsonObject stored = Api.get("/controls/" + ctl, "itsec").json().getJsonObject("control");
        Reply stale = Api.put("/controls/" + ctl, "itsec", Json.createObjectBuilder(control("Block RCE, renewed",
                "IPS-2000", inside.assetTag(), "itsec", today().plusDays(90))).add("version", stored.getInt("version") + 7)
                .build().toString());
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().getString("detail")).contains("changed by someone else");
        Reply renewed = Api.put("/controls/" + ctl, "itsec", Json.createObjectBuilder(control("Block RCE, renewed",
                "IPS-2000", inside.assetTag(), "itsec", today().plusDays(90))).add("version", stored.getInt("version"))
                .build().toString());
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
        assertThat(renewed.json().getJsonObject("control").getString("expiresOn")).isEqualTo(today().plusDays(90).toString());

        Reply noExpiry = Api.post("/controls", "itsec", Json.createObjectBuilder(control("x", "REF-X", inside.assetTag(),
                "itsec", today().plusDays(1))).remove("expiresOn").add("appliedOn", today().toString()).build().toString());
        assertThat(noExpiry.status()).isEqualTo(422);
        assertThat(noExpiry.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("expiresOn");
        Reply expiryBeforeApplied = Api.post("/controls", "itsec", Json.createObjectBuilder(control("x", "REF-X",
                inside.assetTag(), "itsec", today().plusDays(1))).add("appliedOn", today().plusDays(2).toString()).build()
                .toString());
        assertThat(expiryBeforeApplied.status()).isEqualTo(422);
        assertThat(expiryBeforeApplied.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("after the day the control was applied");
    }

    @Test
    @Order(3)
    void fresh_not_reachable_evidence_lowers_exposure_and_not_affected_reaches_the_vex_export_with_control_and_test() {
        Exposure e = RiskFixtures.exposure();
        decision(e.id());
        String ctl = createControl(Json.createObjectBuilder(control("Guest VLAN cannot reach " + e.segment(), "ACL-77",
                e.assetTag(), "itsec", today().plusDays(90))).add("type", "SEGMENTATION_ACL").add("scope", "SEGMENT")
                .add("scopeKey", e.segment()).build());
        assertThat(attach("itsec", ctl, e.id(), "AUTOMATABLE").status()).isEqualTo(200);
        assertThat(point(decision(e.id(), d -> point(d, "AUTOMATABLE").equals("NO")), "SYSTEM_EXPOSURE")).isEqualTo("OPEN");

        Reply stale = Api.post("/risk/exposures/" + e.id() + "/validations", "itsec", validation("NOT_REACHABLE",
                "MANUAL_CHECK", "nmap", today().minusDays(200).toString()));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(201);
        assertThat(stale.json().getBoolean("stale")).isTrue();
        assertThat(pointView(decision(e.id()), "SYSTEM_EXPOSURE").getString("why")).contains("stale and ignored");
        Reply refused = Api.post("/risk/exposures/" + e.id() + "/not-affected", "itsec", "{}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().getString("detail")).contains("no fresh validation");

        assertThat(Api.post("/risk/exposures/" + e.id() + "/validations", "biomed", validation("NOT_REACHABLE",
                "MANUAL_CHECK", "nmap", today().toString())).status()).isEqualTo(403);
        Reply fresh = Api.post("/risk/exposures/" + e.id() + "/validations", "itsec", validation("NOT_REACHABLE",
                "PENETRATION_TEST", "Pentest Q4 by Acme Security", today().minusDays(2).toString()));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);
        assertThat(fresh.json().getBoolean("current")).isTrue();
        JsonObject small = decision(e.id(), d -> point(d, "SYSTEM_EXPOSURE").equals("SMALL"));
        assertThat(pointView(small, "SYSTEM_EXPOSURE").getString("why")).contains("Penetration test").contains("not reachable");
        assertThat(Api.get("/risk/exposures/" + e.id() + "/validations", "manager").array()).hasSize(2);

        Reply notAffected = Api.post("/risk/exposures/" + e.id() + "/not-affected", "itsec",
                "{\"comment\":\"Confirmed with the vendor\"}");
        assertThat(notAffected.status()).as(notAffected.toString()).isEqualTo(200);
        assertThat(notAffected.json().getString("state")).isEqualTo("NOT_AFFECTED");
        assertThat(notAffected.json().getString("justification")).isEqualTo("INLINE_MITIGATIONS_ALREADY_EXIST");
        assertThat(notAffected.json().getString("stateReason")).contains("ACL-77").contains("Pentest Q4 by Acme Security")
                .contains("Confirmed with the vendor");

        JsonObject csaf = Api.get("/devices/" + e.assetTag() + "/vex", "manager").json();
        JsonObject vuln = csaf.getJsonArray("vulnerabilities").getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getString("cve").equals(e.cve())).findFirst().orElseThrow();
        assertThat(vuln.getJsonObject("product_status").containsKey("known_not_affected")).isTrue();
        assertThat(vuln.getJsonArray("flags").getJsonObject(0).getString("label")).isEqualTo("inline_mitigations_already_exist");
        assertThat(vuln.getJsonArray("threats").getValuesAs(JsonObject.class))
                .anySatisfy(t -> {
                    assertThat(t.getString("category")).isEqualTo("impact");
                    assertThat(t.getString("details")).contains("Network segmentation or ACL \"Guest VLAN cannot reach")
                            .contains("(ACL-77)").contains("Penetration test with Pentest Q4 by Acme Security");
                });
        JsonObject cdx = Api.get("/devices/" + e.assetTag() + "/vex?format=cyclonedx", "manager").json();
        assertThat(cdx.getJsonArray("vulnerabilities").getJsonObject(0).getJsonObject("analysis").getString("detail"))
                .contains("ACL-77");
    }

    @Test
    @Order(4)
    void a_risk_acceptance_needs_both_approvals_never_the_requesters_own_nor_another_departments_manager() {
        RiskFixtures.users();
        accepted = RiskFixtures.exposure();
        // found 100 days ago: its SLA clock runs from then until an acceptance expires
        Probe.as("admin").call("risk/date", "table", "exposure", "id", accepted.id(), "date",
                today().minusDays(100).toString()).value();
        decision(accepted.id());
        assertThat(queued(accepted.assetTag())).isEqualTo(1);
        JsonObject a = RiskFixtures.request("itsec", accepted.id(), today().plusDays(30));
        assertThat(a.getString("status")).isEqualTo("REQUESTED");
        String id = a.getString("id");
        Reply twice = Api.post("/acceptances", "biomed", "{\"exposureId\":\"" + accepted.id()
                + "\",\"reason\":\"x\",\"expiresOn\":\"" + today().plusDays(10) + "\"}");
        assertThat(twice.status()).as("one running acceptance per exposure").isEqualTo(409);
        Reply tooLong = Api.post("/acceptances", "biomed", "{\"exposureId\":\"" + accepted.id()
                + "\",\"reason\":\"x\",\"expiresOn\":\"" + today().plusDays(400) + "\"}");
        assertThat(tooLong.status()).isIn(409, 422);

        Reply own = Api.post("/acceptances/" + id + "/approve", "itsec", "{}");
        assertThat(own.status()).as(own.toString()).isEqualTo(422);
        assertThat(own.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("approver");
        assertThat(own.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("You requested this risk acceptance");
        Reply otherDepartment = Api.post("/acceptances/" + id + "/approve", "radmanager", "{}");
        assertThat(otherDepartment.status()).as(otherDepartment.toString()).isEqualTo(422);
        assertThat(otherDepartment.json().getJsonArray("errors").getJsonObject(0).getString("message"))
                .contains("Only a clinical manager assigned to Intensive Care Unit");
        assertThat(Api.post("/acceptances/" + id + "/approve", "biomed", "{}").status()).isEqualTo(403);
        assertThat(Api.post("/acceptances/" + id + "/approve", "admin", "{}").status()).isEqualTo(403);
        assertThat(ids(Api.get("/acceptances?awaitingMe=true", "manager").json())).contains(id);
        assertThat(ids(Api.get("/acceptances?awaitingMe=true", "radmanager").json())).doesNotContain(id);
        assertThat(Api.get("/acceptances/" + id, "radmanager").status()).as("other departments are not shown").isEqualTo(404);

        Reply clinical = Api.post("/acceptances/" + id + "/approve", "manager",
                "{\"comment\":\"ICU agrees until the vendor patch\",\"version\":" + a.getInt("version") + "}");
        assertThat(clinical.status()).as(clinical.toString()).isEqualTo(200);
        assertThat(clinical.json().getString("status")).isEqualTo("REQUESTED");
        assertThat(clinical.json().getString("clinicalApprover")).isEqualTo("manager");
        assertThat(queued(accepted.assetTag())).as("one approval changes nothing").isEqualTo(1);

        Reply stale = Api.post("/acceptances/" + id + "/approve", "itsec2", "{\"version\":" + a.getInt("version") + "}");
        assertThat(stale.status()).as("an approval on what the caller saw before the other one: " + stale).isEqualTo(409);
        Reply security = Api.post("/acceptances/" + id + "/approve", "itsec2",
                "{\"version\":" + clinical.json().getInt("version") + "}");
        assertThat(security.status()).as(security.toString()).isEqualTo(200);
        assertThat(security.json().getString("status")).isEqualTo("APPROVED");
        assertThat(security.json().getString("clinicalApprover")).as("no approval lost").isEqualTo("manager");
        assertThat(security.json().getString("securityApprover")).isEqualTo("itsec2");
        assertThat(Api.post("/acceptances/" + id + "/approve", "itsec2", "{}").status()).as("decided").isEqualTo(409);

        assertThat(queued(accepted.assetTag())).as("an approved acceptance takes the exposure out of the queue").isZero();
        assertThat(decision(accepted.id()).getString("acceptedUntil")).isEqualTo(today().plusDays(30).toString());
        acceptance = security.json();
    }

    @Test
    @Order(5)
    void when_the_acceptance_expires_the_exposure_returns_to_the_queue_with_its_sla_clock_restarted() {
        assertThat(acceptance).as("runs after the approval test").isNotNull();
        JsonObject before = decision(accepted.id());
        assertThat(Instant.parse(before.getString("clockStartedAt")))
                .isEqualTo(today().minusDays(100).atStartOfDay(ZoneOffset.UTC).toInstant());
        Probe.as("admin").call("risk/date", "table", "acceptance", "id", acceptance.getString("id"), "date",
                today().minusDays(1).toString()).value();
        assertThat(expiryRun().getInt("acceptancesExpired")).isGreaterThanOrEqualTo(1);
        assertThat(Api.get("/acceptances/" + acceptance.getString("id"), "itsec").json().getString("status"))
                .isEqualTo("EXPIRED");

        JsonObject after = decision(accepted.id(), d -> !d.containsKey("acceptedUntil") || d.isNull("acceptedUntil"));
        Instant restart = today().atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(Instant.parse(after.getString("clockStartedAt"))).isEqualTo(restart);
        assertThat(Instant.parse(after.getString("dueAt"))).isAfter(Instant.parse(before.getString("dueAt")));
        assertThat(queued(accepted.assetTag())).isEqualTo(1);
        JsonObject last = history(accepted.id()).getFirst();
        assertThat(last.getString("cause")).isEqualTo("risk acceptance expired: SLA clock restarts");
        assertThat(last.getString("detail")).startsWith("risk acceptance ended: back in the work queue");
        assertThat(history(accepted.id())).anySatisfy(h -> assertThat(h.getString("detail"))
                .isEqualTo("risk accepted until " + today().plusDays(30) + " (out of the work queue)"));
        assertThat(Api.get("/notifications", "itsec").array().getValuesAs(JsonObject.class))
                .anySatisfy(n -> assertThat(n.getString("subject"))
                        .isEqualTo("Risk acceptance ended: " + accepted.cve() + " on " + accepted.assetTag()));
    }

    @Test
    @Order(6)
    void owners_are_warned_once_ahead_of_expiry_and_an_expired_control_stops_counting() {
        RiskFixtures.users();
        Exposure e = RiskFixtures.exposure();
        decision(e.id());
        String title = "EDR block on " + e.assetTag();
        String ctl = createControl(control(title, "EDR-5", e.assetTag(), "itsec2", today().plusDays(5)));
        assertThat(attach("itsec", ctl, e.id(), "SYSTEM_EXPOSURE").status()).isEqualTo(200);
        decision(e.id(), d -> point(d, "SYSTEM_EXPOSURE").equals("CONTROLLED"));

        assertThat(expiryRun().getInt("warningsSent")).isGreaterThanOrEqualTo(1);
        expiryRun();
        List<JsonObject> mine = Api.get("/notifications?unread=true", "itsec2").array().getValuesAs(JsonObject.class)
                .stream().filter(n -> n.getString("subject").endsWith(title)).toList();
        assertThat(mine).as("one warning, however often the job runs").singleElement()
                .satisfies(n -> assertThat(n.getString("subject")).startsWith("Control expires on " + today().plusDays(5)));
        long unread = Api.get("/notifications/count", "itsec2").json().getJsonNumber("unread").longValue();
        Reply read = Api.post("/notifications/" + mine.getFirst().getString("id") + "/read", "itsec2", null);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(Api.get("/notifications/count", "itsec2").json().getJsonNumber("unread").longValue()).isEqualTo(unread - 1);
        assertThat(Api.post("/notifications/" + mine.getFirst().getString("id") + "/read", "itsec", null).status())
                .as("someone else's notification").isEqualTo(404);

        Probe.as("admin").call("risk/date", "table", "control", "id", ctl, "date", today().minusDays(1).toString())
                .value();
        assertThat(expiryRun().getInt("controlsExpired")).isGreaterThanOrEqualTo(1);
        assertThat(Api.get("/controls/" + ctl, "biomed").json().getJsonObject("control").getString("status"))
                .isEqualTo("EXPIRED");
        decision(e.id(), d -> point(d, "SYSTEM_EXPOSURE").equals("OPEN"));
        assertThat(history(e.id()).getFirst().getString("cause")).isEqualTo("control EDR-5 expired");
        assertThat(Api.get("/controls?expired=true&limit=500", "manager").json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).anySatisfy(c -> assertThat(c.getString("id")).isEqualTo(ctl));
    }

    private static String validation(String outcome, String method, String tool, String testedOn) {
        return Json.createObjectBuilder().add("outcome", outcome).add("method", method).add("tool", tool)
                .add("testedOn", testedOn).add("evidence", "Scan from the guest network: every port filtered")
                .build().toString();
    }

    private static List<String> ids(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream().map(a -> a.getString("id")).toList();
    }
}
