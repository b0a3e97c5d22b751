package org.patchcare.bench;

import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.MariaDb;
import org.patchcare.it.rest.DeviceCsv;
import org.patchcare.it.rest.ImportDeployments;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Shared parts of the benchmarks (run only by {@code ./mvnw -Pbench verify}; see docs/csv-import.md). */
final class Bench {

    static final Path DIR = Path.of("target", "bench");

    private Bench() {
    }

    static WebArchive deployment() {
        return ImportDeployments.withRest(Deployments.app()).addClasses(BenchProbeServlet.class, DeviceCsv.class);
    }

    /** The MariaDB database the server under test uses, as administrator. */
    static Connection db() throws SQLException {
        return DriverManager.getConnection(MariaDb.url(MariaDb.database()) + "&useServerPrepStmts=false",
                System.getProperty("it.mariadb.user", "root"), System.getProperty("it.mariadb.password", ""));
    }

    static HttpRequest.Builder request(String path) {
        return ItConfig.request(path, "biomed", ItConfig.password("biomed")).timeout(Duration.ofMinutes(60));
    }

    static String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = ItConfig.http().send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static String post(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = ItConfig.http().send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, idx)));
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.0f ms", millis);
    }

    /** Writes one section and regenerates target/bench/results.md from every section written so far. */
    static void section(String name, String markdown) throws IOException {
        Files.createDirectories(DIR);
        Files.writeString(DIR.resolve("section-" + name + ".md"), markdown);
        try (Stream<Path> files = Files.list(DIR)) {
            String all = files.filter(f -> f.getFileName().toString().startsWith("section-")).sorted()
                    .map(f -> {
                        try {
                            return Files.readString(f);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).collect(Collectors.joining("\n"));
            Files.writeString(DIR.resolve("results.md"), "# PatchCare inventory benchmarks\n\n"
                    + "MariaDB at " + MariaDb.host() + ":" + MariaDb.port() + ", server JVM " + System.getProperty("bench.server.jvm", "-Xmx1g")
                    + ", " + Runtime.getRuntime().availableProcessors() + " cores, run " + java.time.Instant.now() + ".\n\n" + all);
        }
        System.out.println("\n" + markdown);
    }
}
