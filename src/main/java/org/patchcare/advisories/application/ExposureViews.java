package org.patchcare.advisories.application;

import java.math.BigDecimal;
import java.time.Instant;

/** Read models of exposures and the match-review queue. */
public final class ExposureViews {

    private ExposureViews() {
    }

    /** One device's exposure to one vulnerability of one advisory. */
    public record ExposureView(String id, String assetTag, String department, String manufacturer, String model,
                               String softwareVersion, String trackingId, String advisoryTitle, String cve,
                               BigDecimal cvss, boolean kev, String state, String stateLabel, String justification,
                               String stateReason, String matchedProduct, String certainty, String matchReason,
                               Instant firstSeen, Instant updatedAt, String updatedBy, int version) {
    }

    /** Filters of the exposure list; null means "any". */
    public record ExposureFilter(String assetTag, String trackingId, String cve, String state, Boolean openOnly,
                                 Boolean kevOnly) {
        public static ExposureFilter none() {
            return new ExposureFilter(null, null, null, null, null, null);
        }
    }

    /** One entry of an exposure's history. */
    public record ExposureEventView(Instant at, String actor, String from, String to, String justification,
                                    String reason) {
    }

    /** A likely match waiting for IT. */
    public record ReviewItem(String id, String trackingId, String advisoryTitle, String productLabel, String manufacturer,
                             String model, String modelNumber, BigDecimal score, String reason, int devices,
                             String status, String decidedBy, Instant decidedAt, String comment, Instant createdAt,
                             int version) {
    }

    /** IT's answer to a review item. */
    public enum ReviewDecision { CONFIRM, DISMISS }

    /** The outcome of a review decision. */
    public record ReviewOutcome(ReviewItem item, int exposuresCreated) {
    }

    /** Advisories newest first with the number of our devices they affect, for the IT home screen. */
    public record AffectingAdvisory(String trackingId, String title, Instant currentRelease, Instant importedAt,
                                    BigDecimal maxCvss, boolean kev, long affectedDevices, long openExposures) {
    }
}
