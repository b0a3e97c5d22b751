package org.patchcare.advisories.domain;

import static org.patchcare.shared.domain.Texts.cut;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A vendor advisory as its newest revision describes it. The earlier revisions keep their original documents in
 * {@link AdvisoryRevision}; the product tree, vulnerabilities, notes and warnings here are replaced by each new
 * revision ({@link #replaceContent}).
 */
@Entity
@Table(name = "advisory")
public class Advisory extends BaseEntity {

    public static final int TRACKING_ID_MAX = 200;

    @Column(name = "tracking_id", nullable = false, updatable = false, length = TRACKING_ID_MAX)
    private String trackingId;
    @Column(nullable = false, length = 500)
    private String title;
    @Column(name = "publisher_name", nullable = false, length = 200)
    private String publisherName;
    @Column(name = "publisher_category", nullable = false, length = 40)
    private String publisherCategory;
    @Column(name = "publisher_namespace", length = 500)
    private String publisherNamespace;
    @Column(length = 20)
    private String tlp;
    @Column(name = "tracking_version", nullable = false, length = 40)
    private String trackingVersion;
    @Column(name = "tracking_status", nullable = false, length = 20)
    private String trackingStatus;
    @Column(name = "initial_release", nullable = false)
    private Instant initialRelease;
    @Column(name = "current_release", nullable = false)
    private Instant currentRelease;
    @Column(name = "csaf_version", length = 10)
    private String csafVersion;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AdvisoryOrigin origin;
    @Column(name = "revision_count", nullable = false)
    private int revisionCount;
    @Column(name = "current_revision", nullable = false)
    private int currentRevision;
    @Column(name = "content_hash", length = 64)
    private String contentHash;
    @Column(nullable = false, length = 1000)
    private String vendors = "";
    @Column(name = "max_cvss", precision = 3, scale = 1)
    private BigDecimal maxCvss;
    @Column(nullable = false, length = 2000)
    private String cves = "";

    @ElementCollection
    @CollectionTable(name = "advisory_history", joinColumns = @JoinColumn(name = "advisory_id"))
    @OrderColumn(name = "position")
    private List<HistoryEntry> history = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "advisory_note", joinColumns = @JoinColumn(name = "advisory_id"))
    @OrderColumn(name = "position")
    private List<Note> notes = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "advisory_reference", joinColumns = @JoinColumn(name = "advisory_id"))
    @OrderColumn(name = "position")
    private List<Reference> references = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "advisory_warning", joinColumns = @JoinColumn(name = "advisory_id"))
    @OrderColumn(name = "position")
    private List<Warning> warnings = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "advisory_product", joinColumns = @JoinColumn(name = "advisory_id"))
    @OrderColumn(name = "position")
    private List<ProductEntry> products = new ArrayList<>();

    @OneToMany(mappedBy = "advisory", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Vulnerability> vulnerabilities = new ArrayList<>();

    @OneToMany(mappedBy = "advisory", cascade = CascadeType.ALL)
    @OrderBy("revisionNo")
    private List<AdvisoryRevision> revisions = new ArrayList<>();

    protected Advisory() {
    }

    public Advisory(String trackingId, AdvisoryOrigin origin) {
        this.trackingId = trackingId;
        this.origin = origin;
    }

    /** What a document (or a manual entry) says, for one revision. */
    public record Content(String title, String publisherName, String publisherCategory, String publisherNamespace,
                          String tlp, String trackingVersion, String trackingStatus, Instant initialRelease,
                          Instant currentRelease, String csafVersion, List<HistoryEntry> history, List<Note> notes,
                          List<Reference> references, List<Warning> warnings, List<ProductEntry> products,
                          List<Vulnerability.Content> vulnerabilities) {
    }

    /** Makes {@code content} the advisory's current state and records it as the next revision. */
    public AdvisoryRevision replaceContent(Content c, String contentHash, AdvisoryOrigin origin, String sourceName,
                                           String document, String actor, Instant now) {
        this.title = c.title();
        this.publisherName = c.publisherName();
        this.publisherCategory = c.publisherCategory();
        this.publisherNamespace = c.publisherNamespace();
        this.tlp = c.tlp();
        this.trackingVersion = c.trackingVersion();
        this.trackingStatus = c.trackingStatus();
        this.initialRelease = c.initialRelease();
        this.currentRelease = c.currentRelease();
        this.csafVersion = c.csafVersion();
        this.origin = origin;
        this.contentHash = contentHash;
        history.clear();
        history.addAll(c.history());
        notes.clear();
        notes.addAll(c.notes());
        references.clear();
        references.addAll(c.references());
        warnings.clear();
        warnings.addAll(c.warnings());
        products.clear();
        products.addAll(c.products());
        vulnerabilities.clear();
        int i = 0;
        for (Vulnerability.Content v : c.vulnerabilities()) {
            vulnerabilities.add(new Vulnerability(this, i++, v));
        }
        this.vendors = cut(String.join(", ", c.products().stream().map(ProductEntry::vendor)
                .filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList()), 1000);
        this.cves = cut(String.join(" ", c.vulnerabilities().stream().map(Vulnerability.Content::cve)
                .filter(v -> v != null).distinct().toList()), 2000);
        this.maxCvss = c.vulnerabilities().stream().map(Vulnerability.Content::maxScore).filter(s -> s != null)
                .max(BigDecimal::compareTo).orElse(null);
        this.currentRevision = revisionCount + 1;
        return addRevision(contentHash, c.trackingVersion(), c.currentRelease(), origin, sourceName, document, actor, now);
    }

    /**
     * Keeps a document that is older than the current one (by version, then release date) as a revision, without
     * changing what the advisory shows.
     */
    public AdvisoryRevision addRevision(String contentHash, String trackingVersion, Instant currentRelease,
                                        AdvisoryOrigin origin, String sourceName, String document, String actor,
                                        Instant now) {
        revisionCount++;
        touch(actor, now);
        AdvisoryRevision revision = new AdvisoryRevision(this, revisionCount, contentHash, trackingVersion,
                currentRelease, origin, sourceName, document, actor, now);
        revisions.add(revision);
        return revision;
    }

    public String getTrackingId() { return trackingId; }
    public String getTitle() { return title; }
    public String getPublisherName() { return publisherName; }
    public String getPublisherCategory() { return publisherCategory; }
    public String getPublisherNamespace() { return publisherNamespace; }
    public String getTlp() { return tlp; }
    public String getTrackingVersion() { return trackingVersion; }
    public String getTrackingStatus() { return trackingStatus; }
    public Instant getInitialRelease() { return initialRelease; }
    public Instant getCurrentRelease() { return currentRelease; }
    public String getCsafVersion() { return csafVersion; }
    public AdvisoryOrigin getOrigin() { return origin; }
    public int getRevisionCount() { return revisionCount; }
    /** The revision whose content the advisory shows (the newest by version and release date). */
    public int getCurrentRevision() { return currentRevision; }
    public String getContentHash() { return contentHash; }
    public String getVendors() { return vendors; }
    public BigDecimal getMaxCvss() { return maxCvss; }
    public String getCves() { return cves; }
    public List<HistoryEntry> getHistory() { return history; }
    public List<Note> getNotes() { return notes; }
    public List<Reference> getReferences() { return references; }
    public List<Warning> getWarnings() { return warnings; }
    public List<ProductEntry> getProducts() { return products; }
    public List<Vulnerability> getVulnerabilities() { return vulnerabilities; }
    public List<AdvisoryRevision> getRevisions() { return revisions; }
}
