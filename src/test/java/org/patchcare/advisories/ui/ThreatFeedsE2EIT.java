package org.patchcare.advisories.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
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
import java.util.regex.Pattern;

/**
 * In headless Chromium: IT security uploads CISA's real KEV catalogue on the Threat feeds screen, sees it loaded, and
 * looks up BlueKeep; then uploads a file that is not an EPSS file and is told why, with nothing loaded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ThreatFeedsE2EIT extends BrowserFlow {

    ThreatFeedsE2EIT() {
        super("threat-feeds-flow");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void it_security_loads_the_kev_catalogue_and_looks_up_a_cve() {
        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1440, 1000);

        Browsers.logIn(page, "itsec");
        page.navigate(ItConfig.baseUrl() + "/threat-feeds");
        PlaywrightAssertions.assertThat(page.locator("#feed-kev-status")).containsText("Nothing loaded yet");

        page.locator("#feed-kev-upload input[type=file]").setInputFiles(TestData.file("kev/known_exploited_vulnerabilities.json"));
        PlaywrightAssertions.assertThat(page.locator("#feed-kev-status")).containsText("2025.08.25");
        PlaywrightAssertions.assertThat(page.locator("#feed-kev-status")).containsText("1,404 entries");
        PlaywrightAssertions.assertThat(page.locator("#feed-kev-status")).containsText("itsec");

        page.locator("#cve-lookup input").fill("cve-2019-0708");
        page.locator("#cve-lookup-button").click();
        PlaywrightAssertions.assertThat(page.locator("#cve-answer")).containsText("Known exploited");
        PlaywrightAssertions.assertThat(page.locator("#cve-answer")).containsText("Microsoft");
        PlaywrightAssertions.assertThat(page.locator("#cve-answer")).containsText("No EPSS score loaded");

        page.locator("#feed-epss-upload input[type=file]").setInputFiles(TestData.file("epss/epss_kev_nvd.csv"));
        PlaywrightAssertions.assertThat(page.locator("#feed-epss-problems")).containsText(
                Pattern.compile("was not loaded; nothing changed"));
        PlaywrightAssertions.assertThat(page.locator("#feed-epss-problems")).containsText("not a FIRST EPSS file");
        PlaywrightAssertions.assertThat(page.locator("#feed-epss-status")).containsText("Nothing loaded yet");
    }
}
