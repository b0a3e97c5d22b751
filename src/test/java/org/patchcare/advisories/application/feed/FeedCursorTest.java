package org.patchcare.advisories.application.feed;

import org.junit.jupiter.api.Test;
import org.patchcare.testsupport.TestData;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedCursorTest {

    private static List<String> otIndex() throws IOException {
        return Files.readAllLines(TestData.file("misc/cisa-csaf-feed/OT-index.txt")).stream().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
    }

    @Test
    void a_rolie_cursor_survives_the_trip_through_its_string() {
        FeedCursor cursor = new FeedCursor(FeedSourceKind.ROLIE, Instant.parse("2024-10-24T06:00:00Z"),
                "\"5f2a;9c\"", "Thu, 24 Oct 2024 19:23:12 GMT", null, null, 0);

        String text = cursor.asString();

        assertThat(FeedCursor.parse(text)).isEqualTo(cursor);
        assertThat(text).startsWith("csaf1;k=ROLIE;u=2024-10-24T06:00:00Z;");
    }

    @Test
    void the_empty_cursor_is_the_empty_string_and_back() {
        assertThat(FeedCursor.EMPTY.asString()).isEmpty();
        assertThat(FeedCursor.parse("")).isSameAs(FeedCursor.EMPTY);
        assertThat(FeedCursor.parse(null).isEmpty()).isTrue();
    }

    @Test
    void the_paths_of_a_short_index_are_kept_exactly_and_cisas_full_ot_index_is_kept_as_a_hash() throws IOException {
        List<String> all = otIndex();
        List<String> first300 = all.subList(0, 300);
        assertThat(FeedCursor.fits(first300)).isTrue();
        assertThat(FeedCursor.fits(all)).isFalse();

        FeedCursor exact = new FeedCursor(FeedSourceKind.INDEX_TXT, null, "\"e\"", null, new TreeSet<>(first300), null, 0);
        assertThat(FeedCursor.parse(exact.asString()).seenPaths()).containsExactlyInAnyOrderElementsOf(first300);
        assertThatThrownBy(() -> new FeedCursor(FeedSourceKind.INDEX_TXT, null, null, null, new TreeSet<>(all), null, 0))
                .hasMessageContaining("do not fit");

        FeedCursor hashed = new FeedCursor(FeedSourceKind.INDEX_TXT, null, null, null, null, FeedCursor.hashOf(all), 1000);
        assertThat(FeedCursor.parse(hashed.asString())).isEqualTo(hashed);
        assertThat(FeedCursor.hashOf(all)).isEqualTo(FeedCursor.hashOf(all.reversed()))
                .isNotEqualTo(FeedCursor.hashOf(all.subList(1, all.size())));
    }

    @Test
    void the_longest_cursor_the_constructor_accepts_fits_the_2000_character_column() throws IOException {
        String longValidator = "\"" + "x".repeat(FeedCursor.MAX_VALIDATOR_LENGTH - 2) + "\"";
        Instant longestTime = Instant.parse("2024-10-24T06:00:00.123456789Z");
        TreeSet<String> paths = new TreeSet<>();
        FeedCursor longest = null;
        for (String p : otIndex()) {
            paths.add(p);
            try {
                longest = new FeedCursor(FeedSourceKind.INDEX_TXT, longestTime, longValidator, longValidator, paths, null, 0);
            } catch (IllegalArgumentException tooMany) {
                break;
            }
        }

        assertThat(longest).isNotNull();
        assertThat(longest.seenPaths()).hasSizeGreaterThan(300).hasSizeLessThan(otIndex().size());
        assertThat(longest.asString().length()).isLessThanOrEqualTo(FeedCursor.MAX_LENGTH);
        assertThat(FeedCursor.parse(longest.asString())).isEqualTo(longest);
    }

    @Test
    void an_etag_too_long_to_store_is_dropped_rather_than_overflowing_the_column() {
        String huge = "\"" + "y".repeat(FeedCursor.MAX_VALIDATOR_LENGTH) + "\"";
        FeedCursor cursor = new FeedCursor(FeedSourceKind.ROLIE, null, huge, null, null, null, 0);
        assertThat(cursor.etag()).isNull();
    }

    @Test
    void text_that_is_not_a_cursor_is_refused_with_what_to_do() {
        assertThatThrownBy(() -> FeedCursor.parse("2024-10-24T06:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not a CSAF feed cursor").hasMessageContaining("Clear the stored cursor");
        assertThatThrownBy(() -> FeedCursor.parse("csaf1;k=ROLIE;u=yesterday"))
                .hasMessageContaining("'u'");
        assertThatThrownBy(() -> FeedCursor.parse("csaf1;k=ATOM"))
                .hasMessageContaining("Not a CSAF feed cursor");
    }
}
