package org.patchcare.risk.ui;

import com.microsoft.playwright.Locator;
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
import org.patchcare.it.Probe;
import org.patchcare.risk.api.RiskFixtures;

/**
 * IT security sees a control about to expire on the Controls screen, the warning behind the bell in the header, and
 * the Acceptances screen; real WildFly, real database, real Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RiskScreensE2EIT extends BrowserFlow {

    RiskScreensE2EIT() {
        super("risk-screens-last");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void it_security_sees_an_expiring_control_its_warning_behind_the_bell_and_the_acceptances() {
        RiskFixtures.Exposure e = RiskFixtures.exposure();
        String title = "Screen check " + e.assetTag();
        RiskFixtures.createControl(RiskFixtures.control(title, "IPS-E2E", e.assetTag(), "itsec",
                RiskFixtures.today().plusDays(3)));
        Probe.as("admin").call("risk/expiry").value();

        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1440, 900);
        Browsers.logIn(page, "itsec");
        PlaywrightAssertions.assertThat(page.locator("#notification-count")).isVisible();

        page.navigate(ItConfig.baseUrl() + "/controls");
        Browsers.settle(page);
        page.locator("#controls-tab-expiring").click();
        Browsers.settle(page);
        Locator row = page.locator("#control-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(title));
        PlaywrightAssertions.assertThat(row.first()).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#control-create")).isVisible();
        Browsers.screenshot(page, "risk-controls");

        page.locator("#notification-bell").click();
        PlaywrightAssertions.assertThat(page.locator("#notification-list")).containsText("Control expires on "
                + RiskFixtures.today().plusDays(3) + ": " + title);
        Browsers.screenshot(page, "risk-notifications");
        page.keyboard().press("Escape");

        page.navigate(ItConfig.baseUrl() + "/acceptances");
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.locator("#acceptances-tab-awaiting")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#acceptance-grid")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("vaadin-notification-card[theme~='error']")).hasCount(0);
        Browsers.screenshot(page, "risk-acceptances");
    }
}
