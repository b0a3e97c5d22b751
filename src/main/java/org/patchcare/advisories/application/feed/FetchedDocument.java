package org.patchcare.advisories.application.feed;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * One CSAF document as the provider served it (the bytes are not parsed or validated here).
 *
 * @param body      the bytes as served; not copied, do not change them
 * @param sha512Hex SHA-512 of {@code body}, always computed here, lower-case hex
 * @param updated   when the provider says the document last changed: the ROLIE {@code updated} or the
 *                  {@code changes.csv} timestamp; for {@code index.txt} the document's Last-Modified header, or null
 * @param checksum  what was checked against the provider's checksum file
 * @param note      empty, or a sentence for the log, e.g. that no checksum file was published
 */
public record FetchedDocument(URI url, byte[] body, String sha512Hex, Instant updated, Checksum checksum, String note) {

    /** How the document's integrity was checked. */
    public enum Checksum {
        /** The provider's {@code .sha512} file matches. */
        VERIFIED_SHA512,
        /** The provider links only a {@code .sha256} file, and it matches. */
        VERIFIED_SHA256,
        /** The provider publishes no checksum file (404/410): nothing to compare, SHA-512 computed locally. */
        NOT_PUBLISHED
    }

    public FetchedDocument {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(sha512Hex, "sha512Hex");
        Objects.requireNonNull(checksum, "checksum");
        note = note == null ? "" : note;
    }

    /** The last path segment, e.g. {@code icsma-20-049-02.json}. */
    public String fileName() {
        String path = url.getPath();
        return path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return "FetchedDocument[" + url + ", " + body.length + " bytes, " + checksum + ", updated " + updated + "]";
    }
}
