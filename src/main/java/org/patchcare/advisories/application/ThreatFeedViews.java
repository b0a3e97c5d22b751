package org.patchcare.advisories.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Read records of the threat feeds. */
public final class ThreatFeedViews {

    private ThreatFeedViews() {
    }

    /** The feeds PatchCare loads. */
    public enum Feed {
        KEV("CISA Known Exploited Vulnerabilities"), EPSS("FIRST EPSS scores");

        private final String label;

        Feed(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What a load changed. For EPSS, {@code added} counts rows written (new or rescored) and {@code removed} is 0. */
    public record FeedImportResult(Feed feed, String version, Instant released, long entries, long added, long changed,
                                   long removed, long unchanged, String summary) {
    }

    /** The newest file loaded for a feed. */
    public record FeedStatus(Feed feed, String version, Instant released, long entries, Instant importedAt,
                             String importedBy, String summary) {
    }

    /** CISA lists this CVE as exploited in the wild; {@code inCatalog} false once a newer catalogue dropped it. */
    public record KevMark(String cveId, String vendorProject, String product, String vulnerabilityName,
                          LocalDate dateAdded, LocalDate dueDate, boolean ransomwareKnown, String requiredAction,
                          String shortDescription, boolean inCatalog, String lastCatalog) {
    }

    /** FIRST's probability that the CVE is exploited in the next 30 days, and where that ranks among all CVEs. */
    public record EpssScore(String cveId, BigDecimal epss, BigDecimal percentile, String modelVersion,
                            LocalDate scoreDate) {
    }

    /** Everything the feeds say about one CVE. */
    public record CveIntel(String cveId, KevMark kev, EpssScore epss) {
    }
}
