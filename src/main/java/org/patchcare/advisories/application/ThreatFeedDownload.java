package org.patchcare.advisories.application;

import org.patchcare.shared.io.SizeLimitedInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;

/**
 * Fetches a threat-feed file (the KEV catalogue, the EPSS daily file) from its configured URL for the scheduled job:
 * http(s) only, redirects followed (never from https to http), a time limit for the whole download and a size limit,
 * and a message a person can act on when the server says no.
 */
public final class ThreatFeedDownload {

    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    public ThreatFeedDownload(Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).version(HttpClient.Version.HTTP_1_1).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** A failed download, with a message for the administrator. */
    public static final class DownloadException extends IOException {
        public DownloadException(String message) {
            super(message);
        }
    }

    /**
     * Opens the file; the caller reads and closes the stream. A body larger than the limit fails while it is read.
     *
     * @throws DownloadException when the URL is not http(s), the server cannot be reached or answers other than 200
     */
    public InputStream open(String url) throws DownloadException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new DownloadException("\"" + url + "\" is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
            throw new DownloadException(url + " is not an http(s) address.");
        }
        HttpResponse<InputStream> r;
        // refused answers are discarded by the body handler itself, so no half-read stream is left open
        HttpResponse.BodyHandler<InputStream> handler = info -> info.statusCode() == 200
                && info.headers().firstValueAsLong("Content-Length").orElse(-1) <= maxBytes
                ? HttpResponse.BodySubscribers.ofInputStream() : HttpResponse.BodySubscribers.replacing(null);
        try {
            r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(), handler);
        } catch (IOException e) {
            throw new DownloadException(url + " could not be fetched: " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
        if (r.statusCode() != 200) {
            throw new DownloadException(url + " answered HTTP " + r.statusCode() + "; nothing was loaded.");
        }
        long announced = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > maxBytes || r.body() == null) {
            throw new DownloadException(String.format(Locale.ROOT, "%s is %,d bytes, more than the %,d accepted.",
                    url, announced, maxBytes));
        }
        return new SizeLimitedInputStream(r.body(), maxBytes, max -> new IllegalStateException(String.format(
                Locale.ROOT, "%s is larger than the %,d bytes accepted; nothing was loaded.", url, max)));
    }
}
