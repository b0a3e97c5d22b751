package org.patchcare.advisories.application;

/** Hears how a background feed load goes; called on the load's thread, after the commit for finished/failed. */
public interface FeedImportListener {

    FeedImportListener NONE = new FeedImportListener() {
    };

    default void progress(long rows) {
    }

    default void finished(ThreatFeedViews.FeedImportResult result) {
    }

    default void failed(RuntimeException problem) {
    }
}
