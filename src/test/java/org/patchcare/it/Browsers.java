package org.patchcare.it;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** Playwright with the system's Chromium (Debian /usr/bin/chromium), headless, for the browser tests. */
public final class Browsers {

    private Browsers() {
    }

    public static Path chromium() {
        return Paths.get(System.getProperty("chromium.path", "/usr/bin/chromium"));
    }

    /** Fails (never skips) when Chromium is missing: a browser test that silently does not run proves nothing. */
    public static void requireChromium() {
        Path path = chromium();
        if (!Files.isExecutable(path)) {
            throw new AssertionError("Chromium is needed for the browser tests but " + path + " is missing or not "
                    + "executable. Install it (apt-get install chromium) or point -Dchromium.path at a Chromium binary.");
        }
    }

    public static Browser launch(Playwright playwright) {
        requireChromium();
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium())
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    /** A page of a new headless Chromium window of the given size, with a 30 s default timeout. */
    public static Page newPage(Playwright playwright, int width, int height) {
        Browser browser = launch(playwright);
        com.microsoft.playwright.BrowserContext context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(width, height));
        context.setDefaultTimeout(30_000);
        return context.newPage();
    }

    /** Saves a full-page screenshot as {@code <name>.png} in the screenshots folder (target/screenshots). */
    public static void screenshot(Page page, String name) {
        Path dir = Paths.get(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(dir.resolve(name + ".png")).setFullPage(true));
    }

    /** Logs in through the login form as a demo user and waits for the application to show. */
    public static void logIn(Page page, String username) {
        page.navigate(ItConfig.baseUrl() + "/login");
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(ItConfig.password(username));
        page.locator("vaadin-login-form input[name='password']").press("Enter");
        page.waitForURL(url -> !url.contains("/login"));
        page.locator("#side-nav").waitFor();
        settle(page);
    }

    /** Waits until Vaadin has answered every pending request. */
    public static void settle(Page page) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.waitForFunction("() => !window.Vaadin || !window.Vaadin.Flow || !window.Vaadin.Flow.clients "
                + "|| Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }
}
