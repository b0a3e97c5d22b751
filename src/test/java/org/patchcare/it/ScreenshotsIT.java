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
 * Vaadin error notification or an error page.
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

    private void shootEveryScreen(String role) throws IOException {
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
