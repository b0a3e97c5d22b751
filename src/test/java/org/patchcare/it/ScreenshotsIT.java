package org.patchcare.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.shared.api.Api;
import org.patchcare.testsupport.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each demo role: logs in, opens every screen its side navigation offers, and saves a full-page screenshot
 * to target/screenshots/&lt;role&gt;-&lt;route&gt;.png for people to look at. Every screen must render without the
 * Vaadin error notification or an error page. Before that, real data goes in so that the risk screens have something to
 * show: CISA's KEV catalogue and four real CISA advisories that affect demo devices (decided by RiskJob within
 * seconds); the risk screens are then also shot with an exposure's decision and the clinical manager's dashboard.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScreenshotsIT {

    private static Playwright playwright;
    private static Browser browser;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @BeforeAll
    static void startBrowser() {
        Browsers.requireChromium();
        playwright = Playwright.create();
        browser = Browsers.launch(playwright);
    }

    @AfterAll
    static void stopBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Advisories that match demo devices: EternalBlue (in KEV) on pharmacy compounders, GE monitoring, BD pumps, GE imaging. */
    private static final List<String> ADVISORIES = List.of("icsma-20-170-01", "icsma-20-023-01", "icsma-17-017-01",
            "icsma-20-343-01");
    private static boolean riskData;

    /**
     * Loads the KEV catalogue and the advisories once, waits until every exposure is decided, and has IT security
     * override one ICU exposure's exploitation (so an override shows).
     */
    private static synchronized void ensureRiskData() throws IOException {
        if (riskData) {
            return;
        }
        Api.Reply kev = Api.post("/threat-feeds/kev", "itsec",
                Files.readString(TestData.file("kev/known_exploited_vulnerabilities.json")));
        assertThat(kev.status()).as(kev.toString()).isBetween(200, 201);
        for (String a : ADVISORIES) {
            Api.Reply r = Api.post("/advisories", "itsec", Files.readString(TestData.file("csaf/icsma/" + a + ".json")));
            assertThat(r.status()).as(a + ": " + r).isBetween(200, 201);
        }
        long deadline = System.currentTimeMillis() + 90_000;
        while (Api.get("/risk/pending", "itsec").json().getJsonNumber("pending").longValue() > 0
                || Api.get("/risk/queue?limit=1", "itsec").json().getJsonNumber("total").longValue() == 0) {
            assertThat(System.currentTimeMillis()).as("exposures decided within 90 s").isLessThan(deadline);
            sleep(500);
        }
        String icu = Api.get("/risk/queue?limit=1&department=ICU", "itsec").json().getJsonArray("items")
                .getJsonObject(0).getString("exposureId");
        Api.Reply o = Api.put("/risk/exposures/" + icu + "/decision/overrides/EXPLOITATION", "itsec",
                "{\"value\": \"ACTIVE\", \"reason\": \"Exploit attempts against this station seen by our SOC\"}");
        assertThat(o.status()).as(o.toString()).isEqualTo(200);
        riskData = true;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path dir() throws IOException {
        Path dir = Paths.get(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        return dir;
    }

    @Test
    void login_page() throws IOException {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = context.newPage();
            page.navigate(ItConfig.baseUrl() + "/login");
            page.locator("vaadin-login-form").waitFor();
            Browsers.settle(page);
            page.screenshot(new Page.ScreenshotOptions().setPath(dir().resolve("anonymous-login.png")).setFullPage(true));
        }
    }

    @Test
    void biomed_screens() throws IOException {
        shootEveryScreen("biomed");
    }

    @Test
    void manager_screens() throws IOException {
        shootEveryScreen("manager");
    }

    @Test
    void itsec_screens() throws IOException {
        shootEveryScreen("itsec");
    }

    @Test
    void admin_screens() throws IOException {
        shootEveryScreen("admin");
    }

    /**
     * The change-request screens that the side navigation does not reach: the scheduling screen (IT security) and one
     * submitted request in ICU, as IT security and as the ICU's clinical manager sees it (with its approval card).
     */
    @Test
    void change_request_screens() throws IOException {
        String tag = Api.newTag();
        Api.createDevice(tag);
        java.time.Instant start = java.time.Instant.now().plus(java.time.Duration.ofDays(8))
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Api.Reply created = Api.post("/change-requests", "itsec", jakarta.json.Json.createObjectBuilder()
                .add("kind", "PATCH").add("title", "Firmware 4.2.0 for " + tag)
                .add("plannedAction", "Install firmware 4.2.0 from the vendor's service laptop")
                .add("vendorReference", "PHILIPS-PSA-2026-11").add("manufacturerValidated", true)
                .add("expectedMinutes", 60).add("clinicalImpact", "One CT of the ICU unavailable for an hour")
                .add("backupEquipment", "Radiology's CT takes ICU patients meanwhile")
                .add("rollbackPlan", "Reinstall 4.1.0 from the vendor image").add("technician", "biomed")
                .add("assetTags", jakarta.json.Json.createArrayBuilder().add(tag))
                .add("windows", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                        .add("assetTag", tag).add("start", start.toString())
                        .add("end", start.plus(java.time.Duration.ofHours(1)).toString())))
                .build().toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().getJsonObject("summary").getString("id");
        int version = created.json().getJsonObject("summary").getInt("version");
        Api.Reply submitted = Api.post("/change-requests/" + id + "/submit", "itsec", "{\"version\": " + version + "}");
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1300))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.logIn(page, "itsec");
            page.navigate(ItConfig.baseUrl() + "/change-requests/new");
            page.locator("#change-request-form").waitFor();
            page.locator("#cr-asset-tag input").fill(tag);
            page.locator("#cr-add-device").click();
            page.locator("#window-start-" + tag).waitFor();
            Browsers.settle(page);
            shot(page, "itsec-change-requests_new");
            page.navigate(ItConfig.baseUrl() + "/change-requests/" + id);
            page.locator("#cr-sentence").waitFor();
            Browsers.settle(page);
            shot(page, "itsec-change-request");
            assertThat(page.locator("vaadin-notification-card[theme~='error']").count()).isZero();
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1300))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.logIn(page, "manager");
            page.navigate(ItConfig.baseUrl() + "/approvals");
            page.locator("#approval-" + id).waitFor();
            Browsers.settle(page);
            shot(page, "manager-approvals-card");
            page.navigate(ItConfig.baseUrl() + "/change-requests/" + id);
            page.locator("#cr-sentence").waitFor();
            Browsers.settle(page);
            shot(page, "manager-change-request");
            assertThat(page.locator("vaadin-notification-card[theme~='error']").count()).isZero();
        }
    }

    @Test
    void risk_screens_with_real_advisories() throws IOException {
        ensureRiskData();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1300))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.logIn(page, "itsec");
            page.navigate(ItConfig.baseUrl() + "/risk");
            page.locator("#queue-grid").getByText("Out-of-cycle").first().waitFor();
            Browsers.settle(page);
            assertThat(page.locator("#queue-grid").innerText()).contains("CVE-2017-0143", "Exploitation", "✎");
            shot(page, "itsec-risk-queue");

            page.locator("#queue-grid vaadin-grid-cell-content").getByText("CVE-2017-0143").first().click();
            page.locator("#decision-sentence").waitFor();
            Browsers.settle(page);
            assertThat(page.locator("#decision-sentence").innerText())
                    .startsWith("Patch within 14 days (out-of-cycle): the CVE is actively exploited (CISA KEV)");
            assertThat(page.locator(".pc-point-card").count()).isEqualTo(4);
            shot(page, "itsec-risk-exposure");

            String asset = page.locator("#decision-title").innerText().split(" ")[0];
            page.navigate(ItConfig.baseUrl() + "/devices/" + asset);
            page.locator("#tab-exposures").click();
            page.locator("#device-risk").waitFor();
            Browsers.settle(page);
            assertThat(page.locator("#device-risk").innerText()).contains("out-of-cycle");
            shot(page, "itsec-device-exposures");

            page.navigate(ItConfig.baseUrl() + "/risk/dashboard");
            page.locator("#department-table").waitFor();
            Browsers.settle(page);
            shot(page, "itsec-risk-dashboard");
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.logIn(page, "manager");
            page.navigate(ItConfig.baseUrl() + "/risk/dashboard");
            page.locator("#department-table").waitFor();
            Browsers.settle(page);
            assertThat(page.locator("#dept-ICU").count()).isEqualTo(1);
            assertThat(page.locator("#dept-PHARM").count()).as("not the manager's department").isZero();
            assertThat(page.locator("#department-table a").count()).as("managers see, they do not open the queue").isZero();
            shot(page, "manager-risk-dashboard");
        }
    }

    /**
     * The downtime screens (issue 5) beyond what the side navigation shows: the calendar's month view and its subscribe
     * dialog, today's downtime for biomed, and the blackout and redundancy-group dialogs. While the downtime services
     * are still shells, each screen must render empty with its note instead of an error.
     */
    @Test
    void downtime_screens() throws IOException {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1300))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.logIn(page, "biomed");
            page.navigate(ItConfig.baseUrl() + "/calendar");
            page.locator("#calendar-week").waitFor();
            Browsers.settle(page);
            assertThat(page.locator("#calendar-legend").innerText()).contains("Proposed", "Approved", "In progress");
            assertThat(page.locator("#calendar-week > div").count()).isEqualTo(7);
            shot(page, "biomed-downtime-calendar-week");
            page.locator("#calendar-mode vaadin-radio-button").getByText("Month").click();
            page.locator("#calendar-month").waitFor();
            Browsers.settle(page);
            assertThat(page.locator("#calendar-month .pc-cal-cell").count()).isBetween(28, 42);
            shot(page, "biomed-downtime-calendar-month");
            page.locator("#calendar-subscribe").click();
            page.locator("#feed-create").waitFor();
            page.waitForTimeout(800); // the dialog fades in; Playwright counts it visible before
            Browsers.settle(page);
            shot(page, "biomed-downtime-calendar-subscribe");
            page.locator("#feed-close").click();

            page.navigate(ItConfig.baseUrl() + "/downtime/today");
            page.locator("#today-grid").waitFor();
            Browsers.settle(page);
            shot(page, "biomed-downtime-today");

            page.navigate(ItConfig.baseUrl() + "/redundancy-groups");
            page.locator("#group-grid").waitFor();
            page.locator("#group-create").click();
            page.locator("#group-name").waitFor();
            page.waitForTimeout(800); // the dialog fades in; Playwright counts it visible before
            Browsers.settle(page);
            shot(page, "biomed-downtime-redundancy-group-dialog");
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 1000))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.logIn(page, "manager");
            page.navigate(ItConfig.baseUrl() + "/blackouts");
            page.locator("#blackout-grid").waitFor();
            page.locator("#blackout-create").click();
            page.locator("#blackout-save").waitFor();
            page.waitForTimeout(800); // the dialog fades in; Playwright counts it visible before
            page.locator("#blackout-save").click();
            Browsers.settle(page);
            assertThat(page.locator("#blackout-form-error").innerText()).contains("need attention");
            shot(page, "manager-downtime-blackout-dialog");
        }
    }

    private static void shot(Page page, String name) throws IOException {
        page.screenshot(new Page.ScreenshotOptions().setPath(dir().resolve(name + ".png")).setFullPage(true));
        assertThat(page.locator("vaadin-notification-card[theme~='error']").count()).as(name + ": error notifications")
                .isZero();
    }

    private void shootEveryScreen(String role) throws IOException {
        ensureRiskData();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            Browsers.logIn(page, role);

            Set<String> routes = new LinkedHashSet<>();
            Locator items = page.locator("#side-nav vaadin-side-nav-item");
            for (int i = 0; i < items.count(); i++) {
                String path = items.nth(i).getAttribute("path");
                if (path != null) {
                    routes.add(path.startsWith("/") ? path.substring(1) : path);
                }
            }
            assertThat(routes).as("side navigation of %s", role).isNotEmpty();

            SoftAssertions soft = new SoftAssertions();
            List<String> shot = new ArrayList<>();
            for (String route : routes) {
                page.navigate(ItConfig.baseUrl() + "/" + route);
                page.locator("vaadin-app-layout").waitFor();
                Browsers.settle(page);
                String name = role + "-" + (route.isEmpty() ? "home" : route.replaceAll("[^A-Za-z0-9._-]+", "_")) + ".png";
                page.screenshot(new Page.ScreenshotOptions().setPath(dir().resolve(name)).setFullPage(true));
                shot.add(name);
                soft.assertThat(page.locator("vaadin-notification-card[theme~='error']").count())
                        .as("%s on /%s: error notifications (%s)", role, route,
                                page.locator("vaadin-notification-card").allInnerTexts())
                        .isZero();
                soft.assertThat(page.locator("body").innerText())
                        .as("%s on /%s: page text", role, route)
                        .doesNotContain("Internal error")
                        .doesNotContain("Could not navigate")
                        .doesNotContain("There was an exception while trying to navigate")
                        .doesNotContain("You do not have a role that may open this page");
            }
            System.out.println("Screenshots of " + role + ": " + shot);
            soft.assertAll();
        }
    }
}
