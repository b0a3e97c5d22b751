package org.patchcare.advisories.application.feed;

/** The three ways a CSAF provider lists its documents (CSAF 2.0, section 7.1, requirements 11 to 15). */
public enum FeedSourceKind {
    /** A ROLIE feed: JSON with {@code feed.entry[]}, each with {@code updated} and links to the document and its hash. */
    ROLIE,
    /** {@code changes.csv}: one line per document, {@code path,timestamp}, newest first. */
    CHANGES_CSV,
    /** {@code index.txt}: one path per line, no timestamps. */
    INDEX_TXT
}
