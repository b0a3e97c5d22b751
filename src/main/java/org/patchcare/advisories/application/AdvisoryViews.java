package org.patchcare.advisories.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Read models of the advisories context: what screens and the API show. */
public final class AdvisoryViews {

    private AdvisoryViews() {
    }

    /** What happened to a document sent for import. */
    public enum ImportOutcome {
        /** a tracking id seen for the first time */
        CREATED,
        /** a known tracking id with changed content: stored as the next revision */
        REVISED,
        /** the same content as a stored revision: nothing changed */
        UNCHANGED,
        /** changed content that is older than the current revision: kept as a revision, the advisory unchanged */
        OLDER_REVISION
    }

    public record WarningView(String testId, String jsonPath, String message) {
    }

    public record ImportResult(ImportOutcome outcome, String trackingId, int revision, String title,
                               List<WarningView> warnings, int affectedDevices, int exposures, int reviewItems) {
    }

    /** A row of the advisory list. */
    public record AdvisorySummary(String trackingId, String title, String publisher, String vendors,
                                  Instant initialRelease, Instant currentRelease, String trackingVersion, int revisions,
                                  BigDecimal maxCvss, String cves, boolean kev, long affectedDevices,
                                  long openExposures, int warnings, Instant importedAt) {
    }

    /** Filters of the advisory list; null means "any". */
    public record AdvisoryFilter(String text, String vendor, Instant releasedFrom, Instant releasedTo, Boolean kevOnly,
                                 BigDecimal minCvss, BigDecimal maxCvss, Boolean affectsMyDevices) {
        public static AdvisoryFilter none() {
            return new AdvisoryFilter(null, null, null, null, null, null, null, null);
        }
    }

    public record ProductView(String productId, String vendor, String productName, String version, boolean range,
                              String fullName, String identifiers, String relatesTo) {
    }

    public record RemediationView(String category, String details, String url, Instant date, String restartRequired,
                                  String restartDetails, String productIds) {
    }

    public record RemarkView(String kind, String category, String details, String productIds) {
    }

    public record VulnerabilityView(String cve, String cweId, String cweName, String title, String summary,
                                    String cvss3Vector, BigDecimal cvss3Score, String cvss3Severity,
                                    String cvss2Vector, BigDecimal cvss2Score, boolean kev, java.time.LocalDate kevAdded,
                                    java.time.LocalDate kevDue, boolean kevRansomware, BigDecimal epss,
                                    BigDecimal epssPercentile, List<String> knownAffected, List<String> fixed,
                                    List<String> knownNotAffected, List<String> underInvestigation,
                                    List<RemediationView> remediations, List<RemarkView> remarks) {
    }

    public record RevisionView(int revision, String trackingVersion, Instant currentRelease, Instant importedAt,
                               String importedBy, String origin, String sourceName, String contentHash) {
    }

    public record HistoryView(String number, Instant date, String summary) {
    }

    public record NoteView(String category, String title, String text) {
    }

    public record ReferenceView(String category, String summary, String url) {
    }

    public record AdvisoryDetails(String trackingId, String title, String publisher, String publisherCategory,
                                  String publisherNamespace, String tlp, String trackingVersion, String trackingStatus,
                                  Instant initialRelease, Instant currentRelease, String csafVersion, String origin,
                                  BigDecimal maxCvss, List<HistoryView> history, List<NoteView> notes,
                                  List<ReferenceView> references, List<WarningView> warnings,
                                  List<ProductView> products, List<VulnerabilityView> vulnerabilities,
                                  List<RevisionView> revisions, int version) {
    }
}
