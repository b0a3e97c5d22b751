package org.patchcare.downtime.api;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Blackouts, redundancy groups, conflicts, the windows API and the iCalendar feed over HTTP, as the demo users.
 * Windows are written straight into the tables (DowntimeFixtures), independent of the change-request service.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DowntimeCalendarIT {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York"); // the demo's MAIN facility, home of ICU

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    /** 09:00 New York on a Wednesday two weeks ahead. */
    static Instant wednesdayAt(int hour) {
        LocalDate day = LocalDate.now(NEW_YORK).with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY)).plusWeeks(1);
        return day.atTime(hour, 0).atZone(NEW_YORK).toInstant();
    }

    static String blackout(String department, String title, String days) {
        return "{\"departmentCode\":\"" + department + "\",\"title\":\"" + title + "\",\"recurring\":true,\"days\":"
                + days + ",\"localStart\":\"07:00\",\"localEnd\":\"17:00\"}";
    }

    @Test
    void blackouts_are_written_by_the_departments_manager_with_version_checks() {
        String title = "Weekday surgery " + UUID.randomUUID().toString().substring(0, 6);
        Reply created = Api.post("/blackouts", "manager", blackout("ICU", title,
                "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\"]"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(created.json().getString("localStart")).startsWith("07:00");
        assertThat(created.json().getJsonArray("days")).hasSize(5);

        Reply biomed = Api.post("/blackouts", "biomed", blackout("ICU", title, "[\"MONDAY\"]"));
        assertThat(biomed.status()).isEqualTo(403);
        Reply otherDept = Api.post("/blackouts", "manager", blackout("OR", title, "[\"MONDAY\"]"));
        assertThat(otherDept.status()).isEqualTo(422);
        assertThat(otherDept.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("departmentCode");
        Reply noDays = Api.post("/blackouts", "admin", blackout("ICU", title, "[]"));
        assertThat(noDays.status()).isEqualTo(422);
        assertThat(noDays.body()).contains("\"days\"");
        Reply unknownDept = Api.post("/blackouts", "admin", blackout("NOPE", title, "[\"MONDAY\"]"));
        assertThat(unknownDept.status()).isEqualTo(422);
        assertThat(unknownDept.body()).contains("NOPE");

        String change = Json.createObjectBuilder(Json.createReader(new StringReader(
                blackout("ICU", title + " (changed)", "[\"MONDAY\"]"))).readObject()).add("version", 0).build().toString();
        Reply updated = Api.put("/blackouts/" + id, "manager", change);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().getInt("version")).isEqualTo(1);
        assertThat(Api.put("/blackouts/" + id, "admin", change).status()).as("stale").isEqualTo(409);
        assertThat(Api.call("DELETE", "/blackouts/" + id + "?version=0", "admin", null).status()).isEqualTo(409);
        assertThat(Api.call("DELETE", "/blackouts/" + id + "?version=1", "biomed", null).status()).isEqualTo(403);
        assertThat(Api.call("DELETE", "/blackouts/" + id + "?version=1", "manager", null).status()).isEqualTo(204);
        assertThat(Api.get("/blackouts/" + id, "admin").status()).isEqualTo(404);
        assertThat(Probe.as("admin").call("audit/history", "type", "BlackoutWindow", "key", id).array()).hasSize(3);
    }

    @Test
    void redundancy_groups_refuse_a_minimum_that_blocks_every_device_and_check_versions() {
        String a = Api.createDevice(Api.newTag()).getString("assetTag");
        String b = Api.createDevice(Api.newTag()).getString("assetTag");
        String name = "ICU CT scanners " + UUID.randomUUID().toString().substring(0, 6);
        String tags = "[\"" + a + "\",\"" + b + "\"]";
        Reply tooHigh = Api.post("/redundancy-groups", "biomed", "{\"name\":\"" + name + "\",\"minimumAvailable\":2,"
                + "\"assetTags\":" + tags + "}");
        assertThat(tooHigh.status()).isEqualTo(422);
        assertThat(tooHigh.body()).contains("minimumAvailable").contains("could ever go down");
        Reply unknown = Api.post("/redundancy-groups", "biomed", "{\"name\":\"" + name + "\",\"minimumAvailable\":1,"
                + "\"assetTags\":[\"" + a + "\",\"NO-SUCH-1\",\"NO-SUCH-2\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("NO-SUCH-1, NO-SUCH-2");
        assertThat(Api.post("/redundancy-groups", "manager", "{\"name\":\"" + name + "\",\"minimumAvailable\":1,"
                + "\"assetTags\":" + tags + "}").status()).isEqualTo(403);

        Reply created = Api.post("/redundancy-groups", "biomed", "{\"name\":\"" + name + "\",\"departmentCode\":\"ICU\","
                + "\"minimumAvailable\":1,\"assetTags\":" + tags + "}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject g = created.json();
        assertThat(g.getInt("inServiceNow")).isEqualTo(2);
        String body = "{\"name\":\"" + name + " renamed\",\"minimumAvailable\":1,\"assetTags\":" + tags + ",\"version\":0}";
        assertThat(Api.put("/redundancy-groups/" + g.getString("id"), "admin", body).status()).isEqualTo(200);
        assertThat(Api.put("/redundancy-groups/" + g.getString("id"), "biomed", body).status()).as("stale").isEqualTo(409);
        assertThat(Api.call("DELETE", "/redundancy-groups/" + g.getString("id") + "?version=1", "biomed", null).status())
                .isEqualTo(204);
    }

    @Test
    void conflicts_of_a_proposed_window_are_found_and_the_windows_api_and_feed_show_planned_windows() throws Exception {
        String a = Api.createDevice(Api.newTag()).getString("assetTag");
        String b = Api.createDevice(Api.newTag()).getString("assetTag");
        String tech = "tech-" + UUID.randomUUID().toString().substring(0, 6);
        Instant start = wednesdayAt(9);
        Instant end = wednesdayAt(11);
        JsonObject w = Probe.as("admin").call("downtime/window", "tag", b, "start", start.toString(), "end",
                end.toString(), "requestStatus", "APPROVED", "windowStatus", "APPROVED", "technician", tech).object();
        assertThat(Api.post("/redundancy-groups", "biomed", "{\"name\":\"Pair " + a + "\",\"minimumAvailable\":1,"
                + "\"assetTags\":[\"" + a + "\",\"" + b + "\"]}").status()).isEqualTo(201);
        String title = "Day shift " + a;
        Reply bo = Api.post("/blackouts", "admin", blackout("ICU", title, "[\"WEDNESDAY\"]"));
        assertThat(bo.status()).isEqualTo(201);
        try {
            String check = "{\"technician\":\"" + tech + "\",\"windows\":[{\"assetTag\":\"" + a + "\",\"start\":\""
                    + wednesdayAt(10) + "\",\"end\":\"" + wednesdayAt(12) + "\"},{\"assetTag\":\"" + b + "\",\"start\":\""
                    + wednesdayAt(10) + "\",\"end\":\"" + wednesdayAt(12) + "\"}]}";
            Reply conflicts = Api.post("/windows/conflicts", "biomed", check);
            assertThat(conflicts.status()).as(conflicts.toString()).isEqualTo(200);
            List<JsonObject> found = conflicts.array().getValuesAs(JsonObject.class);
            assertThat(found).extracting(c -> c.getString("type")).contains("DEVICE_ALREADY_DOWN", "BLACKOUT",
                    "REDUNDANCY_BELOW_MINIMUM", "TECHNICIAN_DOUBLE_BOOKED");
            String day = start.atZone(NEW_YORK).toLocalDate().toString();
            assertThat(found).extracting(c -> c.getString("message"))
                    .contains(b + " is already down " + day + " 09:00–11:00 (" + w.getString("reference") + ", Patch)")
                    .anyMatch(m -> m.contains("ICU blackout '" + title + "' (Wed 07:00–17:00 America/New_York)"))
                    .anyMatch(m -> m.startsWith("Pair " + a + " would have 0 of 2 in service, minimum 1"));
            // the request's own windows are left out when it is re-checked
            Reply own = Api.post("/windows/conflicts", "biomed", "{\"excludingRequest\":\"" + w.getString("requestId")
                    + "\",\"windows\":[{\"assetTag\":\"" + b + "\",\"start\":\"" + wednesdayAt(18) + "\",\"end\":\""
                    + wednesdayAt(19) + "\"}]}");
            assertThat(own.array()).isEmpty();
        } finally {
            Api.call("DELETE", "/blackouts/" + bo.json().getString("id") + "?version=0", "admin", null);
        }

        String range = "/windows?from=" + start.minusSeconds(86400) + "&to=" + end.plusSeconds(86400);
        assertThat(Api.get(range + "&assetTag=" + b, "admin").array().getValuesAs(JsonObject.class))
                .extracting(x -> x.getString("id")).containsExactly(w.getString("windowId"));
        assertThat(Api.get(range + "&assetTag=" + b + "&department=ED", "admin").array()).isEmpty();
        assertThat(Api.get(range + "&assetTag=" + b + "&deviceType=CT%20scanner&facility=MAIN", "manager").array())
                .hasSize(1);
        assertThat(Api.get(range + "&assetTag=" + b + "&status=CANCELLED", "admin").array()).isEmpty();
        assertThat(Api.get("/windows?from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z", "admin").status())
                .as("range limit").isEqualTo(422);

        // the feed: created by the ICU manager, fetched without a login, revoked
        assertThat(Api.post("/calendar/feeds", "manager", "{\"department\":\"OR\"}").status()).isEqualTo(422);
        Reply feed = Api.post("/calendar/feeds", "manager", "{\"department\":\"ICU\"}");
        assertThat(feed.status()).as(feed.toString()).isEqualTo(201);
        String url = feed.json().getString("url");
        String path = URI.create(url).getPath();
        assertThat(path).startsWith("/api/v1/calendar/feeds/").endsWith(".ics");
        HttpResponse<String> ics = fetch(path);
        assertThat(ics.statusCode()).as(ics.body()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar")
                .containsIgnoringCase("charset=utf-8");
        Calendar cal = new CalendarBuilder().build(new StringReader(ics.body()));
        assertThat(cal.validate().hasErrors()).as(cal.validate().toString()).isFalse();
        VEvent event = cal.<VEvent>getComponents("VEVENT").stream().filter(e -> e.getProperty("UID")
                .map(Property::getValue).orElse("").equals(w.getString("windowId") + "@patchcare")).findFirst()
                .orElseThrow();
        assertThat(event.getProperty("STATUS").map(Property::getValue)).hasValue("CONFIRMED");
        assertThat(event.getProperty("SEQUENCE").map(Property::getValue)).hasValue("2");
        assertThat(event.getProperty("SUMMARY").map(Property::getValue).orElseThrow()).contains(b);

        String feedId = feed.json().getString("id");
        assertThat(Api.get("/calendar/feeds", "manager").array().getValuesAs(JsonObject.class))
                .anySatisfy(f -> {
                    assertThat(f.getString("id")).isEqualTo(feedId);
                    assertThat(f.containsKey("url") && !f.isNull("url")).as("url shown once").isFalse();
                    assertThat(f.containsKey("lastUsedAt")).isTrue();
                });
        assertThat(Api.call("DELETE", "/calendar/feeds/" + feedId, "biomed", null).status()).as("not theirs")
                .isEqualTo(404);
        assertThat(Api.call("DELETE", "/calendar/feeds/" + feedId, "manager", null).status()).isEqualTo(204);
        assertThat(fetch(path).statusCode()).as("revoked").isEqualTo(404);
        assertThat(fetch("/api/v1/calendar/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics").statusCode())
                .as("unknown").isEqualTo(404);
        assertThat(Api.get("/calendar/feeds", null).status()).as("the rest of the API still needs a login")
                .isEqualTo(401);
    }

    private static HttpResponse<String> fetch(String path) throws Exception {
        return ItConfig.http().send(ItConfig.request(path, null, null).header("Accept", "text/calendar, */*").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
