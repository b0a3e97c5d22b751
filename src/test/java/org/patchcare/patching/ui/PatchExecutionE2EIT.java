package org.patchcare.patching.ui;

import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.api.DowntimeFixtures;
import org.patchcare.it.BrowserFlow;
import org.patchcare.it.Browsers;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.patching.api.PatchFixtures;
import org.patchcare.shared.api.Api;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Patch execution end to end, real WildFly, real database, real Chromium: a biomedical technician opens a scheduled
 * change request over one ICU device, starts the work, records the firmware installed and verifies the device; the
 * request shows completed and the device runs the new version.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PatchExecutionE2EIT extends BrowserFlow {

    PatchExecutionE2EIT() {
        super("patch-execution-last");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void biomed_works_a_scheduled_request_through_its_device_and_the_request_shows_completed() {
        String tag = DowntimeFixtures.device("ICU");
        JsonObject cr = PatchFixtures.scheduled("itsec", List.of(tag));
        String id = DowntimeFixtures.id(cr);

        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1440, 1000);
        Browsers.logIn(page, "biomed");
        page.navigate(ItConfig.baseUrl() + "/change-requests/" + id);
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#change-request .pc-cr-status").first()).hasText("Scheduled");
        PlaywrightAssertions.assertThat(page.locator("#work-state-" + tag)).hasText("Not started");

        page.locator("#start-" + tag).click();
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#work-state-" + tag)).hasText("In progress");
        PlaywrightAssertions.assertThat(page.locator("#change-request .pc-cr-status").first()).hasText("In progress");

        page.locator("#record-" + tag).click();
        PlaywrightAssertions.assertThat(page.locator("#work-from-version input")).hasValue("4.1.0");
        page.locator("#work-to-version input").fill("4.2.0");
        page.locator("#work-vendor-engineer input").fill("J. Miller (Philips)");
        page.locator("#work-result vaadin-radio-button").filter(
                new com.microsoft.playwright.Locator.FilterOptions().setHasText("Success")).click();
        Browsers.screenshot(page, "patch-record-work");
        page.locator("#patch-dialog-save").click();
        PlaywrightAssertions.assertThat(page.locator("#record-work-dialog")).hasCount(0);
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#work-state-" + tag)).hasText("Recorded");
        PlaywrightAssertions.assertThat(page.locator("#work-" + tag)).containsText("Software 4.1.0 → 4.2.0, success");

        page.locator("#verify-" + tag).click();
        page.locator("#verify-check textarea").fill("Self-test passed, test scan reconstructed");
        page.locator("#verify-returned").click();
        page.locator("#patch-dialog-save").click();
        PlaywrightAssertions.assertThat(page.locator("#verify-dialog")).hasCount(0);
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#change-request .pc-cr-status").first()).hasText("Completed");
        PlaywrightAssertions.assertThat(page.locator("#work-state-" + tag)).hasText("Verified");
        PlaywrightAssertions.assertThat(page.locator("#cr-history")).containsText("In progress → Completed");
        PlaywrightAssertions.assertThat(page.locator("vaadin-notification-card[theme~='error']")).hasCount(0);
        Browsers.screenshot(page, "patch-execution-completed");

        assertThat(Api.get("/devices/" + tag, "biomed").json().getString("softwareVersion")).isEqualTo("4.2.0");
        assertThat(Api.get("/change-requests/" + id, "biomed").json().getJsonObject("summary").getString("status"))
                .isEqualTo("COMPLETED");
    }
}
