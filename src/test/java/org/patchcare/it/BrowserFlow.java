package org.patchcare.it;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * What every Chromium flow shares: the browser it opens, a check that Debian's Chromium is installed, and a screenshot
 * of the last page (also after a failure) before the browser closes. Subclasses keep their own Arquillian
 * {@code @Deployment} and open the browser with {@link Browsers#newPage} or {@link Browsers#launch}.
 */
public abstract class BrowserFlow {

    protected Playwright playwright;
    protected Page page;
    private final String lastScreenshot;

    protected BrowserFlow(String lastScreenshot) {
        this.lastScreenshot = lastScreenshot;
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        Browsers.requireChromium();
    }

    @AfterEach
    void closeBrowser() {
        try {
            if (page != null && !page.isClosed()) {
                Browsers.screenshot(page, lastScreenshot);
            }
        } catch (RuntimeException e) {
            System.err.println("Could not save the screenshot " + lastScreenshot + ": " + e.getMessage());
        } finally {
            if (playwright != null) {
                playwright.close();
            }
        }
    }
}
