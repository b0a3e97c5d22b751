package org.patchcare.downtime.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.BrowserFlow;
import org.patchcare.it.Browsers;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval workflow end to end, real WildFly, real database, real Chromium: IT security plans the downtime of a
 * device in ICU (St. Elsewhere General, New York time) on the scheduling screen and submits it; the ICU's clinical
 * manager logs in, lands on "My approvals" and approves with one click; a second IT security person approves through
 * the REST API; the request is approved, IT security schedules it, the window shows in hospital time on the request
 * and on the calendar.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChangeRequestE2EIT extends BrowserFlow {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern DETAIL = Pattern.compile(".*/change-requests/([0-9a-fA-F-]{36})$");

    ChangeRequestE2EIT() {
        super("change-request-last");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void it_security_requests_the_manager_approves_from_my_approvals_and_the_window_is_scheduled() {
        String tag = Api.newTag();
        Api.createDevice(tag); // an ICU device of the demo hospital, of its own so no other test's window clashes
        Probe.as("admin").call("fixture/user", "username", "itsec2", "role", "IT_SECURITY").value();
        String title = "Firmware for " + tag;
        String technician = "tech-" + UUID.randomUUID().toString().substring(0, 6);
        Probe.as("admin").call("fixture/user", "username", technician, "role", "BIOMED_TECH").value();
        LocalDate day = LocalDate.now(NEW_YORK).plusDays(9);

        playwright = Playwright.create();

        // ---- IT security plans and submits -------------------------------------------------
        page = Browsers.newPage(playwright, 1440, 1000);
        Browsers.logIn(page, "itsec");
        page.navigate(ItConfig.baseUrl() + "/change-requests");
        Browsers.settle(page);
        page.locator("#cr-create").click();
        page.waitForURL(url -> url.endsWith("/change-requests/new"));
        Browsers.settle(page);
        page.locator("#cr-title-field input").fill(title);
        page.locator("#cr-asset-tag input").fill(tag);
        page.locator("#cr-add-device").click();
        Browsers.settle(page);
        Locator start = page.locator("#window-start-" + tag);
        PlaywrightAssertions.assertThat(start).isVisible();
        page.locator("#cr-expected-minutes input").fill("60");
        page.locator("#cr-expected-minutes input").press("Tab");
        start.locator("vaadin-date-picker input").fill(day.toString());
        start.locator("vaadin-date-picker input").press("Enter");
        start.locator("vaadin-time-picker input").fill("10:00");
        start.locator("vaadin-time-picker input").press("Enter");
        page.locator("#cr-planned-action textarea").click();
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#window-end-" + tag + " vaadin-time-picker input"))
                .hasValue("11:00");
        page.locator("#cr-planned-action textarea").fill("Install firmware 4.2.0 from the vendor's service laptop");
        page.locator("#cr-vendor-reference input").fill("PHILIPS-PSA-2026-11");
        page.locator("#cr-clinical-impact textarea").fill("One CT of the ICU unavailable for an hour");
        page.locator("#cr-backup textarea").fill("Radiology's CT takes ICU patients meanwhile");
        page.locator("#cr-rollback textarea").fill("Reinstall 4.1.0 from the vendor image");
        page.locator("#cr-technician input").fill(technician);
        page.locator("#cr-technician input").press("Tab");
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#cr-form-conflicts")).containsText("No conflict found");
        Browsers.screenshot(page, "change-request-new");
        page.locator("#cr-submit").click();
        page.waitForURL(url -> DETAIL.matcher(url).matches());
        Browsers.settle(page);
        Matcher m = DETAIL.matcher(page.url());
        assertThat(m.matches()).isTrue();
        String id = m.group(1);
        PlaywrightAssertions.assertThat(page.locator("#cr-title")).containsText(title);
        PlaywrightAssertions.assertThat(page.locator("#change-request .pc-cr-status").first()).hasText("Submitted");
        String window = "10:00–11:00 " + (NEW_YORK.getRules().isDaylightSavings(day.atTime(10, 0).atZone(NEW_YORK)
                .toInstant()) ? "EDT" : "EST");
        PlaywrightAssertions.assertThat(page.locator("#cr-windows")).containsText(window);
        page.context().browser().close();

        // ---- the ICU's clinical manager approves from "My approvals" ------------------------
        page = Browsers.newPage(playwright, 1440, 1000);
        Browsers.logIn(page, "manager");
        page.waitForURL(url -> url.endsWith("/approvals")); // a clinical manager's home
        Locator card = page.locator("#approval-" + id);
        PlaywrightAssertions.assertThat(card).containsText(title);
        PlaywrightAssertions.assertThat(card).containsText(window);
        PlaywrightAssertions.assertThat(card).containsText("One CT of the ICU unavailable for an hour");
        Browsers.screenshot(page, "change-request-approvals");
        page.locator("#approve-" + id).click();
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#approval-" + id)).hasCount(0);
        PlaywrightAssertions.assertThat(page.locator("vaadin-notification-card[theme~='error']")).hasCount(0);
        page.context().browser().close();

        // ---- a second IT security person approves through the API ---------------------------
        JsonObject before = Api.get("/change-requests/" + id, "itsec2").json();
        int version = before.getJsonObject("summary").getInt("version");
        Api.Reply approved = Api.post("/change-requests/" + id + "/approve", "itsec2",
                "{\"version\": " + version + ", \"comment\": \"Patch verified in the lab\"}");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().getJsonObject("summary").getString("status")).isEqualTo("APPROVED");

        // ---- IT security schedules it; the window is confirmed in hospital time ------------
        page = Browsers.newPage(playwright, 1440, 1000);
        Browsers.logIn(page, "itsec");
        page.navigate(ItConfig.baseUrl() + "/change-requests/" + id);
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#cr-approvals")).containsText("by manager");
        PlaywrightAssertions.assertThat(page.locator("#cr-approvals")).containsText("by itsec2");
        page.locator("#action-schedule").click();
        page.locator("#action-confirm").click();
        PlaywrightAssertions.assertThat(page.locator("#action-confirm")).isHidden();
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#change-request .pc-cr-status").first()).hasText("Scheduled");
        PlaywrightAssertions.assertThat(page.locator("#cr-windows")).containsText(window);
        PlaywrightAssertions.assertThat(page.locator("#cr-history")).containsText("Approved → Scheduled");
        Browsers.screenshot(page, "change-request-detail");

        // ---- the window is on the calendar (route "calendar": week by week from this week) -------
        String windowId = Api.get("/change-requests/" + id, "itsec").json().getJsonArray("windows").getJsonObject(0)
                .getString("id");
        page.navigate(ItConfig.baseUrl() + "/calendar");
        page.locator("#calendar-body").waitFor();
        Browsers.settle(page);
        Locator entry = page.locator("#cal-entry-" + windowId);
        for (int i = 0; i < 6 && entry.count() == 0; i++) {
            page.locator("#calendar-next").click();
            Browsers.settle(page);
        }
        PlaywrightAssertions.assertThat(entry).isVisible();
        PlaywrightAssertions.assertThat(entry).containsText(tag);
        Browsers.screenshot(page, "change-request-calendar");
    }

}
