package org.patchcare.advisories.application.feed;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one poll of one feed.
 *
 * @param kind        how the feed lists its documents (for an {@code index.txt} source polled through the
 *                    {@code changes.csv} beside it: {@link FeedSourceKind#CHANGES_CSV})
 * @param notModified the server answered 304 to the conditional GET: nothing was fetched
 * @param listed      how many documents the feed lists (0 when not modified)
 * @param pending     how many new or changed documents were left for the next poll (per-poll cap, cancellation, or
 *                    too many failures in a row)
 * @param cursor      store this and pass it to the next poll
 * @param documents   the documents fetched and checked, in the order fetched: oldest first (index.txt: by path)
 * @param problems    the documents that could not be taken, each with its reason
 * @param notes       remarks about the poll as a whole, for the log (e.g. which fallback was used)
 */
public record FeedPoll(URI source, FeedSourceKind kind, boolean notModified, int listed, int pending,
                       FeedCursor cursor, List<FetchedDocument> documents, List<FetchProblem> problems,
                       List<String> notes) {

    public FeedPoll {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(cursor, "cursor");
        documents = List.copyOf(documents);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Nothing left over: no pending document and no problem that the next poll would retry. */
    public boolean complete() {
        return pending == 0 && problems.stream().noneMatch(FetchProblem::retryable);
    }

    @Override
    public String toString() {
        return "FeedPoll[" + source + ", " + kind + (notModified ? ", not modified" : "") + ", listed " + listed
                + ", fetched " + documents.size() + ", problems " + problems.size() + ", pending " + pending + "]";
    }
}
