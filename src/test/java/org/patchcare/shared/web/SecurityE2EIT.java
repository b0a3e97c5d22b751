package org.patchcare.shared.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.api.DowntimeFixtures;
import org.patchcare.risk.api.RiskFixtures;
import org.patchcare.it.BrowserFlow;
import org.patchcare.it.Browsers;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.shared.api.Api.ADMIN;
import static org.patchcare.shared.api.Api.deviceJson;
import static org.patchcare.shared.api.Api.newTag;
import static org.patchcare.shared.api.Api.with;

/**
 * In Chromium with the Content Security Policy on: every main screen of the application works with zero CSP
 * violations and no script errors, and values carrying stored script (a device's fields, a change request's title)
 * are shown as text: no script runs, no dialog opens. Ends on the Audit trail screen with an entry's before/after.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityE2EIT extends BrowserFlow {

    /** Stored-XSS payloads; each sets window.__xss or opens a dialog if it ever runs. */
    static final String IMG = "<img src=x onerror=\"window.__xss='img'\">";
    static final String SCRIPT = "<script>window.__xss='script'</script>";
    static final String SVG = "\"><svg onload=alert(1)>";

    static final List<String> SCREENS = List.of("devices", "lifecycle", "devices/import", "security", "advisories",
            "threat-feeds", "match-review", "risk", "risk/dashboard", "controls", "acceptances", "change-requests",
            "approvals", "calendar", "blackouts", "downtime/today", "redundancy-groups", "dashboards/executive",
            "dashboards/operations", "dashboards/department", "reports/exposures", "notifications", "admin/users",
            "admin/models", "admin/manufacturers", "admin/organisation", "admin/audit");

    SecurityE2EIT() {
        super("security-e2e-last");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void every_screen_runs_under_the_csp_and_stored_script_shows_as_text() {
        String tag = newTag();
        Reply created = Api.post("/devices", ADMIN, with(with(with(deviceJson(tag), "notes", IMG), "serialNumber",
                SCRIPT), "custodian", SVG).toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject cr = DowntimeFixtures.create("biomed", DowntimeFixtures.body(IMG + " firmware " + SCRIPT,
                List.of(DowntimeFixtures.device("ICU")), List.of(), 9).build());
        // issue 7, the corpus on more forms: a compensating control, a redundancy group and low-census hours
        RiskFixtures.createControl(RiskFixtures.control(SCRIPT + " rule", "XSS-" + tag, tag, "itsec",
                RiskFixtures.today().plusDays(30)));
        Reply group = Api.post("/redundancy-groups", ADMIN, Json.createObjectBuilder().add("name", IMG + " pair " + tag)
                .add("minimumAvailable", 1).add("assetTags", Json.createArrayBuilder().add(tag)
                        .add(Api.createDevice(newTag()).getString("assetTag"))).build().toString());
        assertThat(group.status()).as(group.toString()).isEqualTo(201);
        Reply hours = Api.post("/planning/low-census", ADMIN, Json.createObjectBuilder().add("departmentCode", "ED")
                .add("title", SVG + " night " + tag).add("days", Json.createArrayBuilder().add("SUNDAY"))
                .add("localStart", "03:00").add("localEnd", "04:00").build().toString());
        assertThat(hours.status()).as(hours.toString()).isEqualTo(201);

        playwright = Playwright.create();
        Browser browser = Browsers.launch(playwright);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        context.setDefaultTimeout(30_000);
        page = context.newPage();
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        List<String> dialogs = Collections.synchronizedList(new ArrayList<>());
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Content-Security-Policy")) {
                violations.add(page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> violations.add(page.url() + ": script error " + e));
        page.onDialog(d -> {
            dialogs.add(page.url() + ": " + d.message());
            d.dismiss();
        });

        Browsers.logIn(page, "admin");
        for (String screen : SCREENS) {
            page.navigate(ItConfig.baseUrl() + "/" + screen);
            page.locator("#side-nav").waitFor();
            Browsers.settle(page);
        }

        // stored script in a device and a change request shows literally
        page.navigate(ItConfig.baseUrl() + "/devices/" + tag);
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.getByText(IMG).first()).isVisible();
        PlaywrightAssertions.assertThat(page.getByText(SCRIPT).first()).isVisible();
        page.navigate(ItConfig.baseUrl() + "/change-requests/" + DowntimeFixtures.id(cr));
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.getByText(IMG + " firmware " + SCRIPT).first()).isVisible();
        page.navigate(ItConfig.baseUrl() + "/devices?search=" + tag.toLowerCase());
        Browsers.settle(page);
        page.navigate(ItConfig.baseUrl() + "/controls");
        page.locator("#control-search input").fill("XSS-" + tag);
        PlaywrightAssertions.assertThat(page.getByText(SCRIPT + " rule").first()).isVisible();
        page.navigate(ItConfig.baseUrl() + "/redundancy-groups");
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.getByText(IMG + " pair " + tag).first()).isVisible();
        page.navigate(ItConfig.baseUrl() + "/planning-data");
        Browsers.settle(page);
        PlaywrightAssertions.assertThat(page.getByText(SVG + " night " + tag).first()).isVisible();

        // the audit trail: this device's creation, with the payloads as values
        page.navigate(ItConfig.baseUrl() + "/admin/audit");
        page.locator("#audit-key input").fill(tag);
        Locator row = page.locator("#audit-grid vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Created"));
        PlaywrightAssertions.assertThat(row.first()).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#audit-count")).hasText("1 entry");
        Browsers.screenshot(page, "audit-trail");
        row.first().click();
        PlaywrightAssertions.assertThat(page.locator("#audit-entry-changes vaadin-grid-cell-content")
                .filter(new Locator.FilterOptions().setHasText(IMG)).first()).isVisible();
        Browsers.settle(page);
        Browsers.screenshot(page, "audit-entry");

        Object xss = page.evaluate("() => window.__xss === undefined ? null : window.__xss");
        assertThat(xss).as("no stored script ran").isNull();
        assertThat(page.locator("img[src='x']").count()).as("no injected element").isZero();
        assertThat(dialogs).as("no dialog opened by a payload").isEmpty();
        assertThat(violations).as("CSP violations or script errors on the screens").isEmpty();
    }
}
