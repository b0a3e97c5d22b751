package org.patchcare.advisories.application.feed;

import org.junit.jupiter.api.Test;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading CISA's real feed files, without HTTP. */
class FeedListingTest {

    private static final URI BASE = URI.create("https://raw.githubusercontent.com/cisagov/CSAF/develop/");

    private static byte[] bytes(String name) throws Exception {
        return Files.readAllBytes(TestData.file("misc/cisa-csaf-feed/" + name));
    }

    private static List<String> lines(String name) throws Exception {
        return Files.readAllLines(TestData.file("misc/cisa-csaf-feed/" + name)).stream().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void rolie_hash_links_written_with_ref_instead_of_rel_as_in_cisas_it_feed_are_still_used() throws Exception {
        byte[] feed = bytes("IT-cisa-csaf-it-feed-tlp-white.json");
        JsonNode entries = JsonMapper.shared().readTree(feed).path("feed").path("entry");
        assertThat(entries.get(0).path("link").toString()).contains("\"ref\":\"hash\"").doesNotContain("\"rel\":\"hash\"");

        FeedListing listing = FeedListing.rolie(BASE.resolve("csaf_files/IT/white/cisa-csaf-it-feed-tlp-white.json"), feed);

        assertThat(listing.entries()).hasSize(entries.size()).allSatisfy(e ->
                assertThat(e.hashUrl()).isEqualTo(URI.create(e.url() + ".sha512")));
        assertThat(listing.problems()).isEmpty();
    }

    @Test
    void every_entry_of_cisas_ot_rolie_feed_is_read_with_its_time_and_hash_link() throws Exception {
        JsonNode entries = JsonMapper.shared().readTree(bytes("OT-cisa-csaf-ot-feed-tlp-white.json")).path("feed").path("entry");

        FeedListing listing = FeedListing.rolie(BASE.resolve("csaf_files/OT/white/cisa-csaf-ot-feed-tlp-white.json"),
                bytes("OT-cisa-csaf-ot-feed-tlp-white.json"));

        assertThat(listing.problems()).isEmpty();
        assertThat(listing.entries()).hasSize(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            FeedListing.Entry e = listing.entries().get(i);
            assertThat(e.url()).hasToString(entries.get(i).path("content").path("src").asString());
            assertThat(e.updated()).isEqualTo(Instant.parse(entries.get(i).path("updated").asString()));
            assertThat(e.hashUrl()).hasToString(e.url() + ".sha512");
        }
    }

    @Test
    void changes_csv_paths_resolve_against_its_directory_and_both_of_cisas_time_formats_are_read() throws Exception {
        for (String name : List.of("OT-changes.csv", "IT-changes.csv")) {
            List<String> lines = lines(name);

            FeedListing listing = FeedListing.changesCsv(BASE.resolve("changes.csv"), new String(bytes(name)));

            assertThat(listing.problems()).isEmpty();
            assertThat(listing.entries()).hasSize(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String[] cells = lines.get(i).split(",");
                assertThat(listing.entries().get(i).url()).isEqualTo(URI.create(BASE + cells[0]));
                assertThat(listing.entries().get(i).updated()).isEqualTo(Instant.parse(cells[1].strip()));
            }
        }
    }

    @Test
    void index_txt_lists_every_path_once() throws Exception {
        List<String> lines = lines("OT-index.txt");

        FeedListing listing = FeedListing.indexTxt(BASE.resolve("index.txt"), new String(bytes("OT-index.txt")));

        assertThat(listing.entries()).extracting(FeedListing.Entry::path).containsExactlyElementsOf(lines);
        assertThat(listing.entries()).allSatisfy(e -> assertThat(e.updated()).isNull());
    }

    @Test
    void the_kind_of_feed_is_recognised_by_content_when_the_url_does_not_name_it() throws Exception {
        URI neutral = URI.create("https://provider.example/csaf/feed");
        assertThat(CsafFeedClient.sniff(neutral, null, bytes("OT-cisa-csaf-ot-feed-tlp-white.json"))).isEqualTo(FeedSourceKind.ROLIE);
        assertThat(CsafFeedClient.sniff(neutral, null, bytes("OT-changes.csv"))).isEqualTo(FeedSourceKind.CHANGES_CSV);
        assertThat(CsafFeedClient.sniff(neutral, null, bytes("OT-index.txt"))).isEqualTo(FeedSourceKind.INDEX_TXT);
        assertThat(CsafFeedClient.kindFromName(BASE.resolve("changes.csv"))).isEqualTo(FeedSourceKind.CHANGES_CSV);
        assertThat(CsafFeedClient.kindFromName(BASE.resolve("index.txt"))).isEqualTo(FeedSourceKind.INDEX_TXT);
    }

    @Test
    void a_checksum_file_is_read_in_sha512sum_form_or_as_bare_hex() throws Exception {
        byte[] advisory = Files.readAllBytes(TestData.file("csaf/icsma/icsma-20-049-02.json"));
        String hex = org.patchcare.shared.domain.Digests.hex("SHA-512", advisory);

        assertThat(CsafFeedClient.checksumIn((hex + "  icsma-20-049-02.json\n").getBytes())).isEqualTo(hex);
        assertThat(CsafFeedClient.checksumIn(hex.toUpperCase().getBytes())).isEqualTo(hex);
        assertThat(CsafFeedClient.checksumIn("<html>not found</html>".getBytes())).isNull();
        assertThat(CsafFeedClient.checksumIn(hex.substring(0, 100).getBytes())).isNull();
    }
}
