package org.patchcare.advisories.application.feed;

import java.net.URI;

/**
 * Hears how a poll goes, for a progress bar; called on the polling thread. All methods have empty defaults.
 */
public interface FeedPollListener {

    FeedPollListener NONE = new FeedPollListener() {
    };

    /** The feed was read: {@code toFetch} documents are new or changed (after the per-poll cap) of {@code listed}. */
    default void listed(URI source, int listed, int toFetch) {
    }

    /** Document {@code done} of {@code total} was handled (fetched, or reported as a problem). */
    default void progress(int done, int total, URI document) {
    }

    /**
     * Asked before each document; true stops the poll there. What was fetched is returned and the cursor is set so
     * that the next poll continues with the rest.
     */
    default boolean cancelled() {
        return false;
    }
}
