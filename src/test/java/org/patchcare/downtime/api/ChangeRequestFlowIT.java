package org.patchcare.downtime.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.Mailbox;
import org.patchcare.it.Probe;
import org.patchcare.risk.api.RiskFixtures;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.downtime.api.DowntimeFixtures.act;
import static org.patchcare.downtime.api.DowntimeFixtures.body;
import static org.patchcare.downtime.api.DowntimeFixtures.create;
import static org.patchcare.downtime.api.DowntimeFixtures.device;
import static org.patchcare.downtime.api.DowntimeFixtures.draft;
import static org.patchcare.downtime.api.DowntimeFixtures.id;
import static org.patchcare.downtime.api.DowntimeFixtures.ok;
import static org.patchcare.downtime.api.DowntimeFixtures.status;
import static org.patchcare.downtime.api.DowntimeFixtures.version;

/**
 * The change-request workflow over REST with several users: approvals by IT security and a clinical manager of each
 * department, rejection, another window proposed, scheduling to completion, refused moves, the emergency path, the
 * job's escalation, reminder and expiry, and two approvers racing with the same version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChangeRequestFlowIT {

    private static String waiting;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @BeforeAll
    static void users() {
        DowntimeFixtures.users();
        Mailbox.start();
    }

    /** The mail to a demo user whose subject contains {@code subjectPart}; its deep link opens the request. */
    private static void mailed(String user, String subjectPart, String requestId) {
        Mailbox.Mail m = Mailbox.await(Mailbox.demoAddress(user), subjectPart);
        assertThat(m.subject()).startsWith("[PatchCare] ");
        assertThat(m.deepLink()).isEqualTo(ItConfig.baseUrl() + "/change-requests/" + requestId);
    }

    private static List<JsonObject> notifications(String user) {
        return Api.get("/notifications", user).array().getValuesAs(JsonObject.class);
    }

    private static long told(String user, String subjectPart) {
        return notifications(user).stream().filter(n -> n.getString("subject").contains(subjectPart)).count();
    }

    private static JsonObject get(String id, String user) {
        Reply r = Api.get("/change-requests/" + id, user);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static List<JsonObject> approvals(JsonObject d) {
        return d.getJsonArray("approvals").getValuesAs(JsonObject.class);
    }

    private static JsonObject slot(JsonObject d, String slotPrefix) {
        return approvals(d).stream().filter(a -> a.getString("slot").startsWith(slotPrefix)).findFirst().orElseThrow();
    }

    private static String field(Reply r) {
        return r.json().getJsonArray("errors").getJsonObject(0).getString("field");
    }

    @Test
    @Order(1)
    void a_request_over_two_departments_needs_both_clinical_managers_and_it_security_then_runs_to_completion() {
        String icu = device("ICU");
        String rad = device("RAD");
        JsonObject d = create("itsec", body("Firmware 4.2 for ICU and radiology", List.of(icu, rad), List.of(), 7)
                .build());
        assertThat(status(d)).isEqualTo("DRAFT");
        assertThat(d.getJsonArray("windows")).hasSize(2);
        assertThat(d.getJsonArray("windows").getJsonObject(0).getString("zoneId")).isNotBlank();
        assertThat(d.getJsonArray("allowedActions").toString()).contains("submit");
        assertThat(d.getJsonObject("summary").getString("reference")).startsWith("CR-");

        d = ok("itsec", d, "submit", "comment", "please approve");
        assertThat(status(d)).isEqualTo("SUBMITTED");
        assertThat(approvals(d)).extracting(a -> a.getString("status")).containsOnly("PENDING");
        assertThat(approvals(d)).hasSize(3);
        assertThat(told("manager", "Approval needed: " + d.getJsonObject("summary").getString("reference")))
                .isEqualTo(1);
        assertThat(told("radmanager", "Approval needed: " + d.getJsonObject("summary").getString("reference")))
                .isEqualTo(1);
        String id = id(d);
        mailed("manager", "Approval needed: " + d.getJsonObject("summary").getString("reference"), id);
        assertThat(Api.get("/change-requests/awaiting-my-approval", "manager").array().toString()).contains(id);
        assertThat(Api.get("/change-requests/awaiting-my-approval", "itsec").array().toString())
                .as("not the requester's own").doesNotContain(id);

        Reply own = act("itsec", d, "approve");
        assertThat(own.status()).as(own.toString()).isEqualTo(422);
        assertThat(field(own)).isEqualTo("approver");
        assertThat(own.body()).contains("cannot decide on it");
        Reply biomed = act("biomed", d, "approve");
        assertThat(biomed.status()).isEqualTo(403);

        d = ok("manager", d, "approve", "comment", "ICU fine on that morning");
        d = ok("radmanager", d, "approve");
        assertThat(status(d)).isEqualTo("SUBMITTED");
        Reply again = act("manager", d, "approve");
        assertThat(again.status()).as(again.toString()).isEqualTo(422);
        assertThat(again.body()).contains("must come from a different person");
        d = ok("itsec2", d, "approve");
        assertThat(status(d)).isEqualTo("APPROVED");
        assertThat(approvals(d)).extracting(a -> a.getString("decidedBy"))
                .containsExactlyInAnyOrder("manager", "radmanager", "itsec2");
        assertThat(d.getJsonArray("windows").getValuesAs(JsonObject.class)).extracting(w -> w.getString("status"))
                .containsOnly("APPROVED");
        assertThat(told("itsec", d.getJsonObject("summary").getString("reference") + " approved by manager"))
                .isEqualTo(1);
        mailed("itsec", d.getJsonObject("summary").getString("reference") + " approved by manager", id);

        d = ok("biomed", d, "schedule");
        d = ok("biomed", d, "start", "comment", "technician on site");
        assertThat(d.getJsonArray("windows").getJsonObject(0).getString("status")).isEqualTo("IN_PROGRESS");
        d = ok("biomed", d, "complete", "comment", "all devices back in service");
        assertThat(status(d)).isEqualTo("COMPLETED");
        assertThat(d.getJsonArray("windows").getJsonObject(0).getString("status")).isEqualTo("DONE");
        assertThat(d.getJsonArray("transitions").getValuesAs(JsonObject.class)).extracting(t -> t.getString("to"))
                .containsExactly("DRAFT", "SUBMITTED", "APPROVED", "SCHEDULED", "IN_PROGRESS", "COMPLETED");
        assertThat(d.getJsonArray("transitions").getJsonObject(5).getString("actor")).isEqualTo("biomed");
        assertThat(told("manager", "completed: Firmware 4.2 for ICU and radiology")).isEqualTo(1);
        assertThat(told("itsec", "completed: Firmware 4.2 for ICU and radiology")).isEqualTo(1);
        mailed("manager", "completed: Firmware 4.2 for ICU and radiology", id);

        Reply illegal = act("biomed", d, "start");
        assertThat(illegal.status()).as(illegal.toString()).isEqualTo(409);
        assertThat(illegal.contentType()).startsWith("application/problem+json");
        assertThat(illegal.json().getString("detail")).isEqualTo("A change request that is completed cannot become in "
                + "progress. It is finished; create a new request if more work is needed.");
        assertThat(Api.get("/devices/" + icu + "/history", "admin").status()).isEqualTo(200);
        String history = Probe.as("admin").call("audit/history", "type", "ChangeRequest", "key", id).value().toString();
        assertThat(history).contains("completed").contains("approved as clinical manager");

        JsonObject suggestion = Api.get("/change-requests/duration-suggestion?assetTag=" + icu, "manager").json();
        assertThat(suggestion.getString("reason")).contains("earlier completed change request");
        assertThat(Api.get("/change-requests?status=COMPLETED&q=" + d.getJsonObject("summary").getString("reference"),
                "manager").json().getInt("total")).isEqualTo(1);
        assertThat(Api.get("/change-requests?q=" + d.getJsonObject("summary").getString("reference"), "radmanager")
                .json().getInt("total")).isEqualTo(1);
    }

    @Test
    @Order(2)
    void a_rejection_needs_a_reason_and_ends_the_request_and_a_stale_version_is_refused() {
        JsonObject d = ok("biomed", draft("biomed", List.of(device("ICU"))), "submit");
        Reply stale = act("manager", id(d), version(d) - 1, "approve");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().getString("detail")).contains("changed by someone else");
        Reply noReason = act("manager", d, "reject");
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(field(noReason)).isEqualTo("comment");
        d = ok("manager", d, "reject", "comment", "no loan pump available that week");
        assertThat(status(d)).isEqualTo("REJECTED");
        assertThat(slot(d, "SECURITY").getString("status")).isEqualTo("WITHDRAWN");
        assertThat(d.getJsonArray("windows").getJsonObject(0).getString("status")).isEqualTo("CANCELLED");
        assertThat(told("biomed", d.getJsonObject("summary").getString("reference") + " rejected by manager"))
                .isEqualTo(1);
        Reply radmanager = Api.get("/change-requests/" + id(d), "radmanager");
        assertThat(radmanager.status()).as("clinical managers see their departments only").isEqualTo(404);
    }

    @Test
    @Order(3)
    void proposing_another_window_sends_the_request_back_to_draft_and_resubmitting_asks_everybody_again() {
        String tag = device("ICU");
        JsonObject d = ok("biomed", draft("biomed", List.of(tag)), "submit");
        d = ok("itsec", d, "approve");
        Instant start = DowntimeFixtures.daysAhead(9);
        Reply noTimes = act("manager", d, "propose", "comment", "later");
        assertThat(noTimes.status()).isEqualTo(422);
        d = ok("manager", d, "propose", "comment", "the ward is quieter on Sunday", "proposedStart", start.toString(),
                "proposedEnd", start.plus(Duration.ofHours(3)).toString());
        assertThat(status(d)).isEqualTo("DRAFT");
        assertThat(slot(d, "DEPARTMENT").getString("status")).isEqualTo("PROPOSED_OTHER_WINDOW");
        assertThat(slot(d, "DEPARTMENT").getString("proposedStart")).isEqualTo(start.toString());
        assertThat(told("biomed", "proposed another window by manager")).isGreaterThanOrEqualTo(1);

        JsonObject edited = Json.createObjectBuilder(body("Patch " + tag, List.of(tag), List.of(), 9).build())
                .add("version", version(d)).build();
        Reply put = Api.put("/change-requests/" + id(d), "biomed", edited.toString());
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        d = ok("biomed", put.json(), "submit", "comment", "moved to Sunday");
        assertThat(approvals(d)).extracting(a -> a.getString("status")).containsOnly("PENDING");
        d = ok("itsec", d, "approve");
        d = ok("manager", d, "approve");
        assertThat(status(d)).isEqualTo("APPROVED");
        Reply cancelled = act("biomed", d, "cancel", "comment", "vendor postponed the release");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(status(cancelled.json())).isEqualTo("CANCELLED");
    }

    @Test
    @Order(4)
    void a_failed_change_is_rolled_back_and_an_illegal_move_names_the_possible_states() {
        JsonObject d = DowntimeFixtures.inState("biomed", "FAILED");
        Reply complete = act("biomed", d, "complete");
        assertThat(complete.status()).isEqualTo(409);
        assertThat(complete.json().getString("detail")).isEqualTo("A change request that is failed cannot become "
                + "completed. From here it can become: rolled back.");
        d = ok("itsec", d, "roll-back", "comment", "4.1 restored");
        assertThat(status(d)).isEqualTo("ROLLED_BACK");
        Reply noVersion = Api.post("/change-requests/" + id(d) + "/cancel", "biomed", "{}");
        assertThat(noVersion.status()).isEqualTo(422);
        assertThat(field(noVersion)).isEqualTo("version");
    }

    @Test
    @Order(5)
    void an_emergency_starts_on_one_clinical_approval_and_needs_an_immediate_exposure() {
        RiskFixtures.Exposure e = RiskFixtures.exposure();
        Reply refused = Api.post("/change-requests", "itsec", Json.createObjectBuilder(body("Emergency " + e.assetTag(),
                List.of(e.assetTag()), List.of(e.id()), 3).build()).add("emergency", true).build().toString());
        if (!RiskFixtures.decision(e.id()).getString("outcome").equals("IMMEDIATE")) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
            assertThat(field(refused)).isEqualTo("emergency");
        }
        Reply override = Api.put("/risk/exposures/" + e.id() + "/decision/overrides/EXPLOITATION", "itsec",
                "{\"value\":\"ACTIVE\",\"reason\":\"exploited in the wild per vendor\"}");
        assertThat(override.status()).as(override.toString()).isEqualTo(200);
        Reply impact = Api.put("/risk/exposures/" + e.id() + "/decision/overrides/HUMAN_IMPACT", "itsec",
                "{\"value\":\"VERY_HIGH\",\"reason\":\"the test device keeps patients alive\"}");
        assertThat(impact.status()).as(impact.toString()).isEqualTo(200);
        RiskFixtures.decision(e.id(), x -> x.getString("outcome").equals("IMMEDIATE"));

        JsonObject d = create("itsec", Json.createObjectBuilder(body("Emergency " + e.assetTag(),
                List.of(e.assetTag()), List.of(e.id()), 3).build()).add("emergency", true).build());
        assertThat(d.getJsonArray("exposures").getJsonObject(0).getString("outcome")).isEqualTo("IMMEDIATE");
        d = ok("itsec", d, "submit");
        d = ok("manager", d, "approve", "comment", "go ahead, ward informed");
        assertThat(status(d)).isEqualTo("APPROVED");
        assertThat(d.getJsonObject("summary").getBoolean("needsReview")).isTrue();
        JsonObject security = slot(d, "SECURITY");
        assertThat(security.getString("status")).isEqualTo("PENDING");
        assertThat(security.getBoolean("afterStart")).isTrue();
        d = ok("itsec", d, "schedule");
        d = ok("itsec", d, "start");
        assertThat(Api.get("/change-requests/awaiting-my-approval", "itsec2").array().toString()).contains(id(d));
        d = ok("itsec2", d, "approve", "comment", "reviewed afterwards");
        assertThat(status(d)).isEqualTo("IN_PROGRESS");
        assertThat(d.getJsonObject("summary").getBoolean("needsReview")).isFalse();
    }

    @Test
    @Order(6)
    void approvals_pending_too_long_escalate_once_to_the_departments_managers_and_the_administrators() {
        JsonObject d = ok("biomed", draft("biomed", List.of(device("ICU"))), "submit");
        waiting = id(d);
        String reference = d.getJsonObject("summary").getString("reference");
        Probe.as("admin").call("downtime/job", "at", Instant.now().plus(Duration.ofHours(1)).toString()).value();
        assertThat(told("admin", "Overdue approval: " + reference)).isZero();
        JsonObject run = Probe.as("admin").call("downtime/job", "at", Instant.now().plus(Duration.ofHours(25))
                .toString()).object();
        assertThat(run.getInt("escalated")).isGreaterThanOrEqualTo(2);
        assertThat(told("admin", "Overdue approval: " + reference)).isEqualTo(2);
        assertThat(told("manager", "Overdue approval: " + reference)).isEqualTo(1);
        assertThat(told("icumanager2", "Overdue approval: " + reference)).isEqualTo(1);
        assertThat(told("itsec2", "Overdue approval: " + reference)).isEqualTo(1);
        assertThat(told("biomed", "Overdue approval: " + reference)).as("not the requester").isZero();
        Probe.as("admin").call("downtime/job", "at", Instant.now().plus(Duration.ofHours(26)).toString()).value();
        assertThat(told("admin", "Overdue approval: " + reference)).as("once").isEqualTo(2);
        assertThat(version(get(waiting, "itsec"))).as("escalation does not disturb the approvers").isEqualTo(version(d));
    }

    @Test
    @Order(7)
    void the_people_of_an_approved_window_are_reminded_once_before_it_starts() {
        JsonObject d = DowntimeFixtures.inState("itsec", "SCHEDULED");
        Instant start = Instant.parse(d.getJsonArray("windows").getJsonObject(0).getString("start"));
        String tag = d.getJsonArray("devices").getJsonObject(0).getString("assetTag");
        Probe.as("admin").call("downtime/job", "at", start.minus(Duration.ofHours(30)).toString()).value();
        assertThat(told("biomed", "Downtime soon: " + tag)).isZero();
        Probe.as("admin").call("downtime/job", "at", start.minus(Duration.ofHours(2)).toString()).value();
        assertThat(told("biomed", "Downtime soon: " + tag)).as("the technician").isEqualTo(1);
        assertThat(told("itsec", "Downtime soon: " + tag)).as("the requester").isEqualTo(1);
        assertThat(told("manager", "Downtime soon: " + tag)).as("the ward").isEqualTo(1);
        Probe.as("admin").call("downtime/job", "at", start.minus(Duration.ofHours(1)).toString()).value();
        assertThat(told("manager", "Downtime soon: " + tag)).isEqualTo(1);
    }

    @Test
    @Order(8)
    void two_approvers_racing_with_the_same_version_never_both_pass_and_leave_exactly_one_consistent_state()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 12; round++) {
                JsonObject d = ok("biomed", draft("biomed", List.of(device("ICU"))), "submit");
                String id = id(d);
                int v = version(d);
                CyclicBarrier barrier = new CyclicBarrier(2);
                Callable<Reply> security = () -> {
                    barrier.await();
                    return act("itsec", id, v, "approve");
                };
                Callable<Reply> clinical = () -> {
                    barrier.await();
                    return act("manager", id, v, "approve");
                };
                Future<Reply> a = pool.submit(security);
                Future<Reply> b = pool.submit(clinical);
                List<Reply> replies = List.of(a.get(), b.get());
                List<Integer> codes = new ArrayList<>(replies.stream().map(Reply::status).toList());
                assertThat(codes).as("round " + round + ": " + replies).containsExactlyInAnyOrder(200, 409);
                Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(loser.json().getString("detail")).contains("changed by someone else");
                JsonObject now = get(id, "itsec");
                assertThat(status(now)).isEqualTo("SUBMITTED");
                assertThat(approvals(now).stream().filter(x -> x.getString("status").equals("APPROVED")).count())
                        .isEqualTo(1);
                assertThat(version(now)).isEqualTo(version(replies.stream().filter(r -> r.status() == 200)
                        .findFirst().orElseThrow().json()));
                String loserUser = replies.get(0).status() == 409 ? "itsec" : "manager";
                JsonObject done = ok(loserUser, now, "approve");
                assertThat(status(done)).isEqualTo("APPROVED");
                assertThat(approvals(done)).extracting(x -> x.getString("status")).containsOnly("APPROVED");
                assertThat(approvals(done)).extracting(x -> x.getString("decidedBy"))
                        .containsExactlyInAnyOrder("itsec", "manager");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(9)
    void requests_whose_windows_all_passed_expire_and_their_requester_is_told() {
        JsonObject run = Probe.as("admin").call("downtime/job", "at", Instant.now().plus(Duration.ofDays(40))
                .toString()).object();
        assertThat(run.getInt("expired")).isGreaterThanOrEqualTo(1);
        JsonObject d = get(waiting, "biomed");
        assertThat(status(d)).isEqualTo("EXPIRED");
        assertThat(approvals(d)).extracting(a -> a.getString("status")).containsOnly("WITHDRAWN");
        assertThat(d.getJsonArray("windows").getJsonObject(0).getString("status")).isEqualTo("CANCELLED");
        assertThat(d.getJsonArray("transitions").getValuesAs(JsonObject.class).getLast().getString("actor"))
                .isEqualTo("system");
        assertThat(told("biomed", d.getJsonObject("summary").getString("reference") + " expired")).isEqualTo(1);
    }
}
