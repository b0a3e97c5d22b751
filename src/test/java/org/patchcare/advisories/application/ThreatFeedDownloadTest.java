package org.patchcare.advisories.application;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchcare.testsupport.TestData;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fetching the KEV catalogue from a configured URL, against a real local HTTP server serving the real file. */
class ThreatFeedDownloadTest {

    private HttpServer server;
    private String base;
    private byte[] kev;

    @BeforeEach
    void start() throws Exception {
        kev = Files.readAllBytes(TestData.file("kev/known_exploited_vulnerabilities.json"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/kev.json", ex -> {
            ex.sendResponseHeaders(200, kev.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(kev);
            }
        });
        server.createContext("/gone.json", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.createContext("/moved.json", ex -> {
            ex.getResponseHeaders().add("Location", base + "/kev.json");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void the_catalogue_is_fetched_whole_and_redirects_are_followed() throws Exception {
        ThreatFeedDownload d = new ThreatFeedDownload(Duration.ofSeconds(20), 50_000_000);
        try (InputStream in = d.open(base + "/kev.json")) {
            assertThat(in.readAllBytes()).isEqualTo(kev);
        }
        try (InputStream in = d.open(base + "/moved.json")) {
            assertThat(in.readAllBytes()).hasSize(kev.length);
        }
    }

    @Test
    void an_error_status_a_file_too_large_and_a_wrong_address_are_refused_with_a_message() {
        ThreatFeedDownload d = new ThreatFeedDownload(Duration.ofSeconds(20), 1_000);
        assertThatThrownBy(() -> d.open(base + "/gone.json")).isInstanceOf(ThreatFeedDownload.DownloadException.class)
                .hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> d.open(base + "/kev.json")).isInstanceOf(ThreatFeedDownload.DownloadException.class)
                .hasMessageContaining("more than the 1,000 accepted");
        assertThatThrownBy(() -> d.open("file:///etc/passwd")).hasMessageContaining("not an http(s) address");
        assertThatThrownBy(() -> d.open("http://127.0.0.1:1/kev.json")).hasMessageContaining("could not be fetched");
    }
}
