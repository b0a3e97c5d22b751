package org.patchcare.planning.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
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
import org.patchcare.planning.api.PlanningFixtures;
import org.patchcare.risk.api.RiskFixtures;
import org.patchcare.shared.api.Api;

import java.util.List;

/**
 * Plan downtime in real Chromium: IT security plans the ICU with a 3-second limit, sees the progress bar and the
 * status while it solves, then the proposal with the exposed device, its window, technician and explanation, accepts
 * that window, and the device's change request is submitted for approval.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlanningE2EIT extends BrowserFlow {

    PlanningE2EIT() {
        super("planning-last");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void it_security_plans_sees_progress_and_explanations_and_accepts_a_window() {
        RiskFixtures.Exposure e = RiskFixtures.exposure();
        RiskFixtures.decision(e.id());
        PlanningFixtures.idle();

        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1500, 1000);
        Browsers.logIn(page, "itsec");
        page.navigate(ItConfig.baseUrl() + "/planning");
        Browsers.settle(page);
        Locator limit = page.locator("#plan-limit input");
        limit.fill("3");
        page.locator("#plan-departments input").fill("ICU");
        page.locator("vaadin-multi-select-combo-box-item").filter(new Locator.FilterOptions().setHasText("ICU"))
                .first().click();
        page.keyboard().press("Escape");
        page.locator("#plan-start").click();

        PlaywrightAssertions.assertThat(page.locator("#plan-progress")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#plan-status")).containsText("Solving");
        Browsers.screenshot(page, "planning-solving");
        PlaywrightAssertions.assertThat(page.locator("#plan-status")).containsText("Finished",
                new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
        PlaywrightAssertions.assertThat(page.locator("#plan-score")).containsText("No rule broken");
        Locator grid = page.locator("#plan-proposals");
        PlaywrightAssertions.assertThat(grid).containsText(e.assetTag());
        PlaywrightAssertions.assertThat(grid).containsText("Why not ideal");
        Browsers.settle(page);
        Browsers.screenshot(page, "planning-proposal");
        String url = page.url();
        assertThat(url).contains("/planning/");

        page.locator("#accept-" + e.assetTag()).click();
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("vaadin-notification-card").first())
                .containsText("submitted change requests");

        String runId = url.substring(url.lastIndexOf('/') + 1);
        JsonObject run = Api.get("/planning/runs/" + runId, "itsec").json();
        JsonObject mine = run.getJsonArray("proposals").getValuesAs(JsonObject.class).stream()
                .filter(p -> p.getString("assetTag").equals(e.assetTag())).findFirst().orElseThrow();
        assertThat(mine.getBoolean("accepted")).isTrue();
        // the days chosen on the screen are the hospital's days (the demo's first facility: New York), not UTC days
        java.time.ZonedDateTime horizonStart = java.time.Instant.parse(run.getString("from"))
                .atZone(java.time.ZoneId.of("America/New_York"));
        assertThat(horizonStart.toLocalTime()).as("the horizon starts at local midnight").isEqualTo(java.time.LocalTime.MIDNIGHT);
        assertThat(java.time.Instant.parse(mine.getString("start"))).isAfterOrEqualTo(horizonStart.toInstant());
        assertThat(mine.getJsonArray("explanations")).isNotNull();
        JsonObject cr = Api.get("/change-requests/" + mine.getString("requestId"), "itsec").json();
        assertThat(cr.getJsonObject("summary").getString("status")).isEqualTo("SUBMITTED");
        assertThat(cr.getJsonArray("exposures").getValuesAs(JsonObject.class)).extracting(x -> x.getString("id"))
                .isEqualTo(List.of(e.id()));

        // the week view (first week of the plan) shows the earliest window after a reload of the run's address
        page.navigate(url);
        Browsers.settle(page);
        page.locator("vaadin-tab").filter(new Locator.FilterOptions().setHasText("Week")).click();
        String first = run.getJsonArray("proposals").getJsonObject(0).getString("assetTag");
        PlaywrightAssertions.assertThat(page.locator("#plan-week")).containsText(first);
        Browsers.screenshot(page, "planning-week");

        // the planning data the solver used: the demo's technicians
        page.navigate(ItConfig.baseUrl() + "/planning-data");
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("vaadin-grid").first()).containsText("biomed");
        Browsers.screenshot(page, "planning-data");
    }
}
