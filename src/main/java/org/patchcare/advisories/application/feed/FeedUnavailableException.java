package org.patchcare.advisories.application.feed;

import java.net.URI;

/**
 * The feed itself (the ROLIE JSON, {@code changes.csv} or {@code index.txt}) could not be read: nothing was fetched and
 * the caller's cursor stays as it was. The message names the URL, what happened and what to do.
 */
public final class FeedUnavailableException extends Exception {

    private final URI source;

    public FeedUnavailableException(URI source, String message) {
        this(source, message, null);
    }

    public FeedUnavailableException(URI source, String message, Throwable cause) {
        super("CSAF feed " + source + ": " + message, cause);
        this.source = source;
    }

    public URI source() {
        return source;
    }
}
