package org.patchcare.advisories.application.feed;

import java.net.URI;
import java.util.Objects;

/**
 * One document (or listing entry) of a feed that could not be taken, in words a person can act on.
 *
 * @param retryable true when the cause may go away by itself (timeout, connection failure, HTTP 5xx or 429, checksum
 *                  mismatch or checksum not readable): such a document is fetched again at the next poll. False for
 *                  404/410 and other 4xx, oversize, and listing entries that make no sense: those are reported once
 *                  and fetched again only when the provider changes the entry.
 */
public record FetchProblem(URI url, String message, boolean retryable) {

    public FetchProblem {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(message, "message");
    }

    public String text() {
        return url + ": " + message;
    }
}
