package org.patchcare.advisories.application.feed;

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

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server polls a CSAF provider (a local HTTP server serving CISA's real advisories under their feed paths, with
 * computed .sha512 files): a first poll imports what changes.csv lists, a second poll fetches nothing, a newer entry
 * whose checksum does not match is withheld and reported, and only IT security and administrators may poll.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdvisoryFeedIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    private static final String ALARIS = "csaf_files/OT/white/2017/icsma-17-017-01.json";
    private static final String PHILIPS = "csaf_files/OT/white/2018/icsma-18-123-01.json";

    @Test
    void a_provider_feed_is_polled_incrementally_with_checksums_verified() throws Exception {
        try (FakeCsafProvider provider = new FakeCsafProvider()) {
            String changes = ALARIS + ",2017-02-07T00:00:00.000000Z\n";
            provider.serve(FakeCsafProvider.CHANGES, changes);
            String url = provider.uri(FakeCsafProvider.CHANGES).toString();

            Reply add = Api.post("/advisory-feeds", "itsec", "{\"url\":\"" + url + "\"}");
            assertThat(add.status()).as(add.toString()).isEqualTo(201);
            assertThat(Api.post("/advisory-feeds/poll", "biomed", "{}").status()).isEqualTo(403);

            JsonObject first = report(Api.post("/advisory-feeds/poll", "itsec", "{}"), url);
            assertThat(first.getInt("created")).isEqualTo(1);
            assertThat(first.getInt("rejected")).isZero();
            assertThat(Api.get("/advisories/ICSMA-17-017-01", "itsec").status()).isEqualTo(200);
            assertThat(Api.get("/advisories/ICSMA-17-017-01", "itsec").json().getJsonArray("revisions")
                    .getJsonObject(0).getString("origin")).isEqualTo("FEED");

            provider.forgetRequests();
            JsonObject second = report(Api.post("/advisory-feeds/poll", "itsec", "{}"), url);
            assertThat(second.getInt("created") + second.getInt("revised") + second.getInt("unchanged")).isZero();
            assertThat(provider.requests()).allSatisfy(r -> assertThat(r.path()).endsWith("changes.csv"));

            String philips = PHILIPS.substring(PHILIPS.lastIndexOf('/') + 1);
            provider.wrongChecksum(philips);
            provider.serve(FakeCsafProvider.CHANGES, PHILIPS + ",2018-05-03T00:00:00.000000Z\n" + changes);
            JsonObject third = report(Api.post("/advisory-feeds/poll", "itsec", "{}"), url);
            assertThat(third.getInt("created")).isZero();
            assertThat(third.getString("status")).isEqualTo("PROBLEMS");
            assertThat(third.getJsonArray("problems").getString(0)).contains("checksum mismatch");
            assertThat(Api.get("/advisories/ICSMA-18-123-01", "itsec").status()).isEqualTo(404);

            provider.rightChecksum(philips);
            JsonObject fourth = report(Api.post("/advisory-feeds/poll", "itsec", "{}"), url);
            assertThat(fourth.getInt("created")).isEqualTo(1);
            assertThat(Api.get("/advisory-feeds", "admin").array().getValuesAs(JsonObject.class))
                    .singleElement().satisfies(f -> assertThat(f.getString("lastStatus")).isEqualTo("OK"));
        }
    }

    private static JsonObject report(Reply r, String url) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonObject> reports = r.array().getValuesAs(JsonObject.class);
        return reports.stream().filter(x -> x.getString("source").equals(url)).findFirst()
                .orElseThrow(() -> new AssertionError("no report for " + url + ": " + r));
    }
}
