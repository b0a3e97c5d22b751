package org.patchcare.reporting.ui;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Playwright;
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

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three dashboards end to end, real WildFly, real database, real Chromium, over the generated year of history
 * ({@link org.patchcare.it.MetricsHistory}: its own facility with two departments): IT security and clinical managers
 * open each dashboard, the charts are drawn (inline SVG with a text alternative), a click on a bar or a number opens
 * the filtered list behind it, and each dashboard is kept as a full-page screenshot (system property screenshots.dir,
 * default target/screenshots) for docs/dashboards.md.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DashboardScreensE2EIT extends BrowserFlow {

    DashboardScreensE2EIT() {
        super("dashboards-last");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    private static JsonObject history;

    /**
     * Writes the history once (as of now: it runs through 2025), refreshes the timeline, and adds a clinical manager
     * responsible for the history's first department.
     */
    static synchronized JsonObject history() throws Exception {
        if (history == null) {
            HttpRequest r = ItConfig.request("/it/metrics-history/write?now=" + Instant.now(), "admin",
                    ItConfig.password("admin")).POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> w = ItConfig.http().send(r, HttpResponse.BodyHandlers.ofString());
            assertThat(w.statusCode()).as(w.body()).isEqualTo(200);
            JsonObject written = Json.createReader(new StringReader(w.body())).readObject();
            Api.Reply refreshed = Api.post("/metrics/refresh", "itsec", "");
            assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
            Probe.as("admin").call("fixture/user", "username", MANAGER, "role", "CLINICAL_MANAGER", "department",
                    written.getString("departmentA")).value();
            history = written;
        }
        return history;
    }

    /** A clinical manager of the history's first department. */
    static final String MANAGER = "mhmanager";

    private void open(String route, String waitFor) {
        page.navigate(ItConfig.baseUrl() + "/" + route);
        page.locator(waitFor).waitFor();
        Browsers.settle(page);
        noError(route);
    }

    private void noError(String where) {
        assertThat(page.locator("vaadin-notification-card[theme~='error']").count()).as(where + " without error")
                .isZero();
    }

    /**
     * A full-page screenshot: the app layout scrolls inside itself, so the window grows to the dashboard's height
     * first.
     */
    private void shoot(String name) {
        int height = ((Number) page.evaluate("() => document.querySelector('.pc-dashboard').scrollHeight + 140"))
                .intValue();
        page.setViewportSize(1440, Math.max(1000, height));
        Browsers.settle(page);
        Browsers.screenshot(page, name);
        page.setViewportSize(1440, 1000);
    }

    /** The history runs through 2025: the dashboards show it over the last two years. */
    private void lastTwoYears(String waitFor) {
        page.locator("#filter-period").click();
        page.locator("vaadin-select-item").getByText("Last 2 years").click();
        Browsers.settle(page);
        page.locator(waitFor).waitFor();
        noError("period");
    }

    /** Every drawn chart of the page: an inline SVG image with its summary in words. */
    private List<String> summaries() {
        Locator charts = page.locator(".pc-dash-chart svg.pc-chart");
        assertThat(charts.count()).isPositive();
        return charts.all().stream().map(c -> {
            assertThat(c.getAttribute("role")).isEqualTo("img");
            return c.getAttribute("aria-label");
        }).toList();
    }

    @Test
    void it_security_sees_the_executive_and_operations_dashboards_and_follows_their_links() throws Exception {
        String departmentA = history().getString("departmentA");
        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1440, 1000);
        Browsers.logIn(page, "itsec");

        open("dashboards/executive", "#headline");
        lastTwoYears("#chart-ttp-trend-chart svg");
        assertThat(summaries()).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(s -> assertThat(s).doesNotEndWith("No data."));
        assertThat(page.locator("#tile-open .pc-dash-tile-number").innerText()).isNotEqualTo("0");
        shoot("itsec-executive");

        Locator unsupportedBar = page.locator("#chart-unsupported-chart a.pc-chart-link").first();
        String href = unsupportedBar.getAttribute("href");
        assertThat(href).startsWith("devices?").contains("support=UNSUPPORTED", "department=");
        unsupportedBar.click();
        page.waitForURL(url -> url.contains("/devices?") && url.contains("support=UNSUPPORTED"));
        Browsers.settle(page);
        assertThat(page.locator("vaadin-grid").count()).isPositive();

        open("dashboards/operations", "#headline");
        lastTwoYears("#chart-ttp-manufacturer-chart svg");
        summaries();
        shoot("itsec-operations");
        page.locator("#tile-overdue a").click();
        page.waitForURL(url -> url.contains("/risk?") && url.contains("overdue=true"));
        Browsers.settle(page);
        assertThat(page.locator("#filter-overdue").getAttribute("checked")).isNotNull();

        open("dashboards/department?department=" + departmentA, "#chart-open-by-outcome-chart svg");
        lastTwoYears("#chart-lags-chart svg");
        summaries();
        shoot("itsec-department");
        Locator overdue = page.locator("#chart-open-by-outcome-chart a.pc-chart-link[href*='overdue=true']").first();
        assertThat(overdue.getAttribute("href")).contains("department=" + departmentA);
        overdue.click();
        page.waitForURL(url -> url.contains("/risk?") && url.contains("department=" + departmentA));
    }

    @Test
    void a_clinical_manager_sees_only_their_departments_and_opens_their_change_requests_from_the_department_dashboard()
            throws Exception {
        String departmentA = history().getString("departmentA");
        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1440, 1000);
        Browsers.logIn(page, "manager");
        assertThat(page.locator("#side-nav").innerText()).contains("Executive dashboard", "Department dashboard")
                .doesNotContain("Operations dashboard");
        open("dashboards/department", "#headline");
        page.locator("#filter-department").click();
        // the overlay attaches its items before it renders their labels: wait for the labels, not the items
        page.waitForFunction("() => { const items = [...document.querySelectorAll('vaadin-combo-box-item')];"
                + " return items.length > 0 && items.every(i => i.innerText.trim().length > 0); }");
        List<String> offered = page.locator("vaadin-combo-box-item").allInnerTexts();
        page.keyboard().press("Escape");
        assertThat(offered).as("the demo manager's departments").hasSize(2)
                .allSatisfy(o -> assertThat(o).matches("(ICU|ED) – .*"));
        page.locator("#logout").click();
        page.waitForURL(url -> url.contains("/login"));

        Browsers.logIn(page, MANAGER);
        open("dashboards/department", "#headline");
        lastTwoYears("#chart-ttp-trend-chart svg");
        summaries();
        assertThat(page.locator("#chart-open-by-outcome-chart a.pc-chart-link").count())
                .as("the work queue is IT's: no links there for a clinical manager").isZero();
        shoot("manager-department");

        Locator changeRequests = page.locator("#chart-lags-list");
        assertThat(changeRequests.getAttribute("href")).isEqualTo("change-requests?department=" + departmentA);
        changeRequests.click();
        page.waitForURL(url -> url.contains("/change-requests?department=" + departmentA));
        Browsers.settle(page);
        assertThat(page.locator("#cr-filter-department input").inputValue()).as("the list opens filtered")
                .startsWith(departmentA);

        open("dashboards/executive", "#headline");
        lastTwoYears("#chart-ttp-trend-chart svg");
        summaries();
        shoot("manager-executive");
    }
}
