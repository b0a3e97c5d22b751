package org.patchcare.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A biomedical technician records a new device in the browser, finds it with the search box, opens it and sees
 * on its timeline that it was received. Real WildFly, real database, real Chromium.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeviceFlowE2EIT extends BrowserFlow {

    DeviceFlowE2EIT() {
        super("device-flow-last");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void biomed_records_a_device_finds_it_and_sees_it_was_received() {
        playwright = Playwright.create();
        Browser browser = Browsers.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
        String tag = "E2E-%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));

        Browsers.logIn(page, "biomed");

        // the device list offers "new device"
        page.navigate(ItConfig.baseUrl() + "/devices");
        page.locator("#new-device").click();
        page.waitForURL(Pattern.compile(".*/devices/new$"));

        // fill the form
        page.locator("#field-assetTag input").fill(tag);
        chooseInComboBox("#field-model", "Philips IntelliVue MX450");
        chooseInComboBox("#field-department", "ED – Emergency Department");
        chooseInSelect("#field-criticality", "Life-supporting");
        chooseInSelect("#field-connectivity", "Clinical network");
        page.locator("#field-serialNumber input").fill("SN-" + tag);
        page.locator("#field-hostname input").fill(tag.toLowerCase() + "-mon");
        page.locator("#field-ipAddress input").fill("172.29.4.21");
        page.locator("#save-device").click();
        Browsers.settle(page);
        assertNoErrorNotification();

        // find it with the search box
        page.navigate(ItConfig.baseUrl() + "/devices");
        page.locator("#device-search input").fill(tag.toLowerCase().substring(0, 7));
        Locator row = page.locator("#device-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText(tag));
        PlaywrightAssertions.assertThat(row.first()).isVisible();

        // open it
        row.first().click();
        page.waitForURL(Pattern.compile(".*/devices/" + Pattern.quote(tag) + "$"));
        PlaywrightAssertions.assertThat(page.locator("#device-title")).containsText(tag);

        // its timeline shows that it was received
        page.locator("#tab-timeline").click();
        Locator timeline = page.locator("#device-timeline");
        PlaywrightAssertions.assertThat(timeline).isVisible();
        PlaywrightAssertions.assertThat(timeline).containsText(Pattern.compile("Received", Pattern.CASE_INSENSITIVE));
        PlaywrightAssertions.assertThat(timeline).containsText("biomed");
        assertNoErrorNotification();
    }

    /** Types into a Vaadin combo box and picks the item with exactly this label from its overlay. */
    private void chooseInComboBox(String id, String label) {
        Locator input = page.locator(id + " input");
        input.click();
        input.fill(label);
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true)).first().click();
        PlaywrightAssertions.assertThat(input).hasValue(label);
    }

    /** Opens a Vaadin select and picks the item with this label. */
    private void chooseInSelect(String id, String label) {
        page.locator(id).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(label).setExact(true)).click();
        PlaywrightAssertions.assertThat(page.locator(id)).containsText(label);
    }

    private void assertNoErrorNotification() {
        PlaywrightAssertions.assertThat(page.locator("vaadin-notification-card[theme~='error']")).hasCount(0);
    }

}
