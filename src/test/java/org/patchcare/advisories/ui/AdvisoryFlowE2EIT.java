package org.patchcare.advisories.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
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
import org.patchcare.testsupport.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * In headless Chromium: IT security uploads a real CISA advisory and a broken CSAF file on the Advisories screen. The
 * broken one is listed with its CSAF test id and JSON path; the real one opens with its vulnerability, its 6.1.31
 * warning and the demo hospital's affected infusion pumps, and appears on the security home page.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdvisoryFlowE2EIT extends BrowserFlow {

    AdvisoryFlowE2EIT() {
        super("advisory-flow");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void it_security_uploads_advisories_sees_rejections_and_the_affected_devices() throws Exception {
        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1440, 1000);

        Browsers.logIn(page, "itsec");
        page.navigate(ItConfig.baseUrl() + "/advisories");
        PlaywrightAssertions.assertThat(page.locator("#advisory-count")).containsText("0 advisories");

        page.locator("#advisory-upload input[type=file]").setInputFiles(
                TestData.file("csaf/oasis-invalid/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json"));
        PlaywrightAssertions.assertThat(page.locator(".pc-import-rejected")).containsText("nothing was stored");
        PlaywrightAssertions.assertThat(page.locator(".pc-rejections")).containsText("6.1.1");
        PlaywrightAssertions.assertThat(page.locator(".pc-rejections")).containsText("$.");
        PlaywrightAssertions.assertThat(page.locator("#advisory-count")).containsText("0 advisories");

        page.locator("#advisory-upload input[type=file]").setInputFiles(TestData.file("csaf/icsma/icsma-17-017-01.json"));
        PlaywrightAssertions.assertThat(page.locator(".pc-import-ok")).containsText("ICSMA-17-017-01 imported");
        PlaywrightAssertions.assertThat(page.locator("#advisory-count")).containsText("1 advisory");
        Browsers.settle(page);
        page.locator("#advisory-grid").getByText("ICSMA-17-017-01").first().click();

        PlaywrightAssertions.assertThat(page.locator("#advisory-title")).containsText("BD Alaris 8000");
        PlaywrightAssertions.assertThat(page.locator("#vulnerability-grid")).containsText("CVE-2016-8375");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Warnings"))).click();
        PlaywrightAssertions.assertThat(page.locator("#warning-grid")).containsText("6.1.31");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Our devices"))).click();
        PlaywrightAssertions.assertThat(page.locator("#advisory-devices")).containsText("Affected");
        Browsers.settle(page);

        // IT sets one pump to "not affected", with a justification and a reason
        page.locator("#advisory-devices vaadin-grid-cell-content").getByText("9.12").first().click();
        PlaywrightAssertions.assertThat(page.locator("#exposure-state")).isVisible();
        page.locator("#exposure-state").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Not affected")).click();
        page.locator("#exposure-justification").click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions()
                .setName("An attacker cannot reach or control the vulnerable code")).click();
        page.locator("#exposure-reason textarea").fill("Standalone pump, no network module fitted");
        page.locator("#exposure-state-save").click();
        Browsers.settle(page);
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Our devices"))).click();
        PlaywrightAssertions.assertThat(page.locator("#advisory-devices")).containsText("Not affected");
        PlaywrightAssertions.assertThat(page.locator("#advisory-devices")).containsText("Standalone pump");
        Browsers.screenshot(page, "advisory-detail");

        page.navigate(ItConfig.baseUrl() + "/security");
        PlaywrightAssertions.assertThat(page.locator("#affecting-advisories")).containsText("ICSMA-17-017-01");
    }
}
