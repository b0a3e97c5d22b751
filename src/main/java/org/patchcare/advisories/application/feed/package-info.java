/**
 * Polls CSAF providers over HTTP(S): ROLIE feeds, {@code changes.csv} and {@code index.txt}. Fetches only what changed
 * since the last poll (a {@link org.patchcare.advisories.application.feed.FeedCursor} the caller keeps), checks the
 * published {@code .sha512} checksums, and reports every document that could not be fetched as a
 * {@link org.patchcare.advisories.application.feed.FetchProblem} without breaking the poll. Plain Java and
 * {@link java.net.http.HttpClient}; scheduling, storage of the cursor and import of the documents are the caller's.
 * See docs/csaf-feeds.md.
 */
package org.patchcare.advisories.application.feed;
