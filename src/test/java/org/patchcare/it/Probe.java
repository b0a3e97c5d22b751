package org.patchcare.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Client side of {@link ProbeServlet}: calls a service operation on the server as a demo user (or as nobody). */
public final class Probe {

    private final String username;

    private Probe(String username) {
        this.username = username;
    }

    /** Calls as this demo user (password from {@link ItConfig#password}); null means without credentials. */
    public static Probe as(String username) {
        return new Probe(username);
    }

    public static Probe anonymous() {
        return new Probe(null);
    }

    /** The answer of the probe: either a value or the exception the service threw. */
    public record Answer(JsonObject json) {
        public boolean ok() {
            return json.getBoolean("ok");
        }

        public String exception() {
            return json.getString("exception", null);
        }

        public String message() {
            return json.getString("message", null);
        }

        public JsonValue value() {
            if (!ok()) {
                throw new AssertionError("probe call failed with " + exception() + ": " + message());
            }
            return json.getOrDefault("value", JsonValue.NULL);
        }

        public JsonObject object() {
            return value().asJsonObject();
        }

        public JsonArray array() {
            return value().asJsonArray();
        }

        @Override
        public String toString() {
            return json.toString();
        }
    }

    public Answer call(String action, String... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name/value pairs");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put(keyValues[i], keyValues[i + 1]);
        }
        return call(action, params);
    }

    public Answer call(String action, Map<String, String> params) {
        StringBuilder body = new StringBuilder();
        params.forEach((k, v) -> {
            if (v != null) {
                body.append(body.isEmpty() ? "" : "&").append(enc(k)).append('=').append(enc(v));
            }
        });
        var request = ItConfig.request("/it/probe/" + action, username, username == null ? null : ItConfig.password(username))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> r;
        try {
            r = ItConfig.http().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("probe " + action + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (r.statusCode() != 200) {
            throw new AssertionError("probe " + action + " as " + username + " answered HTTP " + r.statusCode() + ": " + r.body());
        }
        try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
            return new Answer(reader.readObject());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
