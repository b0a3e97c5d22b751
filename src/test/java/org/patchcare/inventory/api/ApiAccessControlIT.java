package org.patchcare.inventory.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchcare.it.Deployments;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;
import org.patchcare.shared.domain.Roles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.shared.api.Api.ADMIN;
import static org.patchcare.shared.api.Api.createDevice;
import static org.patchcare.shared.api.Api.deviceJson;
import static org.patchcare.shared.api.Api.newTag;
import static org.patchcare.shared.api.Api.with;

/**
 * Who may call what in the REST API, generated from one table of (method, path, allowed roles): every endpoint is
 * called anonymously (401) and as each demo user (allowed → 2xx, denied → 403).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiAccessControlIT {

    private static final Set<String> EVERYONE = Set.of(Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN);
    private static final Set<String> EDITORS = Set.of(Roles.BIOMED_TECH, Roles.ADMIN);

    /** The demo users and their one role each. */
    private static final Map<String, String> USERS = Map.of(
            "biomed", Roles.BIOMED_TECH,
            "manager", Roles.CLINICAL_MANAGER,
            "itsec", Roles.IT_SECURITY,
            "admin", Roles.ADMIN);

    /**
     * One endpoint. {@code path} may hold {tag} (a device) and {model} (a model id); {@code device} prepares the
     * device a call may change (null: none needed), {@code body} writes the request body for that device.
     */
    record Endpoint(String method, String path, Set<String> allowed, Function<String, String> device,
                    Function<JsonObject, String> body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final List<Endpoint> TABLE = List.of(
            read("/devices?limit=3"),
            read("/devices/{tag}"),
            read("/devices/{tag}/timeline"),
            read("/devices/{tag}/history"),
            read("/device-models"),
            read("/device-models/{model}"),
            read("/manufacturers"),
            read("/manufacturers/resolve?name=Phillips"),
            read("/departments"),
            read("/departments/ICU"),
            read("/facilities"),
            read("/threat-feeds"),
            read("/advisories"),
            read("/exposures"),
            read("/devices/{tag}/exposures"),
            read("/match-reviews"),
            read("/risk/queue?limit=5"),
            read("/risk/departments"),
            read("/risk/facilities"),
            read("/risk/pending"),
            read("/risk/devices/{tag}"),
            new Endpoint("POST", "/risk/reevaluate", Set.of(Roles.IT_SECURITY, Roles.ADMIN), null,
                    d -> "{\"reason\":\"access-control test\"}"),
            new Endpoint("GET", "/advisory-feeds", Set.of(Roles.IT_SECURITY, Roles.ADMIN), null, null),
            new Endpoint("POST", "/devices", EDITORS, null, d -> deviceJson(newTag()).toString()),
            write("PUT", "/devices/{tag}", ApiAccessControlIT::fresh,
                    d -> with(with(deviceJson(d.getString("assetTag")), "notes", "checked"), "version", d.getInt("version")).toString()),
            write("POST", "/devices/{tag}/move", ApiAccessControlIT::fresh, d -> "{\"department\":\"RAD\"}"),
            write("POST", "/devices/{tag}/out-of-service", ApiAccessControlIT::fresh, d -> "{\"forRepair\":false}"),
            write("POST", "/devices/{tag}/return-to-service", ApiAccessControlIT::outOfService, d -> "{}"),
            write("POST", "/devices/{tag}/retire", ApiAccessControlIT::fresh, d -> "{\"comment\":\"end of life\"}"),
            write("POST", "/devices/{tag}/events", ApiAccessControlIT::fresh, d -> "{\"type\":\"PREVENTIVE_MAINTENANCE\"}"));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    static Stream<Arguments> calls() {
        List<Arguments> calls = new ArrayList<>();
        for (Endpoint e : TABLE) {
            calls.add(Arguments.of(e, "anonymous"));
            USERS.keySet().stream().sorted().forEach(u -> calls.add(Arguments.of(e, u)));
        }
        return calls.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("calls")
    void each_endpoint_answers_each_user_as_the_table_says(Endpoint endpoint, String user) {
        boolean anonymous = user.equals("anonymous");
        boolean allowed = !anonymous && endpoint.allowed().contains(USERS.get(user));
        // a device of its own for each call that may change one; a shared one where nothing can change
        String tag = endpoint.device() == null ? sharedDevice() : allowed ? endpoint.device().apply(newTag()) : sharedDevice();
        JsonObject details = Api.get("/devices/" + tag, ADMIN).json();
        String path = endpoint.path().replace("{tag}", tag).replace("{model}", details.getString("modelId"));
        String body = endpoint.body() == null ? null : endpoint.body().apply(details);

        Reply r = Api.call(endpoint.method(), path, anonymous ? null : user, body);

        if (anonymous) {
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
        } else if (allowed) {
            assertThat(r.status()).as(r.toString()).isBetween(200, 299);
        } else {
            assertThat(r.status()).as(r.toString()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().getString("type")).isEqualTo("urn:patchcare:problem:forbidden");
        }
        if (!allowed && endpoint.device() != null) {
            assertThat(Api.get("/devices/" + tag, ADMIN).json().getInt("version"))
                    .as("a refused call must not change the device").isEqualTo(details.getInt("version"));
        }
    }

    private static Endpoint read(String path) {
        return new Endpoint("GET", path, EVERYONE, null, null);
    }

    private static Endpoint write(String method, String path, Function<String, String> device, Function<JsonObject, String> body) {
        return new Endpoint(method, path, EDITORS, device, body);
    }

    private static String fresh(String tag) {
        createDevice(tag);
        return tag;
    }

    private static String outOfService(String tag) {
        createDevice(tag);
        Reply r = Api.post("/devices/" + tag + "/out-of-service", ADMIN, "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return tag;
    }

    private static volatile String shared;

    private static synchronized String sharedDevice() {
        if (shared == null) {
            shared = fresh(newTag());
        }
        return shared;
    }
}
