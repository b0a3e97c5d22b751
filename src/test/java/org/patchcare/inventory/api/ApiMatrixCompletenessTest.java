package org.patchcare.inventory.api;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;
import org.patchcare.shared.api.ApiApplication;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST access-control matrix (ApiAccessControlIT.TABLE) names every endpoint of the application: every resource
 * method of every {@code @Path} class compiled into the WAR is found by reflection and must be called by at least one
 * row of the table (or be listed in {@link #NOT_IN_TABLE} with the reason). A new endpoint without a row fails here,
 * naming the HTTP method, the path and the Java method, so nobody forgets to state who may call it.
 */
class ApiMatrixCompletenessTest {

    /** Endpoints the access-control table leaves out on purpose, each with why. */
    static final Set<String> NOT_IN_TABLE = Set.of(
            // anonymous by design: the calendar client holds the secret feed token instead of a password
            "GET /api/v1/calendar/feeds/{}.ics");

    /** One resource method: HTTP method, the full path with every template as {}, the Java method. */
    record ResourceMethod(String httpMethod, String path, String javaMethod) {
        String key() {
            return httpMethod + " " + path;
        }
    }

    @Test
    void every_rest_endpoint_has_a_row_in_the_access_control_table() throws Exception {
        List<ResourceMethod> endpoints = resourceMethods();
        assertThat(endpoints).as("the scan finds the API's resources").hasSizeGreaterThan(50);
        Set<String> missing = new TreeSet<>();
        for (ResourceMethod m : endpoints) {
            if (NOT_IN_TABLE.contains(m.key())) {
                continue;
            }
            boolean covered = ApiAccessControlIT.TABLE.stream().anyMatch(e -> e.method().equals(m.httpMethod())
                    && bestMatch(endpoints, e.method(), ApiApplication.PATH + e.path()) == m);
            if (!covered) {
                missing.add(m.key() + "  (" + m.javaMethod() + ")");
            }
        }
        assertThat(missing).as("REST endpoints without a row in ApiAccessControlIT.TABLE: add one per endpoint with "
                + "the roles that may call it (or, for an endpoint that is public by design, a line in "
                + "ApiMatrixCompletenessTest.NOT_IN_TABLE with the reason)").isEmpty();
        Set<String> keys = new TreeSet<>();
        endpoints.forEach(m -> keys.add(m.key()));
        assertThat(NOT_IN_TABLE).as("NOT_IN_TABLE names endpoints that exist").allMatch(keys::contains);
    }

    @Test
    void every_row_of_the_table_names_an_existing_endpoint() throws Exception {
        List<ResourceMethod> endpoints = resourceMethods();
        List<String> unknown = ApiAccessControlIT.TABLE.stream()
                .filter(e -> bestMatch(endpoints, e.method(), ApiApplication.PATH + e.path()) == null)
                .map(Object::toString).toList();
        assertThat(unknown).as("rows of ApiAccessControlIT.TABLE that match no resource method").isEmpty();
    }

    /**
     * The resource method JAX-RS would pick for a concrete call: a placeholder of the table ({tag}) matches only a
     * template segment; a literal matches the same literal or a template; the most literal candidate wins.
     */
    static ResourceMethod bestMatch(List<ResourceMethod> endpoints, String httpMethod, String call) {
        String[] segs = segments(call.replaceAll("\\?.*$", ""));
        ResourceMethod best = null;
        int bestLiterals = -1;
        for (ResourceMethod m : endpoints) {
            if (!m.httpMethod().equals(httpMethod)) {
                continue;
            }
            String[] tpl = segments(m.path());
            if (tpl.length != segs.length) {
                continue;
            }
            int literals = 0;
            boolean ok = true;
            for (int i = 0; i < tpl.length && ok; i++) {
                boolean placeholder = segs[i].startsWith("{");
                if (tpl[i].equals("{}")) {
                    continue;
                }
                if (tpl[i].contains("{}")) { // e.g. {}.ics
                    String suffix = tpl[i].substring(tpl[i].indexOf("{}") + 2);
                    ok = segs[i].endsWith(suffix);
                    continue;
                }
                ok = !placeholder && tpl[i].equals(segs[i]);
                literals++;
            }
            if (ok && literals > bestLiterals) {
                best = m;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static String[] segments(String path) {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
    }

    /** Every resource method of the @Path classes under target/classes. */
    static List<ResourceMethod> resourceMethods() throws IOException, URISyntaxException {
        java.nio.file.Path root = Paths.get(ApiApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<ResourceMethod> out = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.startsWith("org.patchcare.")) {
                    continue;
                }
                Class<?> c;
                try {
                    c = Class.forName(name, false, ApiMatrixCompletenessTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path classPath = c.getAnnotation(Path.class);
                if (classPath == null || Modifier.isAbstract(c.getModifiers())) {
                    continue;
                }
                for (Method m : c.getMethods()) {
                    String http = httpMethod(m);
                    if (http == null) {
                        assertThat(m.getAnnotation(Path.class)).as("sub-resource locator %s.%s: the completeness "
                                + "check does not follow locators", c.getSimpleName(), m.getName()).isNull();
                        continue;
                    }
                    Path mp = m.getAnnotation(Path.class);
                    String full = ApiApplication.PATH + "/" + classPath.value() + (mp == null ? "" : "/" + mp.value());
                    out.add(new ResourceMethod(http, normalise(full), c.getSimpleName() + "." + m.getName()));
                }
            }
        }
        return out;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value();
            }
        }
        return null;
    }

    /** Templates (with or without a regex) as {}, single slashes, no trailing slash. */
    static String normalise(String path) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char ch : path.toCharArray()) {
            if (ch == '{') {
                if (depth++ == 0) {
                    b.append("{}");
                }
            } else if (ch == '}') {
                depth--;
            } else if (depth == 0) {
                b.append(ch);
            }
        }
        String p = b.toString().replaceAll("/+", "/");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
