package org.patchcare.shared.api;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.shared.api.Api.Reply;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.shared.api.Api.ADMIN;

/**
 * Bodies over their limit are refused with 413 problem+json naming the limit, and nothing is stored: an ordinary
 * JSON body over 1 MB (announced or chunked), a CSAF document and a KEV catalogue over 20 MB. (The CSV import, the
 * attachments and the EPSS file's unpacked limit have their own tests: DeviceImportIT, PatchFlowIT,
 * EpssFileReaderTest.)
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UploadLimitsIT {

    private static final HttpClient HTTP = ItConfig.http();
    private static final int MB = 1024 * 1024;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void a_json_body_over_1_mb_is_refused_announced_or_chunked_and_nothing_is_stored() {
        for (boolean chunked : new boolean[]{false, true}) {
            String tag = Api.newTag();
            String body = Api.with(Api.deviceJson(tag), "notes", "x".repeat(MB)).toString();
            HttpResponse<String> r = post("/api/v1/devices", "application/json",
                    body.getBytes(StandardCharsets.UTF_8), chunked);
            assertTooLarge(r, "1 MB");
            assertThat(Api.get("/devices/" + tag, ADMIN).status()).as("chunked=%s: not stored", chunked).isEqualTo(404);
        }
    }

    @Test
    void a_csaf_document_over_20_mb_is_refused_and_nothing_is_stored() {
        long before = Api.get("/advisories?limit=1", ADMIN).json().getJsonNumber("total").longValue();
        HttpResponse<String> r = post("/api/v1/advisories", "application/json", padded("{\"document\":", 20 * MB + 1),
                false);
        assertTooLarge(r, "20,971,520");
        assertThat(Api.get("/advisories?limit=1", ADMIN).json().getJsonNumber("total").longValue()).isEqualTo(before);
    }

    @Test
    void a_kev_catalogue_over_20_mb_is_refused_and_nothing_changes() {
        String before = Api.get("/threat-feeds", ADMIN).body();
        HttpResponse<String> r = post("/api/v1/threat-feeds/kev", "application/json", padded("{\"title\":", 20 * MB + 1),
                false);
        assertTooLarge(r, "20 MB");
        assertThat(Api.get("/threat-feeds", ADMIN).body()).isEqualTo(before);
    }

    private static void assertTooLarge(HttpResponse<String> r, String limit) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"status\":413").contains(limit);
    }

    /** {@code prefix} then spaces up to {@code size} bytes: valid JSON so far, so only the size can refuse it. */
    private static byte[] padded(String prefix, int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) ' ');
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(p, 0, b, 0, p.length);
        return b;
    }

    private static HttpResponse<String> post(String path, String type, byte[] body, boolean chunked) {
        HttpRequest.Builder b = ItConfig.request(path, ADMIN, ItConfig.password(ADMIN)).header("Content-Type", type)
                .header("Accept", "application/json, application/problem+json");
        b.POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
