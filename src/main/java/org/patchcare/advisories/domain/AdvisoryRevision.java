package org.patchcare.advisories.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** One imported version of an advisory, with its original document. Never changed once written. */
@Entity
@Table(name = "advisory_revision")
public class AdvisoryRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "advisory_id", nullable = false, updatable = false)
    private Advisory advisory;

    @Column(name = "revision_no", nullable = false, updatable = false)
    private int revisionNo;
    @Column(name = "content_hash", nullable = false, updatable = false, length = 64)
    private String contentHash;
    @Column(name = "tracking_version", nullable = false, updatable = false, length = 40)
    private String trackingVersion;
    @Column(name = "current_release", nullable = false, updatable = false)
    private Instant currentRelease;
    @Column(name = "imported_at", nullable = false, updatable = false)
    private Instant importedAt;
    @Column(name = "imported_by", nullable = false, updatable = false, length = 64)
    private String importedBy;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 20)
    private AdvisoryOrigin origin;
    @Column(name = "source_name", updatable = false, length = 1000)
    private String sourceName;
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "document", updatable = false)
    private String document;

    protected AdvisoryRevision() {
    }

    AdvisoryRevision(Advisory advisory, int revisionNo, String contentHash, String trackingVersion,
                     Instant currentRelease, AdvisoryOrigin origin, String sourceName, String document, String actor,
                     Instant now) {
        this.advisory = advisory;
        this.revisionNo = revisionNo;
        this.contentHash = contentHash;
        this.trackingVersion = trackingVersion;
        this.currentRelease = currentRelease;
        this.origin = origin;
        this.sourceName = sourceName == null || sourceName.length() <= 1000 ? sourceName : sourceName.substring(0, 1000);
        this.document = document;
        this.importedBy = actor;
        this.importedAt = now;
    }

    public Long getId() { return id; }
    public Advisory getAdvisory() { return advisory; }
    public int getRevisionNo() { return revisionNo; }
    public String getContentHash() { return contentHash; }
    public String getTrackingVersion() { return trackingVersion; }
    public Instant getCurrentRelease() { return currentRelease; }
    public Instant getImportedAt() { return importedAt; }
    public String getImportedBy() { return importedBy; }
    public AdvisoryOrigin getOrigin() { return origin; }
    public String getSourceName() { return sourceName; }
    public String getDocument() { return document; }
}
