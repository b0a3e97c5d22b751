package org.patchcare.reporting.ui;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Playwright;
import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.patchcare.it.BrowserFlow;
import org.patchcare.it.Browsers;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.testsupport.TestData;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exposure report screen in Chromium on the real server: the demo clinical manager opens the facility report from
 * its address, sees it narrowed to their departments, and downloads both files; the downloads run as the manager
 * (the audit entry names them) and hold what the work queue holds for those departments.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExposureReportE2EIT extends BrowserFlow {

    ExposureReportE2EIT() {
        super("manager-exposure-report");
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    /** Real advisories about monitors the demo ICU and ED own, decided by the risk job (imports are idempotent). */
    private static void monitorsExposed() throws Exception {
        for (String a : List.of("icsma-18-156-01", "icsma-20-023-01")) {
            Api.Reply r = Api.post("/advisories", "itsec", Files.readString(TestData.file("csaf/icsma/" + a + ".json")));
            assertThat(r.status()).as(a + ": " + r).isBetween(200, 201);
        }
        long deadline = System.currentTimeMillis() + 90_000;
        while (Api.get("/risk/pending", "itsec").json().getJsonNumber("pending").longValue() > 0) {
            assertThat(System.currentTimeMillis()).as("exposures decided within 90 s").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    private static int openExposures(String department) {
        return Api.get("/risk/queue?accepted=true&limit=1&department=" + department, "itsec").json().getInt("total");
    }

    @Test
    void a_manager_downloads_the_report_of_their_departments_from_the_screen() throws Exception {
        monitorsExposed();
        playwright = Playwright.create();
        page = Browsers.newPage(playwright, 1280, 900);
        Browsers.logIn(page, "manager");
        page.navigate(ItConfig.baseUrl() + "/reports/exposures?facility=MAIN");
        page.locator("#report-scope-title").waitFor();
        Browsers.settle(page);
        assertThat(page.locator("#report-scope-title").innerText())
                .startsWith("Facility MAIN - ").endsWith("your departments only: ED, ICU");
        int expected = openExposures("ICU") + openExposures("ED");
        assertThat(expected).as("the advisories match monitors of ICU or ED").isPositive();
        assertThat(page.locator("#report-counts").innerText()).startsWith(expected + " open exposures");
        Browsers.screenshot(page, "manager-exposure-report");

        Download csv = page.waitForDownload(() -> page.locator("#report-csv").click());
        assertThat(csv.suggestedFilename()).startsWith("patchcare-exposures-facility-MAIN-").endsWith(".csv");
        String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFAsset tag,Manufacturer,Model,Department,");
        List<String> lines = text.lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(expected);

        Download pdf = page.waitForDownload(() -> page.locator("#report-pdf").click());
        byte[] bytes = Files.readAllBytes(pdf.path());
        try (PdfReader reader = new PdfReader(bytes)) {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1))
                    .contains("Limited to the departments you are assigned to: ED, ICU.", "by manager");
        }
        JsonObject newest = Probe.as("admin").call("audit/history", "type", "ExposureReport", "key", "FACILITY:MAIN")
                .array().getJsonObject(0);
        assertThat(newest.getString("actor")).isEqualTo("manager");
        assertThat(newest.getString("reason")).startsWith("PDF; Facility MAIN");
    }
}
