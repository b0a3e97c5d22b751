package org.patchcare.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The provisioned PatchCare server (system property server.home: target/server with ROOT.war), copied into a folder
 * of its own and started as a separate process with a port offset, so a test can kill it (SIGKILL) and start it again.
 */
final class OwnServer implements AutoCloseable {

    static final String BIOMED = "Basic " + Base64.getEncoder().encodeToString("biomed:biomed-demo-2026".getBytes(StandardCharsets.UTF_8));

    private final Path home;
    private final int offset;
    private final Map<String, String> env;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    OwnServer(Path home, int offset, Map<String, String> env) {
        this.home = home;
        this.offset = offset;
        this.env = env;
    }

    /** A copy of the provisioned server, then started (first boot: Flyway migrates, demo data is loaded). */
    static OwnServer copy(Path target, int offset, Map<String, String> env) throws IOException {
        Path source = Path.of(System.getProperty("server.home", "target/server"));
        if (!Files.exists(source.resolve("standalone/deployments/ROOT.war"))) {
            throw new IllegalStateException("no provisioned server with ROOT.war at " + source + ": run ./mvnw package first");
        }
        OwnMariaDb.deleteTree(target);
        try (var walk = Files.walk(source)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return new OwnServer(target, offset, env);
    }

    Path home() {
        return home;
    }

    String base() {
        return "http://127.0.0.1:" + (8080 + offset);
    }

    /** Starts the server and waits until /health/ready answers 200; returns the seconds that took. */
    double start() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.socket.binding.port-offset=" + offset, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().putAll(env);
        pb.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true");
        pb.environment().remove("LAUNCH_JBOSS_IN_BACKGROUND");
        long started = System.nanoTime();
        process = pb.start();
        long deadline = started + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server stopped; see " + home.resolve("console.log"));
            }
            try {
                if (get("/health/ready", null).statusCode() == 200) {
                    return (System.nanoTime() - started) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the server was not ready within 240 s; see " + home.resolve("console.log"));
    }

    /** SIGKILL to the JVM and its launcher script: no shutdown hooks, no rollback by the server. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        Thread.sleep(300);
    }

    HttpResponse<String> get(String path, String authorization, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", BIOMED);
    }

    HttpClient http() {
        return http;
    }

    /** The value of one series in the Prometheus text of /metrics, or -1 if absent. */
    double metric(String series) throws IOException, InterruptedException {
        for (String line : get("/metrics", null).body().split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
