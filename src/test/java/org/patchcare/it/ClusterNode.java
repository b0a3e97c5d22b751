package org.patchcare.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One WildFly node of a test cluster: a copy of the provisioned server's {@code standalone} folder (its own
 * configuration, data and logs) started from the shared server home with a port offset and a node name, on the
 * database given by the environment. {@link #kill()} ends it as a crash would (SIGKILL, no shutdown).
 */
public final class ClusterNode {

    /** A firing of a scheduled job as the node logged it (org.patchcare.jobs at FINE). */
    public record Firing(String job, String node, Instant at) {
    }

    private static final Pattern FIRED = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}) FINE +\\[org\\.patchcare\\.jobs] .*Job fired: (\\w+) .* on node (\\w+)$");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    public final String name;
    final int portOffset;
    private final Path home;
    private final Path baseDir;
    private Process process;

    public ClusterNode(String name, int portOffset, Path serverHome, Path clusterDir) {
        this.name = name;
        this.portOffset = portOffset;
        this.home = serverHome;
        this.baseDir = clusterDir.resolve(name);
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort();
    }

    /** Starts the node on a fresh copy of the server's standalone folder; returns at once. */
    public void start(Map<String, String> env) throws IOException {
        deleteTree(baseDir);
        copyTree(home.resolve("standalone"), baseDir);
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir.toAbsolutePath(),
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.node.name=" + name)
                .redirectErrorStream(true)
                .redirectOutput(baseDir.resolve("console.out").toFile());
        // only the settings given here: none inherited from the build's own PATCHCARE_* test settings
        pb.environment().keySet().removeIf(k -> k.startsWith("PATCHCARE_"));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "false");
        pb.environment().putAll(env);
        process = pb.start();
    }

    /** Waits until the node answers the device API (the application deployed, migrations and demo data done). */
    public void awaitUp(Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " stopped while starting; see " + baseDir.resolve("console.out"));
            }
            try {
                if (get("/api/v1/devices?limit=1", "admin").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " did not come up within " + timeout + "; see " + baseDir.resolve("log/server.log"));
    }

    HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return ItConfig.http().send(request(url(), path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpRequest.Builder request(String base, String path, String user) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + ItConfig.password(user)).getBytes(StandardCharsets.UTF_8)));
    }

    /** The process id of the server's JVM (the launcher script's child), for jcmd. */
    public long jvmPid() {
        return process.toHandle().descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow(() -> new IllegalStateException(name + " has no JVM")).pid();
    }

    /** SIGKILL to the server's JVM and its launcher: no shutdown hooks, no goodbye to the database. */
    public void kill() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    /** A clean stop at the end of the test. */
    public void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** The job firings this node logged so far. */
    List<Firing> firings() throws IOException {
        Path log = baseDir.resolve("log/server.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        List<Firing> out = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = FIRED.matcher(line);
            if (m.matches()) {
                Instant at = LocalDateTime.parse(m.group(1), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant();
                out.add(new Firing(m.group(2), m.group(3), at));
            }
        }
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.startsWith(from.resolve("tmp")) && !p.startsWith(from.resolve("data"))
                        && !p.startsWith(from.resolve("log"))) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
