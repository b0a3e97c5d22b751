package org.patchcare.advisories.application.feed;

import org.patchcare.shared.domain.Digests;
import org.patchcare.advisories.application.feed.FeedListing.Entry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Polls one CSAF provider feed and fetches the documents that are new or changed since the last poll.
 * <p>
 * The kind of feed is recognised by its name ({@code changes.csv}, {@code index.txt}) or else by its content (JSON: a
 * ROLIE feed). The feed file is fetched with a conditional GET when the cursor holds its ETag or Last-Modified; a 304
 * ends the poll with nothing fetched. Documents are fetched one after the other, oldest first, each with its checksum
 * file: a checksum that does not match withholds the document; a checksum file that does not exist (404) lets the
 * document through with a note. Every document that cannot be taken is a {@link FetchProblem}; only a feed file that
 * cannot be read ends the poll, with a {@link FeedUnavailableException}.
 * <p>
 * Thread-safe: the client keeps no state between polls (all of it is in the {@link FeedCursor} the caller keeps), so
 * one instance can poll several feeds at once. Documents are held in memory until the poll returns: the per-poll cap
 * ({@link Settings#maxDocumentsPerPoll()}) bounds that.
 */
public final class CsafFeedClient {

    /**
     * @param requestTimeout      the longest one download (feed file, document or checksum) may take, from request to
     *                            last byte
     * @param maxDocumentBytes    a larger document is refused (a {@link FetchProblem}) without reading the rest
     * @param maxFeedBytes        a larger feed file ends the poll (CISA's OT ROLIE feed is 2.6 MB)
     * @param maxDocumentsPerPoll at most this many documents are fetched per poll; the rest waits for the next one.
     *                            A cut never splits documents with the same timestamp, so a poll may take a few more.
     * @param sameOriginOnly      fetch documents only from the scheme, host and port of the feed file itself, so that a
     *                            tampered feed cannot make the server fetch internal addresses
     */
    public record Settings(Duration requestTimeout, long maxDocumentBytes, long maxFeedBytes, int maxDocumentsPerPoll,
                           boolean sameOriginOnly) {

        public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
        public static final long DEFAULT_MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
        public static final long DEFAULT_MAX_FEED_BYTES = 64L * 1024 * 1024;
        public static final int DEFAULT_MAX_DOCUMENTS_PER_POLL = 500;

        public Settings {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
            }
            if (maxDocumentBytes < 1 || maxFeedBytes < 1 || maxDocumentsPerPoll < 1) {
                throw new IllegalArgumentException("limits must be at least 1: maxDocumentBytes " + maxDocumentBytes
                        + ", maxFeedBytes " + maxFeedBytes + ", maxDocumentsPerPoll " + maxDocumentsPerPoll);
            }
        }

        /** 60 s per download, 20 MB per document, 64 MB per feed file, 500 documents per poll, same origin only. */
        public static Settings defaults() {
            return new Settings(DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_FEED_BYTES,
                    DEFAULT_MAX_DOCUMENTS_PER_POLL, true);
        }

        public Settings withRequestTimeout(Duration timeout) {
            return new Settings(timeout, maxDocumentBytes, maxFeedBytes, maxDocumentsPerPoll, sameOriginOnly);
        }

        public Settings withMaxDocumentBytes(long bytes) {
            return new Settings(requestTimeout, bytes, maxFeedBytes, maxDocumentsPerPoll, sameOriginOnly);
        }

        public Settings withMaxFeedBytes(long bytes) {
            return new Settings(requestTimeout, maxDocumentBytes, bytes, maxDocumentsPerPoll, sameOriginOnly);
        }

        public Settings withMaxDocumentsPerPoll(int documents) {
            return new Settings(requestTimeout, maxDocumentBytes, maxFeedBytes, documents, sameOriginOnly);
        }

        public Settings withSameOriginOnly(boolean sameOrigin) {
            return new Settings(requestTimeout, maxDocumentBytes, maxFeedBytes, maxDocumentsPerPoll, sameOrigin);
        }
    }

    /** After this many documents in a row fail for a reason that may pass (timeouts, 5xx), the poll stops. */
    public static final int GIVE_UP_AFTER_FAILURES_IN_A_ROW = 10;

    static final String USER_AGENT = "PatchCare-CSAF-feed-client/1";
    private static final long MAX_CHECKSUM_BYTES = 4096;
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private final HttpClient http;
    private final Settings settings;

    public CsafFeedClient(HttpClient http, Settings settings) {
        this.http = Objects.requireNonNull(http, "http");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The default settings with the given download timeout and document size limit. */
    public CsafFeedClient(HttpClient http, Duration requestTimeout, long maxDocumentBytes) {
        this(http, Settings.defaults().withRequestTimeout(requestTimeout).withMaxDocumentBytes(maxDocumentBytes));
    }

    /** An HttpClient fit for polling: follows redirects (not from https to http), connect timeout as given. */
    public static HttpClient defaultHttpClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public Settings settings() {
        return settings;
    }

    public FeedPoll poll(URI source, FeedCursor since) throws FeedUnavailableException {
        return poll(source, since, FeedPollListener.NONE);
    }

    /**
     * Reads the feed at {@code source} and fetches what is new or changed since {@code since}.
     *
     * @param since    the cursor of the previous poll of this same URL, or {@link FeedCursor#EMPTY} (or null) to fetch
     *                 everything the feed lists (up to the per-poll cap)
     * @param listener progress and cancellation, e.g. for a progress bar
     * @throws FeedUnavailableException the feed file itself could not be fetched or read (nothing was fetched; keep
     *                                  the old cursor and try again later)
     */
    public FeedPoll poll(URI source, FeedCursor since, FeedPollListener listener) throws FeedUnavailableException {
        Objects.requireNonNull(source, "source");
        if (!isHttp(source)) {
            throw new FeedUnavailableException(source, "only http and https URLs can be polled");
        }
        try {
            return new Poll(source, since == null ? FeedCursor.EMPTY : since,
                    listener == null ? FeedPollListener.NONE : listener).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FeedUnavailableException(source, "the poll was interrupted; nothing was kept and the cursor is "
                    + "unchanged", e);
        }
    }

    private enum Status { DONE, RETRY, NOT_TRIED }

    /** The state of one poll. */
    private final class Poll {
        private final URI source;
        private final FeedCursor since;
        private final FeedPollListener listener;
        private final List<FetchedDocument> documents = new ArrayList<>();
        private final List<FetchProblem> problems = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private int listed;

        Poll(URI source, FeedCursor since, FeedPollListener listener) {
            this.source = source;
            this.since = since;
            this.listener = listener;
        }

        FeedPoll run() throws FeedUnavailableException, InterruptedException {
            FeedSourceKind named = kindFromName(source);
            if (named == FeedSourceKind.INDEX_TXT && since.kind() == FeedSourceKind.CHANGES_CSV) {
                URI changes = source.resolve("changes.csv");
                notes.add("index.txt is polled through " + changes + " (see the previous polls)");
                Download feed = getFeed(changes, since);
                if (feed.notModified()) {
                    return notModified();
                }
                return pollByTime(FeedListing.changesCsv(changes, text(changes, feed.body())), feed);
            }
            Download feed = getFeed(source, since);
            if (feed.notModified()) {
                return notModified();
            }
            FeedSourceKind kind = sniff(source, named, feed.body());
            return switch (kind) {
                case ROLIE -> pollByTime(FeedListing.rolie(source, feed.body()), feed);
                case CHANGES_CSV -> pollByTime(FeedListing.changesCsv(source, text(source, feed.body())), feed);
                case INDEX_TXT -> pollIndex(FeedListing.indexTxt(source, text(source, feed.body())), feed);
            };
        }

        private FeedPoll notModified() {
            return new FeedPoll(source, since.kind(), true, 0, 0, since, List.of(), List.of(), notes);
        }

        private FeedCursor prior(FeedSourceKind kind) {
            if (since.isEmpty() || since.kind() == kind) {
                return since;
            }
            notes.add("the cursor was written for a " + since.kind() + " feed but this is " + kind
                    + "; everything it lists is fetched again");
            return FeedCursor.EMPTY;
        }

        /** ROLIE and changes.csv: everything updated after the watermark, oldest first. */
        private FeedPoll pollByTime(FeedListing listing, Download feed) throws InterruptedException {
            problems.addAll(listing.problems());
            listed = listing.entries().size();
            FeedCursor prior = prior(listing.kind());
            Instant mark = prior.newestUpdated();
            List<Entry> candidates = listing.entries().stream()
                    .filter(e -> mark == null || e.updated().isAfter(mark))
                    .sorted(Comparator.comparing(Entry::updated).thenComparing(e -> e.url().toString()))
                    .toList();
            int take = cutAtSameTime(candidates, settings.maxDocumentsPerPoll());
            Status[] status = fetch(candidates, take);

            // the watermark passes a timestamp only when every entry with that timestamp is done
            Instant watermark = mark;
            for (int i = 0; i < candidates.size(); ) {
                Instant t = candidates.get(i).updated();
                boolean allDone = true;
                for (; i < candidates.size() && candidates.get(i).updated().equals(t); i++) {
                    allDone &= status[i] == Status.DONE;
                }
                if (!allDone) {
                    break;
                }
                watermark = t;
            }
            int pending = count(status, Status.NOT_TRIED);
            boolean complete = pending == 0 && count(status, Status.RETRY) == 0;
            FeedCursor next = new FeedCursor(listing.kind(), watermark, null, null, null, null, 0);
            return finish(listing.kind(), complete ? next.withValidators(feed.etag(), feed.lastModified()) : next, pending);
        }

        /** index.txt: the paths not seen before; for a long index the changes.csv beside it, or a hash. */
        private FeedPoll pollIndex(FeedListing listing, Download feed) throws FeedUnavailableException, InterruptedException {
            problems.addAll(listing.problems());
            listed = listing.entries().size();
            FeedCursor prior = prior(FeedSourceKind.INDEX_TXT);
            List<Entry> sorted = listing.entries().stream().sorted(Comparator.comparing(Entry::path)).toList();
            Set<String> paths = sorted.stream().map(Entry::path).collect(Collectors.toCollection(TreeSet::new));

            if (FeedCursor.fits(paths)) {
                if (prior.indexHash() != null) {
                    notes.add("index.txt is short enough now to remember its paths; all of them are fetched once more");
                }
                List<Entry> candidates = sorted.stream().filter(e -> !prior.seenPaths().contains(e.path())).toList();
                Status[] status = fetch(candidates, Math.min(candidates.size(), settings.maxDocumentsPerPoll()));
                TreeSet<String> seen = new TreeSet<>(prior.seenPaths());
                seen.retainAll(paths);
                for (int i = 0; i < candidates.size(); i++) {
                    if (status[i] == Status.DONE) {
                        seen.add(candidates.get(i).path());
                    }
                }
                int pending = count(status, Status.NOT_TRIED);
                boolean complete = pending == 0 && count(status, Status.RETRY) == 0;
                FeedCursor next = new FeedCursor(FeedSourceKind.INDEX_TXT, null, null, null, seen, null, 0);
                return finish(FeedSourceKind.INDEX_TXT,
                        complete ? next.withValidators(feed.etag(), feed.lastModified()) : next, pending);
            }

            URI changes = source.resolve("changes.csv");
            Download beside = changesBeside(changes);
            if (beside != null) {
                notes.add("index.txt lists " + paths.size() + " documents, too many to remember each in the cursor; "
                        + "polled through " + changes + " instead (from now on)");
                problems.clear();
                FeedListing timed = FeedListing.changesCsv(changes, text(changes, beside.body()));
                return pollByTime(timed, beside);
            }

            String hash = FeedCursor.hashOf(paths);
            int start = 0;
            if (hash.equals(prior.indexHash())) {
                start = Math.min(prior.indexDone(), sorted.size());
            } else {
                notes.add("index.txt lists " + paths.size() + " documents, too many to remember each in the cursor, and "
                        + "there is no changes.csv beside it: "
                        + (prior.indexHash() == null ? "all are fetched" : "it changed, so all are fetched again")
                        + ". Poll the provider's changes.csv or ROLIE feed to fetch only what changed.");
            }
            List<Entry> candidates = sorted.subList(start, sorted.size());
            Status[] status = fetch(candidates, Math.min(candidates.size(), settings.maxDocumentsPerPoll()));
            int doneInOrder = 0;
            while (doneInOrder < status.length && status[doneInOrder] == Status.DONE) {
                doneInOrder++;
            }
            int done = start + doneInOrder;
            FeedCursor next = new FeedCursor(FeedSourceKind.INDEX_TXT, null, null, null, null, hash, done);
            boolean complete = done == sorted.size();
            return finish(FeedSourceKind.INDEX_TXT, complete ? next.withValidators(feed.etag(), feed.lastModified()) : next,
                    count(status, Status.NOT_TRIED));
        }

        /** The changes.csv beside an index.txt, or null when the provider has none (404/410). */
        private Download changesBeside(URI changes) throws FeedUnavailableException, InterruptedException {
            Download d;
            try {
                d = download(changes, settings.maxFeedBytes(), null);
            } catch (TooLarge e) {
                throw new FeedUnavailableException(changes, "larger than the limit of " + mb(e.limit) + " for feed files");
            } catch (IOException e) {
                throw new FeedUnavailableException(changes, describe(e) + "; the index.txt beside it is too long to "
                        + "poll without it. Try again later", e);
            }
            if (d.status() == 404 || d.status() == 410) {
                return null;
            }
            if (d.status() != 200) {
                throw new FeedUnavailableException(changes, "answered HTTP " + d.status() + "; the index.txt beside it "
                        + "is too long to poll without it. Try again later");
            }
            return d;
        }

        private FeedPoll finish(FeedSourceKind kind, FeedCursor next, int pending) {
            return new FeedPoll(source, kind, false, listed, pending, next, documents, problems, notes);
        }

        /** Fetches {@code candidates[0, take)}; the status of every candidate (the rest NOT_TRIED). */
        private Status[] fetch(List<Entry> candidates, int take) throws InterruptedException {
            Status[] status = new Status[candidates.size()];
            Arrays.fill(status, Status.NOT_TRIED);
            listener.listed(source, listed, take);
            int failuresInRow = 0;
            for (int i = 0; i < take; i++) {
                if (listener.cancelled()) {
                    notes.add("cancelled after " + i + " of " + take + " documents");
                    break;
                }
                if (failuresInRow >= GIVE_UP_AFTER_FAILURES_IN_A_ROW) {
                    problems.add(new FetchProblem(source, "stopped after " + failuresInRow + " documents in a row "
                            + "could not be fetched; the other " + (take - i) + " are tried at the next poll", true));
                    break;
                }
                Entry entry = candidates.get(i);
                FetchProblem problem = fetchOne(entry);
                if (problem == null) {
                    status[i] = Status.DONE;
                    failuresInRow = 0;
                } else {
                    problems.add(problem);
                    status[i] = problem.retryable() ? Status.RETRY : Status.DONE;
                    failuresInRow = problem.retryable() ? failuresInRow + 1 : 0;
                }
                listener.progress(i + 1, take, entry.url());
            }
            return status;
        }

        /** Fetches one document and its checksum; null when it was added to {@link #documents}, else the problem. */
        private FetchProblem fetchOne(Entry entry) throws InterruptedException {
            URI url = entry.url();
            FetchProblem refused = refuse(url, "document");
            if (refused != null) {
                return refused;
            }
            Download doc;
            try {
                doc = download(url, settings.maxDocumentBytes(), null);
            } catch (TooLarge e) {
                return new FetchProblem(url, "larger than the limit of " + mb(e.limit) + e.declared()
                        + "; not fetched. Raise the document size limit if this document is genuine", false);
            } catch (IOException e) {
                return new FetchProblem(url, describe(e) + "; fetched again at the next poll", true);
            }
            if (doc.status() != 200) {
                return statusProblem(url, doc.status(), "the feed lists it but the server does not have it");
            }
            byte[] body = doc.body();
            String sha512 = Digests.hex("SHA-512", body);
            Instant updated = entry.updated() != null ? entry.updated() : httpDate(doc.headers());

            URI hashUrl = entry.hashUrl() != null ? entry.hashUrl()
                    : URI.create(url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + ".sha512");
            FetchProblem hashRefused = refuse(hashUrl, "checksum file");
            if (hashRefused != null) {
                return new FetchProblem(url, hashRefused.message() + "; the document was withheld", false);
            }
            Download hash;
            try {
                hash = download(hashUrl, MAX_CHECKSUM_BYTES, null);
            } catch (TooLarge e) {
                return new FetchProblem(url, "the checksum file " + hashUrl + " is larger than " + MAX_CHECKSUM_BYTES
                        + " bytes, so it is no checksum; the document was withheld and is fetched again at the next poll", true);
            } catch (IOException e) {
                return new FetchProblem(url, "could not fetch its checksum " + hashUrl + ": " + describe(e)
                        + "; the document was withheld and is fetched again at the next poll", true);
            }
            if (hash.status() == 404 || hash.status() == 410) {
                documents.add(new FetchedDocument(url, body, sha512, updated, FetchedDocument.Checksum.NOT_PUBLISHED,
                        "no checksum published (" + hashUrl + " answered HTTP " + hash.status()
                                + "); SHA-512 computed here"));
                return null;
            }
            if (hash.status() != 200) {
                return new FetchProblem(url, "could not fetch its checksum " + hashUrl + ": HTTP " + hash.status()
                        + "; the document was withheld and is fetched again at the next poll", true);
            }
            String expected = checksumIn(hash.body());
            if (expected == null) {
                return new FetchProblem(url, "the checksum file " + hashUrl + " holds no SHA-512 or SHA-256 value; "
                        + "the document was withheld and is fetched again at the next poll", true);
            }
            boolean sha256 = expected.length() == 64;
            String actual = sha256 ? Digests.hex("SHA-256", body) : sha512;
            if (!actual.equalsIgnoreCase(expected)) {
                return new FetchProblem(url, "checksum mismatch for " + url + ": expected " + abbreviate(expected)
                        + ", got " + abbreviate(actual) + " (" + (sha256 ? "SHA-256" : "SHA-512") + " from " + hashUrl
                        + "); the document was withheld and is fetched again at the next poll", true);
            }
            documents.add(new FetchedDocument(url, body, sha512, updated, sha256
                    ? FetchedDocument.Checksum.VERIFIED_SHA256 : FetchedDocument.Checksum.VERIFIED_SHA512, ""));
            return null;
        }

        /** A problem when {@code url} must not be fetched, else null. */
        private FetchProblem refuse(URI url, String what) {
            if (!isHttp(url)) {
                return new FetchProblem(url, "the " + what + " is not at an http(s) URL; not fetched", false);
            }
            if (settings.sameOriginOnly() && !sameOrigin(source, url)) {
                return new FetchProblem(url, "the " + what + " is on another server than the feed " + source
                        + "; not fetched (only the feed's own server is trusted)", false);
            }
            return null;
        }

        private Download getFeed(URI url, FeedCursor validators) throws FeedUnavailableException, InterruptedException {
            Download d;
            try {
                d = download(url, settings.maxFeedBytes(), validators);
            } catch (TooLarge e) {
                throw new FeedUnavailableException(url, "the feed file is larger than the limit of " + mb(e.limit)
                        + e.declared() + "; raise the feed size limit if it is genuine");
            } catch (IOException e) {
                throw new FeedUnavailableException(url, describe(e) + "; nothing was fetched, the cursor is unchanged. "
                        + "The next poll tries again", e);
            }
            if (d.status() == 304 && validators != null && (validators.etag() != null || validators.lastModified() != null)) {
                return d;
            }
            if (d.status() != 200) {
                throw new FeedUnavailableException(url, "answered HTTP " + d.status() + statusHint(d.status())
                        + "; nothing was fetched, the cursor is unchanged");
            }
            return d;
        }
    }

    // ---- HTTP ----

    private record Download(int status, byte[] body, HttpHeaders headers) {
        boolean notModified() {
            return status == 304;
        }

        String etag() {
            return headers.firstValue("ETag").orElse(null);
        }

        String lastModified() {
            return headers.firstValue("Last-Modified").orElse(null);
        }
    }

    /** The body was larger than the limit. */
    private static final class TooLarge extends IOException {
        final long limit;
        final long declaredLength;

        TooLarge(long limit, long declaredLength) {
            super("larger than " + limit + " bytes", null);
            this.limit = limit;
            this.declaredLength = declaredLength;
        }

        String declared() {
            return declaredLength >= 0 ? " (the server announces " + mb(declaredLength) + ")" : "";
        }
    }

    /** GET with a deadline for the whole download and a size limit on the body (read only for status 200). */
    private Download download(URI url, long maxBytes, FeedCursor validators) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(settings.requestTimeout())
                .header("User-Agent", USER_AGENT)
                .GET();
        if (validators != null && validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators != null && validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request.build(), info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(new byte[0]);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return new LimitedBody(maxBytes, declared);
        });
        try {
            HttpResponse<byte[]> response = future.get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Download(response.statusCode(), response.body(), response.headers());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + seconds(settings.requestTimeout()));
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge tooLarge) {
                    throw new TooLarge(tooLarge.limit, tooLarge.declaredLength);
                }
            }
            if (e.getCause() instanceof HttpTimeoutException && !(e.getCause() instanceof java.net.http.HttpConnectTimeoutException)) {
                // the client's own request timeout can fire before ours (the same limit): one message either way
                throw new HttpTimeoutException("no complete answer within " + seconds(settings.requestTimeout()));
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    /** Collects a body up to a limit; refuses at once when Content-Length announces more. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final long max;
        private final long declared;
        private final List<ByteBuffer> buffers = new ArrayList<>();
        private long count;
        private Flow.Subscription subscription;

        LimitedBody(long max, long declared) {
            this.max = max;
            this.declared = declared;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (declared > max) {
                s.cancel();
                result.completeExceptionally(new TooLarge(max, declared));
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                count += b.remaining();
                if (count > max) {
                    buffers.clear();
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(max, -1));
                    return;
                }
                buffers.add(b);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            byte[] all = new byte[Math.toIntExact(count)];
            int at = 0;
            for (ByteBuffer b : buffers) {
                int n = b.remaining();
                b.get(all, at, n);
                at += n;
            }
            buffers.clear();
            result.complete(all);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }

    // ---- helpers ----

    static FeedSourceKind kindFromName(URI url) {
        String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
        if (path.endsWith("/changes.csv") || path.equals("changes.csv")) {
            return FeedSourceKind.CHANGES_CSV;
        }
        if (path.endsWith("/index.txt") || path.equals("index.txt")) {
            return FeedSourceKind.INDEX_TXT;
        }
        return null;
    }

    /** The kind by content: JSON is ROLIE, text with commas changes.csv, other text index.txt; HTML is refused. */
    static FeedSourceKind sniff(URI source, FeedSourceKind named, byte[] body) throws FeedUnavailableException {
        int i = startsWithBom(body) ? 3 : 0;
        while (i < body.length && Character.isWhitespace(body[i])) {
            i++;
        }
        if (i == body.length) {
            if (named != null) {
                return named;
            }
            throw new FeedUnavailableException(source, "the server sent an empty file; expected a ROLIE feed, "
                    + "a changes.csv or an index.txt");
        }
        if (body[i] == '<') {
            throw new FeedUnavailableException(source, "the server sent an HTML or XML page, not a CSAF feed (a login "
                    + "or error page?); check the URL");
        }
        if (named != null) {
            return named;
        }
        if (body[i] == '{') {
            return FeedSourceKind.ROLIE;
        }
        int end = i;
        while (end < body.length && body[end] != '\n' && body[end] != '\r') {
            end++;
        }
        String firstLine = new String(body, i, end - i, StandardCharsets.UTF_8);
        return firstLine.contains(",") ? FeedSourceKind.CHANGES_CSV : FeedSourceKind.INDEX_TXT;
    }

    private static boolean startsWithBom(byte[] b) {
        return b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    }

    private static String text(URI source, byte[] body) throws FeedUnavailableException {
        if (sniffHtml(body)) {
            throw new FeedUnavailableException(source, "the server sent an HTML or XML page, not a CSAF feed (a login "
                    + "or error page?); check the URL");
        }
        int from = startsWithBom(body) ? 3 : 0;
        return new String(body, from, body.length - from, StandardCharsets.UTF_8);
    }

    private static boolean sniffHtml(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b) && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
                return b == '<';
            }
        }
        return false;
    }

    /**
     * How many of the candidates (sorted by time) to fetch: at most {@code cap}, cut only between different
     * timestamps, so the watermark can move past every timestamp handled. When the oldest timestamp alone has more
     * than {@code cap} entries, all of them are taken.
     */
    static int cutAtSameTime(List<Entry> sorted, int cap) {
        if (sorted.size() <= cap) {
            return sorted.size();
        }
        Instant boundary = sorted.get(cap).updated();
        if (!sorted.get(cap - 1).updated().equals(boundary)) {
            return cap;
        }
        int start = cap - 1;
        while (start > 0 && sorted.get(start - 1).updated().equals(boundary)) {
            start--;
        }
        if (start > 0) {
            return start;
        }
        int end = cap;
        while (end < sorted.size() && sorted.get(end).updated().equals(boundary)) {
            end++;
        }
        return end;
    }

    /** The first token of the first non-empty line ({@code <hex>  <file name>} or bare hex), if it is 64 or 128 hex. */
    static String checksumIn(byte[] body) {
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r?\n|\r")) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            String token = stripped.split("\\s+", 2)[0];
            boolean hex = HEX.matcher(token).matches() && (token.length() == 128 || token.length() == 64);
            return hex ? token.toLowerCase(Locale.ROOT) : null;
        }
        return null;
    }

    private static FetchProblem statusProblem(URI url, int status, String notFound) {
        if (status == 404 || status == 410) {
            return new FetchProblem(url, "not found (HTTP " + status + "): " + notFound, false);
        }
        boolean retry = status == 429 || status >= 500;
        return new FetchProblem(url, "the server answered HTTP " + status + statusHint(status)
                + (retry ? "; fetched again at the next poll" : "; not fetched"), retry);
    }

    private static String statusHint(int status) {
        return switch (status) {
            case 401, 403 -> " (access denied: TLP:AMBER/RED feeds need credentials, which are not supported)";
            case 404, 410 -> " (not found: check the URL)";
            case 429 -> " (too many requests: poll less often)";
            case 500, 502, 503, 504 -> " (server error at the provider)";
            default -> "";
        };
    }

    static String describe(IOException e) {
        if (e instanceof HttpTimeoutException) {
            return "timed out: " + e.getMessage();
        }
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "could not connect (" + e.getClass().getSimpleName() + (message == null ? "" : ": " + message) + ")";
        }
        return "could not be read (" + e.getClass().getSimpleName() + (message == null ? "" : ": " + message) + ")";
    }

    static boolean isHttp(URI url) {
        return url.isAbsolute() && url.getHost() != null
                && ("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()));
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static Instant httpDate(HttpHeaders headers) {
        return headers.firstValue("Last-Modified").map(v -> {
            try {
                return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }).orElse(null);
    }

    private static String abbreviate(String hex) {
        return hex.length() > 16 ? hex.substring(0, 16) + "..." : hex;
    }

    private static int count(Status[] status, Status wanted) {
        int n = 0;
        for (Status s : status) {
            if (s == wanted) {
                n++;
            }
        }
        return n;
    }

    private static String mb(long bytes) {
        return bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : String.format(Locale.ROOT, "%,d bytes", bytes);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
