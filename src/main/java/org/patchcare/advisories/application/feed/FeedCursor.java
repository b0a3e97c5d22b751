package org.patchcare.advisories.application.feed;

import org.patchcare.shared.domain.Digests;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * What PatchCare knew about one feed after the last poll; the caller stores it as a short string
 * ({@link #asString()}, at most {@value #MAX_LENGTH} characters) and passes it back to the next poll.
 * <ul>
 *   <li>{@code etag}, {@code lastModified}: the validators of the feed file itself, sent back as
 *       {@code If-None-Match} / {@code If-Modified-Since}; a 304 answer means nothing changed. Kept only after a
 *       complete poll (nothing left over by the cap, no document to retry), so that a 304 never hides unfinished
 *       work.</li>
 *   <li>ROLIE and {@code changes.csv}: {@code newestUpdated}, the watermark. Every entry updated at or before it has
 *       been handled; the next poll takes the entries updated after it.</li>
 *   <li>{@code index.txt} (no timestamps): {@code seenPaths}, the paths already handled, when they fit in the
 *       string (deflated, about 380 CISA-style paths). A longer index is polled through the {@code changes.csv}
 *       beside it when there is one (CSAF requirement 13), and otherwise remembered as {@code indexHash} (a hash of
 *       the whole sorted list) plus {@code indexDone}, how many of the sorted paths are handled: an unchanged index
 *       continues where the last poll stopped, a changed one is fetched again from the start.</li>
 * </ul>
 */
public record FeedCursor(FeedSourceKind kind, Instant newestUpdated, String etag, String lastModified,
                         SortedSet<String> seenPaths, String indexHash, int indexDone) {

    public static final int MAX_LENGTH = 2000;
    /** Longer ETag or Last-Modified values are not kept (the poll then downloads the feed every time). */
    public static final int MAX_VALIDATOR_LENGTH = 160;
    /** Room for {@code seenPaths} in the string, deflated and in base64: the client keeps the set when it fits. */
    static final int SEEN_PATHS_BUDGET = 1400;
    /** What the constructor accepts: a little more, as a subset of a fitting set may deflate a few bytes worse. */
    private static final int SEEN_PATHS_LIMIT = 1500;

    public static final FeedCursor EMPTY = new FeedCursor(null, null, null, null, Collections.emptySortedSet(), null, 0);

    private static final String VERSION = "csaf1";
    private static final int MAX_INFLATED = 4 * 1024 * 1024;

    public FeedCursor {
        if (etag != null && etag.length() > MAX_VALIDATOR_LENGTH) {
            etag = null;
        }
        if (lastModified != null && lastModified.length() > MAX_VALIDATOR_LENGTH) {
            lastModified = null;
        }
        seenPaths = seenPaths == null || seenPaths.isEmpty() ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(seenPaths));
        if (indexDone < 0) {
            throw new IllegalArgumentException("indexDone must not be negative: " + indexDone);
        }
        if (!seenPaths.isEmpty() && indexHash != null) {
            throw new IllegalArgumentException("a cursor keeps either the paths seen or the hash of the index, not both");
        }
        if (!seenPaths.isEmpty() && encodePaths(seenPaths).length() > SEEN_PATHS_LIMIT) {
            throw new IllegalArgumentException(seenPaths.size() + " paths do not fit in a feed cursor; use indexHash");
        }
    }

    public static FeedCursor empty() {
        return EMPTY;
    }

    /** Nothing known: the next poll fetches everything the feed lists (up to the per-poll cap). */
    public boolean isEmpty() {
        return kind == null;
    }

    FeedCursor withValidators(String newEtag, String newLastModified) {
        return new FeedCursor(kind, newestUpdated, newEtag, newLastModified, seenPaths, indexHash, indexDone);
    }

    /** True when {@code paths} can be kept as {@link #seenPaths} (else the poll falls back, see the class comment). */
    static boolean fits(Collection<String> paths) {
        return encodePaths(new TreeSet<>(paths)).length() <= SEEN_PATHS_BUDGET;
    }

    /** SHA-256 (first 128 bits, hex) of the sorted paths, one per line. */
    static String hashOf(Collection<String> paths) {
        StringBuilder lines = new StringBuilder();
        for (String p : new TreeSet<>(paths)) {
            lines.append(p).append('\n');
        }
        return Digests.sha256Hex(lines.toString()).substring(0, 32);
    }

    /** The short form to store; {@link #parse} reads it back. Never longer than {@value #MAX_LENGTH}. */
    public String asString() {
        if (isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder(VERSION).append(";k=").append(kind.name());
        if (newestUpdated != null) {
            s.append(";u=").append(newestUpdated);
        }
        if (etag != null) {
            s.append(";e=").append(b64(etag));
        }
        if (lastModified != null) {
            s.append(";m=").append(b64(lastModified));
        }
        if (!seenPaths.isEmpty()) {
            s.append(";s=").append(encodePaths(seenPaths));
        }
        if (indexHash != null) {
            s.append(";h=").append(indexHash).append(";d=").append(indexDone);
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalStateException("feed cursor longer than " + MAX_LENGTH + " characters: " + s.length());
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return isEmpty() ? "FeedCursor[empty]" : "FeedCursor[" + kind + ", updated " + newestUpdated + ", etag " + etag
                + ", lastModified " + lastModified + ", " + seenPaths.size() + " paths seen, indexHash " + indexHash
                + ", indexDone " + indexDone + "]";
    }

    /**
     * Reads {@link #asString()}; null or blank is {@link #EMPTY}.
     *
     * @throws IllegalArgumentException when the text is not a cursor written by this class
     */
    public static FeedCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String[] parts = text.strip().split(";");
        if (!parts[0].equals(VERSION)) {
            throw unreadable(text, "it does not start with " + VERSION);
        }
        FeedSourceKind kind = null;
        Instant updated = null;
        String etag = null;
        String lastModified = null;
        SortedSet<String> seen = null;
        String hash = null;
        int done = 0;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.length() < 2 || part.charAt(1) != '=') {
                throw unreadable(text, "'" + part + "' is not key=value");
            }
            String value = part.substring(2);
            try {
                switch (part.charAt(0)) {
                    case 'k' -> kind = FeedSourceKind.valueOf(value);
                    case 'u' -> updated = Instant.parse(value);
                    case 'e' -> etag = unb64(value);
                    case 'm' -> lastModified = unb64(value);
                    case 's' -> seen = decodePaths(value);
                    case 'h' -> hash = value;
                    case 'd' -> done = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown key '" + part.charAt(0) + "'");
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw unreadable(text, "'" + part.charAt(0) + "': " + e.getMessage());
            }
        }
        if (kind == null) {
            throw unreadable(text, "it names no feed kind");
        }
        return new FeedCursor(kind, updated, etag, lastModified, seen, hash, done);
    }

    private static IllegalArgumentException unreadable(String text, String why) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return new IllegalArgumentException("Not a CSAF feed cursor written by PatchCare (" + why + "): '" + shown
                + "'. Clear the stored cursor to poll the feed from the start.");
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unb64(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }

    static String encodePaths(SortedSet<String> paths) {
        byte[] raw = String.join("\n", paths).getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 16);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    private static SortedSet<String> decodePaths(String encoded) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(Base64.getUrlDecoder().decode(encoded));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("the list of paths seen is cut short");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("the list of paths seen is too long");
                }
            }
            TreeSet<String> paths = new TreeSet<>();
            for (String p : out.toString(StandardCharsets.UTF_8).split("\n")) {
                if (!p.isEmpty()) {
                    paths.add(p);
                }
            }
            return paths;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the list of paths seen is damaged", e);
        } finally {
            inflater.end();
        }
    }
}
