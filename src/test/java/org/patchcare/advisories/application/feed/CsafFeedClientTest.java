package org.patchcare.advisories.application.feed;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchcare.advisories.application.feed.FakeCsafProvider.Seen;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchcare.advisories.application.feed.FakeCsafProvider.CHANGES;
import static org.patchcare.advisories.application.feed.FakeCsafProvider.FEED_DIR;
import static org.patchcare.advisories.application.feed.FakeCsafProvider.INDEX;
import static org.patchcare.advisories.application.feed.FakeCsafProvider.OT_ROLIE;

/** The feed client against a real HTTP server that serves CISA's real feeds and advisories (see FakeCsafProvider). */
class CsafFeedClientTest {

    private static final JsonMapper JSON = JsonMapper.shared();

    private FakeCsafProvider provider;
    private HttpClient http;

    @BeforeEach
    void start() throws Exception {
        provider = new FakeCsafProvider();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterEach
    void stop() {
        provider.close();
        http.close();
    }

    private CsafFeedClient client() {
        return client(CsafFeedClient.Settings.defaults().withMaxDocumentsPerPoll(10_000));
    }

    private CsafFeedClient client(CsafFeedClient.Settings settings) {
        return new CsafFeedClient(http, settings);
    }

    // ---- what the real files say (read here independently of the client) ----

    /** The entries of CISA's real OT ROLIE feed: file name → updated. */
    private static Map<String, Instant> rolieEntries() {
        JsonNode feed = JSON.readTree(FakeCsafProvider.read(FEED_DIR + "OT-cisa-csaf-ot-feed-tlp-white.json"));
        Map<String, Instant> entries = new TreeMap<>();
        for (JsonNode e : feed.path("feed").path("entry")) {
            entries.put(fileName(e.path("content").path("src").asString()), Instant.parse(e.path("updated").asString()));
        }
        return entries;
    }

    /** The lines of CISA's real OT changes.csv: file name → timestamp. */
    private static Map<String, Instant> changesEntries() {
        Map<String, Instant> entries = new LinkedHashMap<>();
        for (String line : FakeCsafProvider.read(FEED_DIR + "OT-changes.csv").split("\n")) {
            String[] cells = line.strip().split(",");
            entries.put(fileName(cells[0]), Instant.parse(cells[1]));
        }
        return entries;
    }

    private static String fileName(String pathOrUrl) {
        return pathOrUrl.substring(pathOrUrl.lastIndexOf('/') + 1);
    }

    private static String fileName(URI url) {
        return fileName(url.getPath());
    }

    private Set<String> local() {
        return provider.localAdvisories().keySet();
    }

    private static Instant newest(Map<String, Instant> entries) {
        return entries.values().stream().max(Comparator.naturalOrder()).orElseThrow();
    }

    private static List<String> names(FeedPoll poll) {
        return poll.documents().stream().map(FetchedDocument::fileName).toList();
    }

    private List<Seen> documentRequests() {
        return provider.requests().stream().filter(Seen::isDocument).toList();
    }

    /** CISA's OT ROLIE feed as served, with {@code change} applied to the entry of {@code file}. */
    private String rolieWith(String file, Consumer<ObjectNode> change) {
        JsonNode root = JSON.readTree(provider.rewrite(FakeCsafProvider.read(FEED_DIR + "OT-cisa-csaf-ot-feed-tlp-white.json")));
        int changed = 0;
        for (JsonNode e : root.path("feed").path("entry")) {
            if (e.path("content").path("src").asString().endsWith("/" + file)) {
                change.accept((ObjectNode) e);
                changed++;
            }
        }
        assertThat(changed).as("entries for " + file).isEqualTo(1);
        return JSON.writeValueAsString(root);
    }

    /** CISA's OT changes.csv with the line of {@code file} moved to the top with a new time. */
    private static String changesWith(String file, Instant updated) {
        List<String> lines = new ArrayList<>(Arrays.asList(FakeCsafProvider.read(FEED_DIR + "OT-changes.csv").split("\n")));
        String line = lines.stream().filter(l -> l.startsWith("csaf_files/") && l.contains("/" + file + ",")).findFirst().orElseThrow();
        lines.remove(line);
        lines.addFirst(line.substring(0, line.indexOf(',')) + "," + updated);
        return String.join("\n", lines) + "\n";
    }

    /** The lines of CISA's OT changes.csv (or index.txt) whose files exist here. */
    private List<String> localLines(String testData) {
        return Arrays.stream(FakeCsafProvider.read(FEED_DIR + testData).split("\n"))
                .filter(l -> local().contains(fileName(l.split(",")[0].strip())))
                .toList();
    }

    /** The local advisory in the middle of the feed by time, so that older and newer entries surround it. */
    private String middleLocal(Map<String, Instant> entries) {
        List<String> byTime = entries.entrySet().stream().filter(e -> local().contains(e.getKey()))
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
        return byTime.get(byTime.size() / 2);
    }

    // ---- ROLIE ----

    @Test
    void first_rolie_poll_returns_every_listed_document_that_exists_and_reports_each_missing_one() throws Exception {
        Map<String, Instant> entries = rolieEntries();
        Set<String> missing = entries.keySet().stream().filter(n -> !local().contains(n)).collect(Collectors.toSet());

        FeedPoll poll = client().poll(provider.uri(OT_ROLIE), FeedCursor.EMPTY);

        assertThat(poll.kind()).isEqualTo(FeedSourceKind.ROLIE);
        assertThat(poll.listed()).isEqualTo(entries.size());
        assertThat(names(poll)).containsExactlyInAnyOrderElementsOf(local());
        for (FetchedDocument d : poll.documents()) {
            assertThat(d.body()).isEqualTo(Files.readAllBytes(provider.localAdvisories().get(d.fileName())));
            assertThat(d.sha512Hex()).isEqualTo(FakeCsafProvider.sha512(d.body()));
            assertThat(d.checksum()).isEqualTo(FetchedDocument.Checksum.VERIFIED_SHA512);
            assertThat(d.updated()).isEqualTo(entries.get(d.fileName()));
        }
        assertThat(poll.documents()).extracting(FetchedDocument::updated).isSorted();
        assertThat(poll.problems()).extracting(p -> fileName(p.url())).containsExactlyInAnyOrderElementsOf(missing);
        assertThat(poll.problems()).allSatisfy(p -> {
            assertThat(p.message()).contains("not found (HTTP 404)");
            assertThat(p.retryable()).isFalse();
        });
        assertThat(poll.complete()).isTrue();
        assertThat(poll.cursor().newestUpdated()).isEqualTo(newest(entries));
        assertThat(poll.cursor().etag()).isNotNull();

        // one request for the feed, one per listed document, one checksum per document that exists
        List<Seen> requests = provider.requests();
        assertThat(requests.stream().filter(Seen::isDocument)).hasSize(entries.size());
        assertThat(requests.stream().filter(Seen::isChecksum)).hasSize(local().size());
        assertThat(requests).hasSize(1 + entries.size() + local().size());
    }

    @Test
    void second_rolie_poll_with_the_stored_cursor_is_a_conditional_get_answered_304_and_fetches_nothing() throws Exception {
        CsafFeedClient client = client();
        FeedPoll first = client.poll(provider.uri(OT_ROLIE), FeedCursor.EMPTY);
        String stored = first.cursor().asString();
        provider.forgetRequests();

        FeedPoll second = client.poll(provider.uri(OT_ROLIE), FeedCursor.parse(stored));

        assertThat(second.notModified()).isTrue();
        assertThat(second.documents()).isEmpty();
        assertThat(second.problems()).isEmpty();
        assertThat(second.cursor()).isEqualTo(first.cursor());
        assertThat(provider.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).endsWith("cisa-csaf-ot-feed-tlp-white.json");
            assertThat(r.ifNoneMatch()).isEqualTo(first.cursor().etag());
            assertThat(r.ifModifiedSince()).isEqualTo(first.cursor().lastModified()).isNotNull();
            assertThat(r.status()).isEqualTo(304);
        });
    }

    @Test
    void a_rolie_entry_whose_updated_time_is_made_newer_is_the_only_document_fetched_again() throws Exception {
        Map<String, Instant> entries = rolieEntries();
        CsafFeedClient client = client();
        FeedPoll first = client.poll(provider.uri(OT_ROLIE), FeedCursor.EMPTY);
        String changed = middleLocal(entries);
        Instant newer = newest(entries).plus(Duration.ofDays(1));
        provider.serve(OT_ROLIE, rolieWith(changed, e -> e.put("updated", newer.toString())));
        provider.forgetRequests();

        FeedPoll poll = client.poll(provider.uri(OT_ROLIE), first.cursor());

        assertThat(names(poll)).containsExactly(changed);
        assertThat(poll.documents().getFirst().updated()).isEqualTo(newer);
        assertThat(poll.problems()).isEmpty();
        assertThat(poll.cursor().newestUpdated()).isEqualTo(newer);
        List<Seen> requests = provider.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests.getFirst().ifNoneMatch()).isEqualTo(first.cursor().etag());
        assertThat(requests.getFirst().status()).isEqualTo(200);
        assertThat(requests).extracting(r -> fileName(r.path()))
                .containsExactly("cisa-csaf-ot-feed-tlp-white.json", changed, changed + ".sha512");
    }

    @Test
    void a_document_on_another_server_than_the_feed_is_not_fetched() throws Exception {
        Map<String, Instant> entries = rolieEntries();
        String moved = middleLocal(entries);
        String otherHost = provider.base().replace("127.0.0.1", "localhost");
        provider.serve(OT_ROLIE, rolieWith(moved, e -> {
            ObjectNode content = (ObjectNode) e.get("content");
            content.put("src", content.get("src").asString().replace(provider.base(), otherHost));
        }));

        FeedPoll poll = client().poll(provider.uri(OT_ROLIE), FeedCursor.EMPTY);

        assertThat(names(poll)).doesNotContain(moved).hasSize(local().size() - 1);
        assertThat(poll.problems()).filteredOn(p -> fileName(p.url()).equals(moved)).singleElement().satisfies(p -> {
            assertThat(p.url().getHost()).isEqualTo("localhost");
            assertThat(p.message()).contains("on another server than the feed");
            assertThat(p.retryable()).isFalse();
        });
        assertThat(provider.requests()).noneMatch(r -> r.path().endsWith("/" + moved));
    }

    // ---- changes.csv ----

    @Test
    void changes_csv_first_poll_fetches_every_listed_document_then_304_then_only_the_changed_line() throws Exception {
        Map<String, Instant> lines = changesEntries();
        CsafFeedClient client = client();

        FeedPoll first = client.poll(provider.uri(CHANGES), FeedCursor.EMPTY);

        assertThat(first.kind()).isEqualTo(FeedSourceKind.CHANGES_CSV);
        assertThat(first.listed()).isEqualTo(lines.size());
        assertThat(names(first)).containsExactlyInAnyOrderElementsOf(local());
        assertThat(first.documents()).allSatisfy(d -> {
            // relative paths resolve against the directory of changes.csv, the provider's base
            assertThat(d.url().toString()).startsWith(provider.base() + FakeCsafProvider.REPO + "csaf_files/OT/white/");
            assertThat(d.updated()).isEqualTo(lines.get(d.fileName()));
        });
        assertThat(first.problems()).hasSize(lines.size() - local().size());
        assertThat(first.cursor().newestUpdated()).isEqualTo(newest(lines));
        assertThat(provider.requests()).hasSize(1 + lines.size() + local().size());

        provider.forgetRequests();
        FeedPoll second = client.poll(provider.uri(CHANGES), FeedCursor.parse(first.cursor().asString()));
        assertThat(second.notModified()).isTrue();
        assertThat(provider.requests()).singleElement().satisfies(r -> {
            assertThat(r.ifNoneMatch()).isNotNull();
            assertThat(r.status()).isEqualTo(304);
        });

        String changed = middleLocal(lines);
        Instant newer = newest(lines).plus(Duration.ofHours(3));
        provider.serve(CHANGES, changesWith(changed, newer));
        provider.forgetRequests();
        FeedPoll third = client.poll(provider.uri(CHANGES), second.cursor());
        assertThat(names(third)).containsExactly(changed);
        assertThat(third.documents().getFirst().updated()).isEqualTo(newer);
        assertThat(third.cursor().newestUpdated()).isEqualTo(newer);
        assertThat(provider.requests()).extracting(r -> fileName(r.path()))
                .containsExactly("changes.csv", changed, changed + ".sha512");
    }

    @Test
    void changes_csv_from_a_server_without_etag_is_read_again_but_no_document_is_fetched_twice() throws Exception {
        provider.withoutValidators(CHANGES);
        CsafFeedClient client = client();
        FeedPoll first = client.poll(provider.uri(CHANGES), FeedCursor.EMPTY);
        assertThat(first.cursor().etag()).isNull();
        provider.forgetRequests();

        FeedPoll second = client.poll(provider.uri(CHANGES), first.cursor());

        assertThat(second.notModified()).isFalse();
        assertThat(second.listed()).isEqualTo(changesEntries().size());
        assertThat(second.documents()).isEmpty();
        assertThat(second.problems()).isEmpty();
        assertThat(provider.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).endsWith("/changes.csv");
            assertThat(r.ifNoneMatch()).isNull();
            assertThat(r.status()).isEqualTo(200);
        });
    }

    // ---- index.txt ----

    @Test
    void index_txt_short_enough_to_remember_fetches_all_then_nothing_then_only_the_added_path() throws Exception {
        List<String> lines = new ArrayList<>(localLines("OT-index.txt"));
        String heldBack = lines.removeLast();
        List<String> missing = Arrays.stream(FakeCsafProvider.read(FEED_DIR + "OT-index.txt").split("\n"))
                .filter(l -> !local().contains(fileName(l))).limit(5).toList();
        List<String> served = new ArrayList<>(lines);
        served.addAll(missing);
        provider.serve("short/index.txt", String.join("\n", served) + "\n");
        provider.withoutValidators("short/index.txt");
        URI index = provider.uri("short/index.txt");
        CsafFeedClient client = client();

        FeedPoll first = client.poll(index, FeedCursor.EMPTY);

        assertThat(first.kind()).isEqualTo(FeedSourceKind.INDEX_TXT);
        assertThat(names(first)).containsExactlyInAnyOrderElementsOf(lines.stream().map(CsafFeedClientTest::fileName).toList());
        assertThat(first.problems()).extracting(p -> fileName(p.url()))
                .containsExactlyInAnyOrderElementsOf(missing.stream().map(CsafFeedClientTest::fileName).toList());
        assertThat(first.cursor().seenPaths()).containsExactlyInAnyOrderElementsOf(served);
        assertThat(first.cursor().asString().length()).isLessThanOrEqualTo(FeedCursor.MAX_LENGTH);

        provider.forgetRequests();
        FeedPoll second = client.poll(index, FeedCursor.parse(first.cursor().asString()));
        assertThat(second.documents()).isEmpty();
        assertThat(provider.requests()).extracting(Seen::path).containsExactly("/short/index.txt");

        served.add(heldBack);
        provider.serve("short/index.txt", String.join("\n", served) + "\n");
        provider.forgetRequests();
        FeedPoll third = client.poll(index, second.cursor());
        assertThat(names(third)).containsExactly(fileName(heldBack));
        assertThat(third.documents().getFirst().url()).isEqualTo(index.resolve(heldBack));
        assertThat(documentRequests()).hasSize(1);
        assertThat(third.cursor().seenPaths()).hasSize(served.size());
    }

    @Test
    void index_txt_too_long_to_remember_is_polled_through_the_changes_csv_beside_it() throws Exception {
        CsafFeedClient client = client();

        FeedPoll first = client.poll(provider.uri(INDEX), FeedCursor.EMPTY);

        assertThat(first.kind()).isEqualTo(FeedSourceKind.CHANGES_CSV);
        assertThat(first.notes()).anySatisfy(n -> assertThat(n).contains("too many to remember").contains("changes.csv"));
        assertThat(names(first)).containsExactlyInAnyOrderElementsOf(local());
        assertThat(first.cursor().newestUpdated()).isEqualTo(newest(changesEntries()));

        provider.forgetRequests();
        FeedPoll second = client.poll(provider.uri(INDEX), FeedCursor.parse(first.cursor().asString()));
        assertThat(second.notModified()).isTrue();
        assertThat(provider.requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo("/" + CHANGES);
            assertThat(r.status()).isEqualTo(304);
        });
    }

    @Test
    void index_txt_too_long_and_without_changes_csv_is_worked_through_in_capped_polls_and_refetched_when_it_changes()
            throws Exception {
        String text = FakeCsafProvider.read(FEED_DIR + "OT-index.txt");
        provider.serve("alone/index.txt", text);
        URI index = provider.uri("alone/index.txt");
        int listed = new TreeSet<>(Arrays.asList(text.split("\n"))).size();
        CsafFeedClient client = client(CsafFeedClient.Settings.defaults().withMaxDocumentsPerPoll(1000));

        List<FeedPoll> polls = new ArrayList<>();
        FeedCursor cursor = FeedCursor.EMPTY;
        do {
            FeedPoll poll = client.poll(index, FeedCursor.parse(cursor.asString()));
            polls.add(poll);
            cursor = poll.cursor();
        } while (!polls.getLast().complete() && polls.size() < 10);

        assertThat(polls).hasSize((listed + 999) / 1000);
        assertThat(polls.getFirst().notes()).anySatisfy(n -> assertThat(n).contains("no changes.csv beside it"));
        assertThat(polls).allSatisfy(p -> assertThat(p.documents().size() + p.problems().size()).isLessThanOrEqualTo(1000));
        assertThat(polls.stream().flatMap(p -> names(p).stream())).containsExactlyInAnyOrderElementsOf(local());
        List<String> asked = documentRequests().stream().map(Seen::path).toList();
        assertThat(asked).hasSize(listed).doesNotHaveDuplicates();
        assertThat(cursor.indexDone()).isEqualTo(listed);

        provider.forgetRequests();
        assertThat(client.poll(index, cursor).notModified()).isTrue();

        provider.serve("alone/index.txt", text + "csaf_files/OT/white/2024/icsma-24-999-01.json\n");
        FeedPoll changed = client.poll(index, cursor);
        assertThat(changed.notes()).anySatisfy(n -> assertThat(n).contains("it changed, so all are fetched again"));
        assertThat(changed.documents().size() + changed.problems().size()).isEqualTo(1000);
    }

    // ---- checksums ----

    @Test
    void a_document_whose_checksum_does_not_match_is_withheld_and_fetched_again_at_the_next_poll() throws Exception {
        Map<String, Instant> entries = rolieEntries();
        String tampered = middleLocal(entries);
        provider.wrongChecksum(tampered);
        CsafFeedClient client = client();

        FeedPoll poll = client.poll(provider.uri(OT_ROLIE), FeedCursor.EMPTY);

        byte[] real = Files.readAllBytes(provider.localAdvisories().get(tampered));
        String got = FakeCsafProvider.sha512(real);
        assertThat(names(poll)).doesNotContain(tampered).hasSize(local().size() - 1);
        assertThat(poll.problems()).filteredOn(p -> fileName(p.url()).equals(tampered)).singleElement().satisfies(p -> {
            assertThat(p.message()).startsWith("checksum mismatch for " + p.url() + ": expected ")
                    .contains(", got " + got.substring(0, 16) + "...")
                    .doesNotContain(got.substring(0, 32));
            assertThat(p.retryable()).isTrue();
        });
        assertThat(poll.complete()).isFalse();
        assertThat(poll.cursor().newestUpdated()).isBefore(entries.get(tampered));
        assertThat(poll.cursor().etag()).as("no 304 may hide the document to retry").isNull();

        provider.rightChecksum(tampered);
        FeedPoll next = client.poll(provider.uri(OT_ROLIE), poll.cursor());
        Set<String> expected = entries.entrySet().stream()
                .filter(e -> local().contains(e.getKey()) && !e.getValue().isBefore(entries.get(tampered)))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(names(next)).contains(tampered).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(next.complete()).isTrue();
        assertThat(next.cursor().newestUpdated()).isEqualTo(newest(entries));
    }

    @Test
    void a_document_without_a_published_checksum_is_returned_with_its_sha512_computed_and_a_note() throws Exception {
        String unsigned = middleLocal(rolieEntries());
        provider.noChecksum(unsigned);

        FeedPoll poll = client().poll(provider.uri(OT_ROLIE), FeedCursor.EMPTY);

        FetchedDocument d = poll.documents().stream().filter(x -> x.fileName().equals(unsigned)).findFirst().orElseThrow();
        assertThat(d.checksum()).isEqualTo(FetchedDocument.Checksum.NOT_PUBLISHED);
        assertThat(d.sha512Hex()).isEqualTo(FakeCsafProvider.sha512(Files.readAllBytes(provider.localAdvisories().get(unsigned))));
        assertThat(d.note()).contains("no checksum published").contains(unsigned + ".sha512").contains("HTTP 404");
        assertThat(poll.documents()).filteredOn(x -> !x.fileName().equals(unsigned))
                .allSatisfy(x -> assertThat(x.checksum()).isEqualTo(FetchedDocument.Checksum.VERIFIED_SHA512));
        assertThat(poll.complete()).isTrue();
    }

    // ---- limits and failures ----

    @Test
    void documents_over_the_size_limit_are_refused_whether_or_not_the_server_announces_their_length() throws Exception {
        long limit = 100_000;
        Map<String, Long> sizes = new TreeMap<>();
        for (var e : provider.localAdvisories().entrySet()) {
            sizes.put(e.getKey(), Files.size(e.getValue()));
        }
        Set<String> tooLarge = sizes.entrySet().stream().filter(e -> e.getValue() > limit).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(tooLarge).hasSizeGreaterThanOrEqualTo(2);
        String streamed = tooLarge.iterator().next();
        provider.chunked(streamed);

        FeedPoll poll = client(CsafFeedClient.Settings.defaults().withMaxDocumentsPerPoll(10_000).withMaxDocumentBytes(limit))
                .poll(provider.uri(OT_ROLIE), FeedCursor.EMPTY);

        assertThat(names(poll)).doesNotContainAnyElementsOf(tooLarge).hasSize(local().size() - tooLarge.size());
        assertThat(poll.problems()).filteredOn(p -> tooLarge.contains(fileName(p.url()))).hasSize(tooLarge.size())
                .allSatisfy(p -> {
                    assertThat(p.message()).contains("larger than the limit of 100,000 bytes");
                    assertThat(p.retryable()).isFalse();
                    String name = fileName(p.url());
                    if (name.equals(streamed)) {
                        assertThat(p.message()).doesNotContain("announces");
                    } else {
                        assertThat(p.message()).contains("the server announces " + String.format("%,d", sizes.get(name)));
                    }
                });
        assertThat(poll.complete()).isTrue();
    }

    @Test
    void a_feed_answering_500_ends_the_poll_with_a_clear_exception_and_nothing_else_is_requested() {
        provider.failWith(OT_ROLIE, 500);
        URI feed = provider.uri(OT_ROLIE);

        assertThatThrownBy(() -> client().poll(feed, FeedCursor.EMPTY))
                .isInstanceOfSatisfying(FeedUnavailableException.class, e -> {
                    assertThat(e.source()).isEqualTo(feed);
                    assertThat(e.getMessage()).contains(feed.toString()).contains("answered HTTP 500")
                            .contains("the cursor is unchanged");
                });
        assertThat(provider.requests()).singleElement().extracting(Seen::status).isEqualTo(500);
    }

    @Test
    void a_feed_that_cannot_be_reached_ends_the_poll_with_a_clear_exception() {
        URI feed = provider.uri(OT_ROLIE);
        provider.close();

        assertThatThrownBy(() -> client().poll(feed, FeedCursor.EMPTY))
                .isInstanceOfSatisfying(FeedUnavailableException.class, e ->
                        assertThat(e.getMessage()).contains(feed.toString()).contains("could not connect")
                                .contains("the cursor is unchanged"));
    }

    @Test
    void a_provider_failing_on_every_document_is_given_up_after_ten_in_a_row_and_tried_again_at_the_next_poll()
            throws Exception {
        provider.failDocuments(503);
        CsafFeedClient client = client();

        FeedPoll poll = client.poll(provider.uri(OT_ROLIE), FeedCursor.EMPTY);

        int listed = rolieEntries().size();
        assertThat(poll.documents()).isEmpty();
        assertThat(documentRequests()).hasSize(CsafFeedClient.GIVE_UP_AFTER_FAILURES_IN_A_ROW);
        assertThat(poll.problems()).hasSize(CsafFeedClient.GIVE_UP_AFTER_FAILURES_IN_A_ROW + 1).allMatch(FetchProblem::retryable);
        assertThat(poll.problems().getFirst().message()).contains("HTTP 503").contains("fetched again at the next poll");
        assertThat(poll.problems().getLast().message()).contains("stopped after 10 documents in a row")
                .contains("the other " + (listed - 10) + " are tried at the next poll");
        assertThat(poll.pending()).isEqualTo(listed - 10);
        assertThat(poll.cursor().newestUpdated()).isNull();

        provider.failDocuments(0);
        FeedPoll next = client.poll(provider.uri(OT_ROLIE), poll.cursor());
        assertThat(names(next)).containsExactlyInAnyOrderElementsOf(local());
        assertThat(next.complete()).isTrue();
    }

    @Test
    void a_provider_metadata_json_is_refused_with_the_feeds_it_names_to_configure_instead() throws Exception {
        // CISA's two real ROLIE feeds, named where a provider-metadata.json names them
        List<String> feeds = new ArrayList<>();
        for (String file : List.of("OT-cisa-csaf-ot-feed-tlp-white.json", "IT-cisa-csaf-it-feed-tlp-white.json")) {
            feeds.add(JSON.readTree(provider.rewrite(FakeCsafProvider.read(FEED_DIR + file)))
                    .path("feed").path("link").get(0).path("href").asString());
        }
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("canonical_url", provider.base() + ".well-known/csaf/provider-metadata.json");
        var rolieFeeds = metadata.putArray("distributions").addObject().putObject("rolie").putArray("feeds");
        feeds.forEach(url -> rolieFeeds.addObject().put("url", url));
        provider.serve(".well-known/csaf/provider-metadata.json", JSON.writeValueAsString(metadata));

        assertThatThrownBy(() -> client().poll(provider.uri(".well-known/csaf/provider-metadata.json"), FeedCursor.EMPTY))
                .isInstanceOf(FeedUnavailableException.class)
                .hasMessageContaining("provider-metadata.json, not a feed")
                .hasMessageContaining(feeds.get(0)).hasMessageContaining(feeds.get(1));
    }

    @Test
    void an_html_page_served_instead_of_the_feed_is_refused() {
        provider.serve("login/changes.csv", "<!DOCTYPE html><html><body>Please log in</body></html>");

        assertThatThrownBy(() -> client().poll(provider.uri("login/changes.csv"), FeedCursor.EMPTY))
                .isInstanceOf(FeedUnavailableException.class)
                .hasMessageContaining("HTML or XML page, not a CSAF feed");
    }

    @Test
    void a_document_that_times_out_is_reported_and_the_next_poll_fetches_it_and_what_came_after() throws Exception {
        List<String> lines = localLines("OT-changes.csv");
        provider.serve("slow/changes.csv", String.join("\n", lines) + "\n");
        Map<String, Instant> times = new TreeMap<>();
        lines.forEach(l -> times.put(fileName(l.split(",")[0]), Instant.parse(l.split(",")[1].strip())));
        String slow = fileName(lines.get(lines.size() / 2).split(",")[0]);
        provider.delay(slow, Duration.ofSeconds(3));
        CsafFeedClient client = client(CsafFeedClient.Settings.defaults().withRequestTimeout(Duration.ofMillis(800)));

        FeedPoll poll = client.poll(provider.uri("slow/changes.csv"), FeedCursor.EMPTY);

        assertThat(names(poll)).doesNotContain(slow).hasSize(times.size() - 1);
        assertThat(poll.problems()).singleElement().satisfies(p -> {
            assertThat(fileName(p.url())).isEqualTo(slow);
            assertThat(p.message()).contains("timed out").contains("800 ms").contains("fetched again at the next poll");
            assertThat(p.retryable()).isTrue();
        });
        assertThat(poll.cursor().newestUpdated()).isBefore(times.get(slow));

        provider.noDelay(slow);
        FeedPoll next = client.poll(provider.uri("slow/changes.csv"), poll.cursor());
        Set<String> expected = times.entrySet().stream().filter(e -> !e.getValue().isBefore(times.get(slow)))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        assertThat(names(next)).contains(slow).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(next.complete()).isTrue();
    }

    // ---- cap, progress, cancellation ----

    @Test
    void the_per_poll_cap_spreads_a_large_feed_over_polls_without_fetching_anything_twice_and_reports_progress()
            throws Exception {
        Map<String, Instant> entries = rolieEntries();
        CsafFeedClient client = client(CsafFeedClient.Settings.defaults().withMaxDocumentsPerPoll(1000));
        List<int[]> progress = new ArrayList<>();
        List<Integer> toFetch = new ArrayList<>();
        FeedPollListener listener = new FeedPollListener() {
            @Override
            public void listed(URI source, int listed, int count) {
                toFetch.add(count);
            }

            @Override
            public void progress(int done, int total, URI document) {
                progress.add(new int[]{done, total});
            }
        };

        List<FeedPoll> polls = new ArrayList<>();
        FeedCursor cursor = FeedCursor.EMPTY;
        do {
            FeedPoll poll = client.poll(provider.uri(OT_ROLIE), cursor, listener);
            polls.add(poll);
            cursor = poll.cursor();
        } while (!polls.getLast().complete() && polls.size() < 10);

        assertThat(polls).hasSizeGreaterThanOrEqualTo(3).hasSizeLessThan(10);
        assertThat(polls.getFirst().pending()).isEqualTo(entries.size() - toFetch.getFirst());
        // a cut never splits one timestamp: each poll starts after the newest time of the one before
        for (int i = 1; i < polls.size(); i++) {
            Instant previous = polls.get(i - 1).cursor().newestUpdated();
            assertThat(polls.get(i).documents()).allSatisfy(d -> assertThat(d.updated()).isAfter(previous));
        }
        assertThat(polls.stream().flatMap(p -> names(p).stream())).containsExactlyInAnyOrderElementsOf(local());
        assertThat(documentRequests()).hasSize(entries.size()).extracting(Seen::path).doesNotHaveDuplicates();
        assertThat(toFetch.stream().mapToInt(Integer::intValue).sum()).isEqualTo(entries.size());
        assertThat(progress).hasSize(entries.size());
        assertThat(progress).filteredOn(p -> p[0] == p[1]).hasSize(polls.size());
        assertThat(cursor.newestUpdated()).isEqualTo(newest(entries));
        assertThat(cursor.etag()).isNotNull();
    }

    @Test
    void a_cancelled_poll_keeps_what_it_fetched_and_the_next_poll_continues_from_there() throws Exception {
        List<String> lines = localLines("OT-changes.csv");
        provider.serve("cancel/changes.csv", String.join("\n", lines) + "\n");
        URI feed = provider.uri("cancel/changes.csv");
        CsafFeedClient client = client();
        int[] handled = {0};
        FeedPollListener stopAfter40 = new FeedPollListener() {
            @Override
            public void progress(int done, int total, URI document) {
                handled[0] = done;
            }

            @Override
            public boolean cancelled() {
                return handled[0] >= 40;
            }
        };

        FeedPoll first = client.poll(feed, FeedCursor.EMPTY, stopAfter40);
        FeedPoll rest = client.poll(feed, first.cursor());

        assertThat(first.documents()).hasSize(40);
        assertThat(first.pending()).isEqualTo(lines.size() - 40);
        assertThat(first.notes()).contains("cancelled after 40 of " + lines.size() + " documents");
        assertThat(first.cursor().etag()).isNull();
        Set<String> all = new HashSet<>(names(first));
        all.addAll(names(rest));
        assertThat(all).containsExactlyInAnyOrderElementsOf(local());
        // documents sharing the time at which the poll stopped may come twice; no others
        Instant stoppedAt = first.documents().getLast().updated();
        assertThat(names(rest)).filteredOn(names(first)::contains)
                .allSatisfy(n -> assertThat(first.documents().stream().filter(d -> d.fileName().equals(n))
                        .findFirst().orElseThrow().updated()).isEqualTo(stoppedAt));
    }
}
