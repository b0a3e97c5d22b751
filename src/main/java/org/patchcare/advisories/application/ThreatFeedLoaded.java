package org.patchcare.advisories.application;

/** A KEV catalogue or EPSS file was loaded (fired inside the load's transaction): exploitation may have changed. */
public record ThreatFeedLoaded(String feed, String summary) {
}
