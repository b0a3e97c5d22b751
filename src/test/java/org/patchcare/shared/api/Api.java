package org.patchcare.shared.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import org.patchcare.it.ItConfig;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.UUID;

/** Calls the REST API of the server under test as a demo user (or anonymously) and reads the JSON answers. */
public final class Api {

    public static final String BASE = "/api/v1";
    public static final String ADMIN = "admin";
    public static final String BIOMED = "biomed";
    private static final HttpClient HTTP = ItConfig.http();

    private Api() {
    }

    /** What the server answered. */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try {
                return Json.createReader(new StringReader(body)).read();
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + contentType() + " " + body;
        }
    }

    public static Reply get(String path, String user) {
        return call("GET", path, user, null);
    }

    public static Reply post(String path, String user, String json) {
        return call("POST", path, user, json);
    }

    public static Reply put(String path, String user, String json) {
        return call("PUT", path, user, json);
    }

    /** {@code path} below /api/v1; {@code user} a demo user name, or null for no credentials. */
    public static Reply call(String method, String path, String user, String json) {
        HttpRequest.Builder b = ItConfig.request(BASE + path, user, user == null ? null : ItConfig.password(user))
                .header("Accept", "application/json, application/problem+json");
        if (json != null) {
            // a body over the API's 1 MB limit asks first (Expect: 100-continue): the server refuses it with 413
            // before the client sends it, instead of closing the connection under a half-sent body
            b.expectContinue(json.length() > 1_000_000);
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An asset tag no other test uses. */
    public static String newTag() {
        return "API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** A valid device body: a Philips CT in ICU. */
    public static JsonObject deviceJson(String tag) {
        return Json.createObjectBuilder()
                .add("assetTag", tag)
                .add("serialNumber", "SN-" + tag)
                .add("manufacturer", "Philips")
                .add("model", "Brilliance 64")
                .add("department", "ICU")
                .add("criticality", "DIAGNOSTIC")
                .add("connectivity", "CLINICAL_NETWORK")
                .add("hostname", tag.toLowerCase(Locale.ROOT) + ".clinical.example")
                .add("softwareVersion", "4.1.0")
                .add("installDate", "2021-05-17")
                .build();
    }

    /** Records a new device as the administrator and returns its details. */
    public static JsonObject createDevice(String tag) {
        Reply r = post("/devices", ADMIN, deviceJson(tag).toString());
        if (r.status() != 201) {
            throw new IllegalStateException("could not create device " + tag + ": " + r);
        }
        return r.json();
    }

    /** The body with one member replaced (or added). */
    public static JsonObject with(JsonObject o, String name, String value) {
        return Json.createObjectBuilder(o).add(name, value).build();
    }

    public static JsonObject with(JsonObject o, String name, int value) {
        return Json.createObjectBuilder(o).add(name, value).build();
    }

    public static JsonObject with(JsonObject o, String name, boolean value) {
        return Json.createObjectBuilder(o).add(name, value).build();
    }

    public static JsonObject without(JsonObject o, String name) {
        return Json.createObjectBuilder(o).remove(name).build();
    }
}
