package org.patchcare.advisories.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;
import org.patchcare.testsupport.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import folder (PATCHCARE_CSAF_FOLDER, set for the test server by the build): a real advisory and a broken one
 * dropped in it are imported or refused; each file moves to imported/ or rejected/, the refused one with its reasons.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdvisoryFolderIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void files_dropped_in_the_folder_are_imported_or_set_aside_with_the_reasons() throws Exception {
        Path folder = Path.of(System.getProperty("it.advisory.folder"));
        Files.createDirectories(folder);
        Path good = folder.resolve("icsma-18-123-01.json");
        Path bad = folder.resolve("broken-6-1-01.json");
        Files.copy(TestData.file("csaf/icsma/icsma-18-123-01.json"), good, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(TestData.file("csaf/oasis-invalid/oasis_csaf_tc-csaf_2_0-2021-6-1-01-01.json"), bad,
                StandardCopyOption.REPLACE_EXISTING);

        assertThat(Api.post("/advisory-feeds/folder", "biomed", "{}").status()).isEqualTo(403);
        // the scheduled job may have taken the files first; either way the outcome is the same
        Reply r = Api.post("/advisory-feeds/folder", "itsec", "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);

        assertThat(good).doesNotExist();
        assertThat(bad).doesNotExist();
        assertThat(folder.resolve("imported/icsma-18-123-01.json")).exists();
        assertThat(folder.resolve("rejected/broken-6-1-01.json")).exists();
        assertThat(Files.readString(folder.resolve("rejected/broken-6-1-01.json.txt"))).contains("6.1.1");

        JsonObject a = Api.get("/advisories/ICSMA-18-123-01", "manager").json();
        assertThat(a.getJsonArray("revisions").getJsonObject(0).getString("origin")).isEqualTo("FOLDER");
        assertThat(a.getJsonArray("revisions").getJsonObject(0).getString("sourceName")).isEqualTo("icsma-18-123-01.json");
    }
}
