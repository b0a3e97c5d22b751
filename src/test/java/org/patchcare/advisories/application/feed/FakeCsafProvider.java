package org.patchcare.advisories.application.feed;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.patchcare.testsupport.TestData;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real HTTP server on a free loopback port that plays CISA's CSAF provider: it serves the real feed files from
 * misc/cisa-csaf-feed with raw.githubusercontent.com rewritten to itself (while serving; the files stay as they are),
 * the real advisories under the paths the feeds name (found by file name in csaf/icsma and csaf/icsa), and
 * {@code .sha512} files computed from the real bytes. Tests change what it serves through the methods below, and read
 * back every request it saw.
 */
final class FakeCsafProvider implements AutoCloseable {

    static final String RAW = "https://raw.githubusercontent.com/";
    static final String FEED_DIR = "misc/cisa-csaf-feed/";
    /** Where CISA's files live below raw.githubusercontent.com. */
    static final String REPO = "cisagov/CSAF/develop/";
    static final String OT_ROLIE = REPO + "csaf_files/OT/white/cisa-csaf-ot-feed-tlp-white.json";
    static final String IT_ROLIE = REPO + "csaf_files/IT/white/cisa-csaf-it-feed-tlp-white.json";
    static final String CHANGES = REPO + "changes.csv";
    static final String INDEX = REPO + "index.txt";

    static {
        // without TCP_NODELAY, every response whose body is written after its headers waits ~40 ms for a delayed ACK
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final Pattern DOCUMENT = Pattern.compile(".*/csaf_files/OT/white/\\d{4}/([^/]+\\.json)(\\.sha512)?");
    private static final ZonedDateTime FIRST_MODIFIED = ZonedDateTime.of(2024, 10, 24, 19, 23, 12, 0, ZoneOffset.UTC);

    /** One request as the server saw it. */
    record Seen(String method, String path, String ifNoneMatch, String ifModifiedSince, int status) {
        boolean isDocument() {
            return path.endsWith(".json") && path.contains("/csaf_files/OT/white/2");
        }

        boolean isChecksum() {
            return path.endsWith(".sha512");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final String base;
    private final Map<String, Path> localAdvisories = new HashMap<>();
    private final Map<String, Served> files = new ConcurrentHashMap<>();
    private final Map<String, String> wrongChecksums = new ConcurrentHashMap<>();
    private final Set<String> missingChecksums = ConcurrentHashMap.newKeySet();
    private final Set<String> chunked = ConcurrentHashMap.newKeySet();
    private final Set<String> withoutValidators = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private volatile int documentFailure;
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

    /** A feed file's bytes and its validators; each change gets a later Last-Modified. */
    private record Served(byte[] body, String etag, String lastModified) {
    }

    FakeCsafProvider() throws IOException {
        for (String folder : List.of("csaf/icsma", "csaf/icsa")) {
            try (Stream<Path> list = Files.list(TestData.dir().resolve(folder))) {
                list.filter(p -> p.toString().endsWith(".json")).forEach(p -> localAdvisories.put(p.getFileName().toString(), p));
            }
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        base = "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/";
        serve(OT_ROLIE, rewrite(read(FEED_DIR + "OT-cisa-csaf-ot-feed-tlp-white.json")));
        serve(IT_ROLIE, rewrite(read(FEED_DIR + "IT-cisa-csaf-it-feed-tlp-white.json")));
        serve(CHANGES, read(FEED_DIR + "OT-changes.csv"));
        serve(INDEX, read(FEED_DIR + "OT-index.txt"));
    }

    static String read(String testData) {
        try {
            return Files.readString(TestData.file(testData));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String rewrite(String text) {
        return text.replace(RAW, base);
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    String base() {
        return base;
    }

    /** The real local advisory files, by file name. */
    Map<String, Path> localAdvisories() {
        return localAdvisories;
    }

    /** Serves {@code text} at {@code path} (no leading slash) from now on, with a new ETag and a later Last-Modified. */
    void serve(String path, String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sha512(body).substring(0, 24) + "\"";
        ZonedDateTime modified = FIRST_MODIFIED.plusMinutes(files.size() + seen.size());
        files.put("/" + path, new Served(body, etag, DateTimeFormatter.RFC_1123_DATE_TIME.format(modified)));
    }

    void withoutValidators(String path) {
        withoutValidators.add("/" + path);
    }

    void failWith(String path, int status) {
        failures.put("/" + path, status);
    }

    /** Every advisory (not the feeds) answers with {@code status}; 0 ends that. */
    void failDocuments(int status) {
        documentFailure = status;
    }

    void wrongChecksum(String fileName) {
        byte[] other = (fileName + " tampered").getBytes(StandardCharsets.UTF_8);
        wrongChecksums.put(fileName, sha512(other));
    }

    void rightChecksum(String fileName) {
        wrongChecksums.remove(fileName);
    }

    void noChecksum(String fileName) {
        missingChecksums.add(fileName);
    }

    /** Sent without Content-Length. */
    void chunked(String fileName) {
        chunked.add(fileName);
    }

    void delay(String fileName, Duration delay) {
        delays.put(fileName, delay);
    }

    void noDelay(String fileName) {
        delays.remove(fileName);
    }

    List<Seen> requests() {
        return List.copyOf(seen);
    }

    void forgetRequests() {
        seen.clear();
    }

    static String sha512(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            respond(exchange, exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("If-Modified-Since"));
        }
    }

    private int respond(HttpExchange exchange, String path, String inm, String ims) throws IOException {
        Integer failure = failures.get(path);
        if (failure != null) {
            return empty(exchange, failure);
        }
        Served feed = files.get(path);
        if (feed != null) {
            if (!withoutValidators.contains(path)) {
                exchange.getResponseHeaders().set("ETag", feed.etag());
                exchange.getResponseHeaders().set("Last-Modified", feed.lastModified());
                boolean notModified = inm != null ? inm.equals(feed.etag())
                        : ims != null && !parse(ims).isBefore(parse(feed.lastModified()));
                if (notModified) {
                    return empty(exchange, 304);
                }
            }
            return send(exchange, feed.body(), false);
        }
        Matcher m = DOCUMENT.matcher(path);
        if (m.matches() && documentFailure != 0) {
            return empty(exchange, documentFailure);
        }
        Path local = m.matches() ? localAdvisories.get(m.group(1)) : null;
        if (local == null) {
            return empty(exchange, 404);
        }
        String name = m.group(1);
        Duration delay = delays.get(name);
        if (delay != null && m.group(2) == null) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = Files.readAllBytes(local);
        if (m.group(2) == null) {
            return send(exchange, bytes, chunked.contains(name));
        }
        if (missingChecksums.contains(name)) {
            return empty(exchange, 404);
        }
        String hex = wrongChecksums.getOrDefault(name, sha512(bytes));
        // both forms a provider may use: "<hex>  <file name>" (sha512sum) for ICSMA, bare hex for the others
        String text = name.startsWith("icsma-") ? hex + "  " + name + "\n" : hex;
        return send(exchange, text.getBytes(StandardCharsets.US_ASCII), false);
    }

    private static ZonedDateTime parse(String httpDate) {
        return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME);
    }

    /** Noted before the answer goes out, so the client can never be faster than the log. */
    private void note(HttpExchange exchange, int status) {
        seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("If-None-Match"),
                exchange.getRequestHeaders().getFirst("If-Modified-Since"), status));
    }

    private int empty(HttpExchange exchange, int status) throws IOException {
        note(exchange, status);
        exchange.sendResponseHeaders(status, -1);
        return status;
    }

    private int send(HttpExchange exchange, byte[] body, boolean chunked) throws IOException {
        note(exchange, 200);
        exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        } catch (IOException e) {
            // the client hung up (size limit, timeout): that is what some tests provoke
        }
        return 200;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
