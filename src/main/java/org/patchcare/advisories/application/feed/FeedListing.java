package org.patchcare.advisories.application.feed;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What a feed file lists: reads ROLIE JSON, changes.csv and index.txt into entries. Package-private. */
record FeedListing(FeedSourceKind kind, List<Entry> entries, List<FetchProblem> problems) {

    /**
     * One listed document.
     *
     * @param path    as listed in index.txt / changes.csv, or the resolved URL for ROLIE
     * @param updated null for index.txt
     * @param hashUrl the ROLIE hash link, or null (then {@code <url>.sha512} is tried)
     */
    record Entry(URI url, String path, Instant updated, URI hashUrl) {
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    static FeedListing rolie(URI source, byte[] body) throws FeedUnavailableException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw new FeedUnavailableException(source, "not valid JSON (" + e.getOriginalMessage()
                    + "); expected a ROLIE feed with feed.entry[]", e);
        }
        JsonNode feed = root == null ? null : root.get("feed");
        if (feed == null || !feed.isObject()) {
            if (root != null && (root.has("distributions") || root.has("canonical_url"))) {
                throw new FeedUnavailableException(source, "this is a CSAF provider-metadata.json, not a feed. "
                        + "Configure its feeds instead: " + feedsOf(root));
            }
            throw new FeedUnavailableException(source, "JSON without a 'feed' object; expected a ROLIE feed "
                    + "(feed.entry[]), a changes.csv or an index.txt");
        }
        List<FetchProblem> problems = new ArrayList<>();
        Map<URI, Entry> entries = new LinkedHashMap<>();
        JsonNode list = feed.path("entry");
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String name = "entry " + (i + 1) + (text(entry.get("id")) == null ? "" : " (" + text(entry.get("id")) + ")");
            String href = text(entry.path("content").get("src"));
            String hash = null;
            for (JsonNode link : entry.path("link")) {
                // CISA's IT feed writes "ref": "hash" instead of "rel": "hash"; both are read
                String rel = text(link.get("rel")) != null ? text(link.get("rel")) : text(link.get("ref"));
                String linkHref = text(link.get("href"));
                if (linkHref == null) {
                    continue;
                }
                if ("self".equals(rel) && href == null) {
                    href = linkHref;
                } else if ("hash".equals(rel) && (hash == null || linkHref.endsWith(".sha512"))) {
                    hash = linkHref;
                }
            }
            if (href == null) {
                problems.add(new FetchProblem(source, name + " has neither content.src nor a self link; skipped", false));
                continue;
            }
            URI url;
            URI hashUrl;
            try {
                url = resolve(source, href);
                hashUrl = hash == null ? null : resolve(source, hash);
            } catch (URISyntaxException e) {
                problems.add(new FetchProblem(source, name + " links to '" + e.getInput() + "', which is not a URL; skipped", false));
                continue;
            }
            String stamp = text(entry.get("updated")) != null ? text(entry.get("updated")) : text(entry.get("published"));
            Instant updated;
            try {
                updated = instant(stamp);
            } catch (DateTimeParseException e) {
                problems.add(new FetchProblem(url, name + " has no valid 'updated' time ('" + stamp
                        + "'); skipped until the provider fixes it", false));
                continue;
            }
            add(entries, new Entry(url, url.toString(), updated, hashUrl));
        }
        return new FeedListing(FeedSourceKind.ROLIE, List.copyOf(entries.values()), problems);
    }

    static FeedListing changesCsv(URI source, String text) throws FeedUnavailableException {
        List<FetchProblem> problems = new ArrayList<>();
        Map<URI, Entry> entries = new LinkedHashMap<>();
        try (CSVParser csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get()
                .parse(new StringReader(text))) {
            for (CSVRecord row : csv) {
                String where = "line " + row.getRecordNumber() + " of changes.csv";
                if (row.size() < 2 || row.get(0).isEmpty()) {
                    problems.add(new FetchProblem(source, where + " is not 'path,timestamp': '" + String.join(",", row.toList())
                            + "'; skipped", false));
                    continue;
                }
                URI url;
                try {
                    url = resolve(source, row.get(0));
                } catch (URISyntaxException e) {
                    problems.add(new FetchProblem(source, where + ": '" + row.get(0) + "' is not a path; skipped", false));
                    continue;
                }
                try {
                    add(entries, new Entry(url, row.get(0), instant(row.get(1)), null));
                } catch (DateTimeParseException e) {
                    problems.add(new FetchProblem(url, where + ": '" + row.get(1)
                            + "' is not a time such as 2024-09-10T06:00:00Z; skipped", false));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new FeedUnavailableException(source, "changes.csv is not readable CSV (" + e.getMessage() + ")", e);
        }
        if (entries.isEmpty() && !problems.isEmpty()) {
            throw new FeedUnavailableException(source, "no line of this changes.csv is 'path,timestamp' (first: "
                    + problems.getFirst().message() + ")");
        }
        return new FeedListing(FeedSourceKind.CHANGES_CSV, List.copyOf(entries.values()), problems);
    }

    static FeedListing indexTxt(URI source, String text) {
        List<FetchProblem> problems = new ArrayList<>();
        Map<URI, Entry> entries = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n|\r")) {
            lineNo++;
            String path = line.strip();
            if (path.isEmpty()) {
                continue;
            }
            try {
                add(entries, new Entry(resolve(source, path), path, null, null));
            } catch (URISyntaxException e) {
                problems.add(new FetchProblem(source, "line " + lineNo + " of index.txt: '" + path
                        + "' is not a path; skipped", false));
            }
        }
        return new FeedListing(FeedSourceKind.INDEX_TXT, List.copyOf(entries.values()), problems);
    }

    /** The same URL listed twice counts once, with its newest time. */
    private static void add(Map<URI, Entry> entries, Entry entry) {
        entries.merge(entry.url(), entry, (a, b) ->
                a.updated() != null && b.updated() != null && b.updated().isAfter(a.updated()) ? b : a);
    }

    /** An absolute URL as it is; a relative path against the feed file's directory (spaces and the like encoded). */
    static URI resolve(URI base, String href) throws URISyntaxException {
        URI ref;
        try {
            ref = new URI(href);
        } catch (URISyntaxException e) {
            ref = new URI(null, null, href, null);
        }
        return base.resolve(ref);
    }

    static Instant instant(String text) {
        if (text == null) {
            throw new DateTimeParseException("no time", "", 0);
        }
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.strip(), OffsetDateTime::from).toInstant();
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() && !node.stringValue().isBlank() ? node.stringValue().strip() : null;
    }

    private static String feedsOf(JsonNode metadata) {
        List<String> urls = new ArrayList<>();
        for (JsonNode distribution : metadata.path("distributions")) {
            for (JsonNode feed : distribution.path("rolie").path("feeds")) {
                if (text(feed.get("url")) != null) {
                    urls.add(text(feed.get("url")));
                }
            }
            if (text(distribution.get("directory_url")) != null) {
                urls.add(text(distribution.get("directory_url")).replaceAll("/?$", "/") + "changes.csv");
            }
        }
        return urls.isEmpty() ? "(it lists none)" : urls.stream().collect(Collectors.joining(", "));
    }
}
