package org.patchcare.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Where the server under test answers, which database it uses, and the demo users' credentials. */
public final class ItConfig {

    private ItConfig() {
    }

    public static String baseUrl() {
        return "http://localhost:" + System.getProperty("it.http.port", "8080");
    }

    /** H2 or MariaDB: the database of this failsafe execution. */
    public static String database() {
        String db = System.getenv("PATCHCARE_IT_DB");
        return db == null ? "h2" : db;
    }

    public static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static HttpRequest.Builder request(String path, String username, String password) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60));
        if (username != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return b;
    }

    /** Demo users (see README): username → password. */
    public static String password(String username) {
        return username + "-demo-2026";
    }
}
