package org.patchcare.advisories.application;

import static org.patchcare.shared.domain.Texts.cut;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.advisories.application.AdvisoryViews.AdvisoryDetails;
import org.patchcare.advisories.application.AdvisoryViews.AdvisoryFilter;
import org.patchcare.advisories.application.AdvisoryViews.AdvisorySummary;
import org.patchcare.advisories.application.AdvisoryViews.HistoryView;
import org.patchcare.advisories.application.AdvisoryViews.ImportOutcome;
import org.patchcare.advisories.application.AdvisoryViews.ImportResult;
import org.patchcare.advisories.application.AdvisoryViews.NoteView;
import org.patchcare.advisories.application.AdvisoryViews.ProductView;
import org.patchcare.advisories.application.AdvisoryViews.ReferenceView;
import org.patchcare.advisories.application.AdvisoryViews.RemarkView;
import org.patchcare.advisories.application.AdvisoryViews.RemediationView;
import org.patchcare.advisories.application.AdvisoryViews.RevisionView;
import org.patchcare.advisories.application.AdvisoryViews.VulnerabilityView;
import org.patchcare.advisories.application.AdvisoryViews.WarningView;
import org.patchcare.advisories.application.ThreatFeedViews.CveIntel;
import org.patchcare.advisories.application.csaf.CsafContentReader;
import org.patchcare.advisories.application.csaf.CsafJson;
import org.patchcare.advisories.application.csaf.validation.CsafFinding;
import org.patchcare.advisories.application.csaf.validation.CsafValidationReport;
import org.patchcare.advisories.application.csaf.validation.CsafValidator;
import org.patchcare.advisories.domain.Advisory;
import org.patchcare.advisories.domain.AdvisoryOrigin;
import org.patchcare.advisories.domain.AdvisoryRevision;
import org.patchcare.advisories.domain.ProductStatus;
import org.patchcare.advisories.domain.Vulnerability;
import org.patchcare.advisories.domain.Warning;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Vendor advisories: import of CSAF 2.0 documents (validated against the schema and the mandatory tests; rejected
 * documents leave nothing behind), revisions detected by content hash, and the read models of the list and detail
 * screens. Everyone logged in reads; IT security and administrators import.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class AdvisoryService {

    /** Largest CSAF document accepted (CISA's largest real one is 0.5 MB). */
    public static final int MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
    static final String AUDIT_TYPE = "Advisory";
    private static final CsafValidator VALIDATOR = new CsafValidator();

    /** Sort keys of the list and the SQL they sort by. */
    public static final Map<String, String> SORTABLE = Map.of(
            "currentRelease", "a.current_release",
            "initialRelease", "a.initial_release",
            "trackingId", "a.tracking_id",
            "maxCvss", "a.max_cvss",
            "importedAt", "a.updated_at",
            "affectedDevices", "affected");

    @PersistenceContext
    EntityManager em;
    @Inject
    org.patchcare.shared.metrics.AppMetrics metrics;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    ThreatFeedService threatFeeds;
    @Inject
    ExposureMatcher matcher;

    // ---- import ----------------------------------------------------------------------------

    /**
     * Imports one CSAF 2.0 document.
     *
     * @param body       the JSON as received
     * @param origin     how it arrived (upload, API, folder, feed)
     * @param sourceName the file name or URL, kept with the revision
     * @throws InvalidInputException listing every failed check with its CSAF test id, JSON path and message; nothing
     *                               is stored
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ImportResult importDocument(byte[] body, AdvisoryOrigin origin, String sourceName) {
        long started = System.nanoTime();
        String result = "failed";
        try {
            ImportResult r = importChecked(body, origin, sourceName);
            result = r.outcome().name().toLowerCase(Locale.ROOT);
            return r;
        } catch (InvalidInputException e) {
            result = "rejected";
            throw e;
        } finally {
            String how = origin == null ? "unknown" : origin.name().toLowerCase(Locale.ROOT);
            metrics.count("patchcare_advisory_imports_total", "CSAF advisory imports by origin and result", 1,
                    "origin", how, "result", result);
            metrics.time("patchcare_advisory_import_duration_seconds", "Time to validate, store and match one advisory",
                    System.nanoTime() - started, "origin", how);
        }
    }

    private ImportResult importChecked(byte[] body, AdvisoryOrigin origin, String sourceName) {
        if (origin == null || origin == AdvisoryOrigin.MANUAL) {
            throw new InvalidInputException("origin", "Say where the document came from (upload, API, folder or feed).");
        }
        if (body != null && body.length > MAX_DOCUMENT_BYTES) {
            throw new InvalidInputException("$", String.format(Locale.ROOT,
                    "The document is %,d bytes; PatchCare accepts CSAF documents up to %,d bytes.", body.length,
                    MAX_DOCUMENT_BYTES));
        }
        JsonNode doc = CsafJson.parse(body);
        CsafValidationReport report = VALIDATOR.validate(doc);
        if (!report.accepted()) {
            throw new InvalidInputException(report.errors().stream()
                    .map(f -> new InvalidInputException.Violation(f.jsonPath(), f.message(), f.testId())).toList());
        }
        List<Warning> warnings = report.warnings().stream()
                .map(f -> new Warning(cut(f.testId(), 20), cut(f.jsonPath(), 500), cut(f.message(), 1000))).toList();
        String hash = CsafJson.contentHash(doc);
        Advisory.Content content = new CsafContentReader().read(doc, warnings);
        String trackingId = doc.path("document").path("tracking").path("id").asString();
        return store(find(trackingId), trackingId, content, hash, origin, sourceName,
                new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Stores what a document (or a manual entry) says, given the advisory already stored under its tracking id (or
     * null): a new advisory, a new current revision, an older revision kept
     * beside the current one, or nothing when the content is already stored; then matches the current content.
     */
    private ImportResult store(Advisory stored, String trackingId, Advisory.Content content, String hash,
                               AdvisoryOrigin origin, String sourceName, String document) {
        String actor = currentUser.username();
        Instant now = clock.instant();
        Advisory advisory = stored;
        ImportOutcome outcome;
        if (advisory == null) {
            advisory = new Advisory(trackingId, origin);
            advisory.replaceContent(content, hash, origin, sourceName, document, actor, now);
            em.persist(advisory);
            audit.created(AUDIT_TYPE, trackingId, snapshot(advisory));
            outcome = ImportOutcome.CREATED;
        } else {
            AdvisoryRevision same = advisory.getRevisions().stream().filter(r -> r.getContentHash().equals(hash))
                    .findFirst().orElse(null);
            if (same != null) {
                return new ImportResult(ImportOutcome.UNCHANGED, trackingId, same.getRevisionNo(), advisory.getTitle(),
                        warnings(advisory), matcher.affectedDevices(advisory), matcher.openExposures(advisory),
                        matcher.pendingReviews(advisory));
            }
            if (olderThanCurrent(content, advisory)) {
                AdvisoryRevision kept = advisory.addRevision(hash, content.trackingVersion(), content.currentRelease(),
                        origin, sourceName, document, actor, now);
                em.flush();
                audit.event(AUDIT_TYPE, trackingId, "revision " + kept.getRevisionNo() + " stored",
                        "version " + content.trackingVersion() + " of " + content.currentRelease()
                                + " is older than the current revision " + advisory.getCurrentRevision()
                                + " (version " + advisory.getTrackingVersion() + "), which stays current");
                return new ImportResult(ImportOutcome.OLDER_REVISION, trackingId, kept.getRevisionNo(),
                        advisory.getTitle(), warnings(advisory), matcher.affectedDevices(advisory),
                        matcher.openExposures(advisory), matcher.pendingReviews(advisory));
            }
            Snapshot before = snapshot(advisory);
            advisory.replaceContent(content, hash, origin, sourceName, document, actor, now);
            em.flush();
            audit.changed(AUDIT_TYPE, trackingId, before, snapshot(advisory), "revision " + advisory.getRevisionCount()
                    + (origin == AdvisoryOrigin.MANUAL ? " entered by hand"
                    : " imported (" + origin.name().toLowerCase(Locale.ROOT) + ")"));
            outcome = ImportOutcome.REVISED;
        }
        em.flush();
        ExposureMatcher.Outcome matched = matcher.matchAdvisory(advisory);
        return new ImportResult(outcome, trackingId, advisory.getRevisionCount(), advisory.getTitle(),
                warnings(advisory), matched.affectedDevices(), matched.openExposures(), matched.pendingReviews());
    }

    private static final java.util.Set<String> REMEDIATION_CATEGORIES = java.util.Set.of("vendor_fix", "mitigation",
            "workaround", "none_available", "no_fix_planned");
    private static final java.util.Set<String> RESTART_CATEGORIES = java.util.Set.of("none", "vulnerable_component",
            "service", "parent", "child", "system", "zone", "dependencies", "connected", "machine");

    /**
     * Records a vendor notice that came as a PDF or an e-mail. It is stored and matched like an imported document
     * (origin MANUAL); the same tracking id again with changed fields becomes a new revision.
     *
     * @throws InvalidInputException naming every field to correct
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ImportResult createManual(ManualAdvisoryCommand cmd) {
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        if (cmd == null) {
            throw new InvalidInputException("advisory", "Fill in the advisory.");
        }
        require(problems, "title", cmd.title(), 500);
        require(problems, "publisher", cmd.publisher(), 200);
        require(problems, "vendor", cmd.vendor(), 300);
        require(problems, "productName", cmd.productName(), 500);
        if (cmd.releaseDate() == null) {
            problems.add(new InvalidInputException.Violation("releaseDate", "Give the date of the vendor's notice."));
        } else if (cmd.releaseDate().isAfter(java.time.LocalDate.now(clock).plusDays(1))) {
            problems.add(new InvalidInputException.Violation("releaseDate", "The notice's date lies in the future."));
        }
        if (cmd.affectedVersions() != null && cmd.affectedVersions().length() > 500) {
            problems.add(new InvalidInputException.Violation("affectedVersions", "At most 500 characters."));
        }
        if (cmd.trackingId() != null && !cmd.trackingId().isBlank()
                && !cmd.trackingId().strip().matches("[A-Za-z0-9][A-Za-z0-9._:+-]{1,99}")) {
            problems.add(new InvalidInputException.Violation("trackingId",
                    "Use letters, digits and . _ : + - (2 to 100 characters), e.g. PSIRT-2026-0042."));
        }
        String category = cmd.remediationCategory() == null ? "" : cmd.remediationCategory().strip().toLowerCase(Locale.ROOT);
        if (!REMEDIATION_CATEGORIES.contains(category)) {
            problems.add(new InvalidInputException.Violation("remediationCategory",
                    "Choose vendor_fix, mitigation, workaround, none_available or no_fix_planned."));
        }
        String restart = cmd.restartRequired() == null || cmd.restartRequired().isBlank() ? null
                : cmd.restartRequired().strip().toLowerCase(Locale.ROOT);
        if (restart != null && !RESTART_CATEGORIES.contains(restart)) {
            problems.add(new InvalidInputException.Violation("restartRequired", "Choose one of "
                    + String.join(", ", new java.util.TreeSet<>(RESTART_CATEGORIES)) + ", or leave it empty."));
        }
        if (cmd.referenceUrl() != null && !cmd.referenceUrl().isBlank()
                && !cmd.referenceUrl().strip().matches("https?://\\S{3,1990}")) {
            problems.add(new InvalidInputException.Violation("referenceUrl", "Give an http(s) address or leave it empty."));
        }
        List<Vulnerability.Content> vulns = new ArrayList<>();
        List<ManualAdvisoryCommand.ManualVulnerability> given = cmd.vulnerabilities() == null ? List.of()
                : cmd.vulnerabilities();
        if (given.isEmpty()) {
            problems.add(new InvalidInputException.Violation("vulnerabilities", "Name at least one vulnerability."));
        }
        for (int i = 0; i < given.size(); i++) {
            ManualAdvisoryCommand.ManualVulnerability v = given.get(i);
            String field = "vulnerabilities[" + i + "]";
            String cve = v == null ? null : org.patchcare.advisories.domain.CveId.normalize(v.cve());
            if (cve == null) {
                problems.add(new InvalidInputException.Violation(field + ".cve", "Give a CVE id like CVE-2024-12345."));
                continue;
            }
            java.math.BigDecimal score = null;
            String vector = v.cvssVector() == null || v.cvssVector().isBlank() ? null : v.cvssVector().strip();
            if (vector != null) {
                try {
                    score = java.math.BigDecimal.valueOf(us.springett.cvss.Cvss.fromVector(vector).calculateScore()
                            .getBaseScore()).setScale(1, java.math.RoundingMode.HALF_UP);
                } catch (RuntimeException e) {
                    problems.add(new InvalidInputException.Violation(field + ".cvssVector",
                            "Not a CVSS vector PatchCare can read, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H."));
                    continue;
                }
            }
            boolean v2 = vector != null && !vector.startsWith("CVSS:3");
            vulns.add(new Vulnerability.Content(cve, null, null, cut(v.description(), 1000), v.description(),
                    v2 ? null : vector, v2 ? null : score, v2 || score == null ? null : CsafContentReader.severity(score),
                    v2 ? vector : null, v2 ? score : null, null, null,
                    List.of(new org.patchcare.advisories.domain.ProductStatus("known_affected", MANUAL_PRODUCT)),
                    List.of(new org.patchcare.advisories.domain.Remediation(category,
                            cmd.remediationDetails() == null || cmd.remediationDetails().isBlank()
                                    ? "See the vendor's notice." : cmd.remediationDetails().strip(),
                            cmd.referenceUrl() == null || cmd.referenceUrl().isBlank() ? null : cmd.referenceUrl().strip(),
                            null, restart, null, MANUAL_PRODUCT)),
                    List.of()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String versions = cmd.affectedVersions() == null || cmd.affectedVersions().isBlank() ? null
                : cmd.affectedVersions().strip();
        boolean range = versions != null && versions.matches(".*(<|>|\\||all|vers:).*");
        Instant released = cmd.releaseDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        String trackingId = cmd.trackingId() == null || cmd.trackingId().isBlank()
                ? "MANUAL-" + cmd.releaseDate() + "-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT)
                : cmd.trackingId().strip();
        String document = CsafJson.mapper().writeValueAsString(cmd);
        String hash = CsafJson.contentHash(CsafJson.mapper().readTree(document));
        List<org.patchcare.advisories.domain.Reference> refs = cmd.referenceUrl() == null || cmd.referenceUrl().isBlank()
                ? List.of() : List.of(new org.patchcare.advisories.domain.Reference("external", "The vendor's notice",
                cmd.referenceUrl().strip()));
        String actor = currentUser.username();
        Instant now = clock.instant();
        Advisory advisory = find(trackingId);
        int revision = advisory == null ? 1 : advisory.getRevisionCount() + 1;
        Advisory.Content content = new Advisory.Content(cmd.title().strip(), cmd.publisher().strip(), "vendor", null,
                null, Integer.toString(revision), "final", advisory == null ? released : advisory.getInitialRelease(),
                released, null,
                List.of(new org.patchcare.advisories.domain.HistoryEntry(Integer.toString(revision), now,
                        "Entered by " + actor + " from the vendor's notice")),
                List.of(), refs, List.of(),
                List.of(new org.patchcare.advisories.domain.ProductEntry(MANUAL_PRODUCT, cmd.vendor().strip(),
                        cmd.productName().strip(), versions, range,
                        cut(cmd.vendor().strip() + " " + cmd.productName().strip() + (versions == null ? "" : " " + versions), 1000),
                        null, null)),
                vulns);
        return store(advisory, trackingId, content, hash, AdvisoryOrigin.MANUAL, "entered by hand", document);
    }

    static final String MANUAL_PRODUCT = "MANUAL-PRODUCT-1";

    private static void require(List<InvalidInputException.Violation> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new InvalidInputException.Violation(field, "Required."));
        } else if (value.strip().length() > max) {
            problems.add(new InvalidInputException.Violation(field, "At most " + max + " characters."));
        }
    }

    /** Older = a lower tracking version, or the same version released earlier. */
    static boolean olderThanCurrent(Advisory.Content c, Advisory current) {
        int byVersion = compareVersions(c.trackingVersion(), current.getTrackingVersion());
        if (byVersion != 0) {
            return byVersion < 0;
        }
        return c.currentRelease().isBefore(current.getCurrentRelease());
    }

    /** CSAF tracking versions are integers or semantic versions; numeric parts compare as numbers. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[.+-]");
        String[] y = b.split("[.+-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c;
            if (p.matches("\\d{1,9}") && q.matches("\\d{1,9}")) {
                c = Integer.compare(Integer.parseInt(p), Integer.parseInt(q));
            } else {
                c = p.compareTo(q);
            }
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static List<WarningView> warnings(Advisory a) {
        return a.getWarnings().stream().map(w -> new WarningView(w.testId(), w.jsonPath(), w.message())).toList();
    }

    private static Snapshot snapshot(Advisory a) {
        return Snapshot.empty().with("title", a.getTitle()).with("trackingVersion", a.getTrackingVersion())
                .with("currentRelease", a.getCurrentRelease()).with("revision", a.getRevisionCount())
                .with("contentHash", a.getContentHash()).with("products", a.getProducts().size())
                .with("vulnerabilities", a.getVulnerabilities().size()).with("cves", a.getCves())
                .with("warnings", a.getWarnings().size());
    }

    Advisory find(String trackingId) {
        return em.createQuery("select a from Advisory a where a.trackingId = :id", Advisory.class)
                .setParameter("id", trackingId).getResultStream().findFirst().orElse(null);
    }

    private Advisory require(String trackingId) {
        Advisory a = trackingId == null ? null : find(trackingId.strip());
        if (a == null) {
            throw new NotFoundException("Advisory", trackingId);
        }
        return a;
    }

    // ---- reading ---------------------------------------------------------------------------

    public AdvisoryDetails get(String trackingId) {
        Advisory a = require(trackingId);
        List<VulnerabilityView> vulns = new ArrayList<>();
        for (Vulnerability v : a.getVulnerabilities()) {
            CveIntel intel = v.getCve() == null ? null : threatFeeds.intel(v.getCve()).orElse(null);
            var kev = intel == null ? null : intel.kev();
            var epss = intel == null ? null : intel.epss();
            vulns.add(new VulnerabilityView(v.getCve(), v.getCweId(), v.getCweName(), v.getTitle(), v.getSummary(),
                    v.getCvss3Vector(), v.getCvss3Score(), v.getCvss3Severity(), v.getCvss2Vector(), v.getCvss2Score(),
                    kev != null && kev.inCatalog(), kev == null ? null : kev.dateAdded(),
                    kev == null ? null : kev.dueDate(), kev != null && kev.ransomwareKnown(),
                    epss == null ? null : epss.epss(), epss == null ? null : epss.percentile(),
                    status(v, "known_affected", "first_affected", "last_affected"), status(v, "fixed", "first_fixed"),
                    status(v, "known_not_affected"), status(v, "under_investigation"),
                    v.getRemediations().stream().map(r -> new RemediationView(r.category(), r.details(), r.url(),
                            r.date(), r.restartRequired(), r.restartDetails(), r.productIds())).toList(),
                    v.getRemarks().stream().map(r -> new RemarkView(r.kind(), r.category(), r.details(),
                            r.productIds())).toList()));
        }
        return new AdvisoryDetails(a.getTrackingId(), a.getTitle(), a.getPublisherName(), a.getPublisherCategory(),
                a.getPublisherNamespace(), a.getTlp(), a.getTrackingVersion(), a.getTrackingStatus(),
                a.getInitialRelease(), a.getCurrentRelease(), a.getCsafVersion(), a.getOrigin().name(), a.getMaxCvss(),
                a.getHistory().stream().map(h -> new HistoryView(h.number(), h.date(), h.summary())).toList(),
                a.getNotes().stream().map(n -> new NoteView(n.category(), n.title(), n.text())).toList(),
                a.getReferences().stream().map(r -> new ReferenceView(r.category(), r.summary(), r.url())).toList(),
                warnings(a),
                a.getProducts().stream().map(p -> new ProductView(p.productId(), p.vendor(), p.productName(),
                        p.versionText(), p.versionIsRange(), p.fullName(), p.identifiers(), p.relatesTo())).toList(),
                vulns,
                a.getRevisions().stream().sorted(Comparator.comparingInt(AdvisoryRevision::getRevisionNo).reversed())
                        .map(r -> new RevisionView(r.getRevisionNo(), r.getTrackingVersion(), r.getCurrentRelease(),
                                r.getImportedAt(), r.getImportedBy(), r.getOrigin().name(), r.getSourceName(),
                                r.getContentHash())).toList(),
                a.getVersion());
    }

    /** The original document of one revision, as it was received. */
    public String revisionDocument(String trackingId, int revision) {
        Advisory a = require(trackingId);
        return a.getRevisions().stream().filter(r -> r.getRevisionNo() == revision).findFirst()
                .map(AdvisoryRevision::getDocument)
                .orElseThrow(() -> new NotFoundException("Revision", trackingId + " #" + revision));
    }

    private static List<String> status(Vulnerability v, String... lists) {
        List<String> wanted = List.of(lists);
        return v.getProductStatus().stream().filter(s -> wanted.contains(s.status())).map(ProductStatus::productId)
                .sorted().toList();
    }

    public List<AdvisorySummary> list(AdvisoryFilter filter, PageRequest page) {
        AdvisoryFilter f = filter == null ? AdvisoryFilter.none() : filter;
        String sortKey = page.sortBy() == null ? "currentRelease" : page.sortBy();
        String sort = SORTABLE.get(sortKey);
        if (sort == null) {
            throw new InvalidInputException("sort", "cannot sort by '" + sortKey + "'; allowed: "
                    + String.join(", ", SORTABLE.keySet().stream().sorted().toList()));
        }
        Where w = where(f);
        String dir = page.ascending() ? " ASC" : " DESC";
        String sql = "SELECT a.tracking_id, a.title, a.publisher_name, a.vendors, a.initial_release, a.current_release, "
                + "a.tracking_version, a.revision_count, a.max_cvss, a.cves, "
                + "(SELECT COUNT(*) FROM advisory_vulnerability v JOIN kev_entry k ON k.cve_id = v.cve "
                + "  WHERE v.advisory_id = a.id AND k.in_catalog = TRUE) AS kev, "
                + "(SELECT COUNT(DISTINCT e.device_id) FROM exposure e WHERE e.advisory_id = a.id "
                + "  AND e.state IN ('AFFECTED', 'UNDER_INVESTIGATION')) AS affected, "
                + "(SELECT COUNT(*) FROM exposure e WHERE e.advisory_id = a.id "
                + "  AND e.state IN ('AFFECTED', 'UNDER_INVESTIGATION')) AS open_exposures, "
                + "(SELECT COUNT(*) FROM advisory_warning aw WHERE aw.advisory_id = a.id) AS warnings, a.updated_at "
                + "FROM advisory a" + w.sql + " ORDER BY " + sort + dir + ", a.tracking_id" + dir;
        var q = em.createNativeQuery(sql);
        w.bind(q);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return rows.stream().map(r -> new AdvisorySummary((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                instant(r[4]), instant(r[5]), (String) r[6], ((Number) r[7]).intValue(), decimal(r[8]), (String) r[9],
                ((Number) r[10]).longValue() > 0, ((Number) r[11]).longValue(), ((Number) r[12]).longValue(),
                ((Number) r[13]).intValue(), instant(r[14]))).toList();
    }

    public long count(AdvisoryFilter filter) {
        Where w = where(filter == null ? AdvisoryFilter.none() : filter);
        var q = em.createNativeQuery("SELECT COUNT(*) FROM advisory a" + w.sql);
        w.bind(q);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** The vendors named by stored advisories, for the list's vendor filter. */
    public List<String> vendors() {
        List<String> all = new ArrayList<>();
        em.createQuery("select distinct p.vendor from Advisory a join a.products p where p.vendor is not null",
                String.class).getResultStream().map(String::strip).filter(s -> !s.isEmpty()).distinct().forEach(all::add);
        all.sort(String.CASE_INSENSITIVE_ORDER);
        return all;
    }

    private record Where(String sql, List<Object> params) {
        void bind(jakarta.persistence.Query q) {
            for (int i = 0; i < params.size(); i++) {
                q.setParameter(i + 1, params.get(i));
            }
        }
    }

    private static Where where(AdvisoryFilter f) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        if (f.text() != null && !f.text().isBlank()) {
            String like = "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "")
                    .replace("_", "") + "%";
            and(sql).append("(LOWER(a.tracking_id) LIKE ?").append(params.size() + 1)
                    .append(" OR LOWER(a.title) LIKE ?").append(params.size() + 2)
                    .append(" OR LOWER(a.cves) LIKE ?").append(params.size() + 3).append(")");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (f.vendor() != null && !f.vendor().isBlank()) {
            and(sql).append("EXISTS (SELECT 1 FROM advisory_product p WHERE p.advisory_id = a.id AND LOWER(p.vendor) LIKE ?")
                    .append(params.size() + 1).append(")");
            params.add("%" + f.vendor().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (f.releasedFrom() != null) {
            and(sql).append("a.current_release >= ?").append(params.size() + 1);
            params.add(Timestamp.from(f.releasedFrom()));
        }
        if (f.releasedTo() != null) {
            and(sql).append("a.current_release < ?").append(params.size() + 1);
            params.add(Timestamp.from(f.releasedTo()));
        }
        if (Boolean.TRUE.equals(f.kevOnly())) {
            and(sql).append("EXISTS (SELECT 1 FROM advisory_vulnerability v JOIN kev_entry k ON k.cve_id = v.cve "
                    + "WHERE v.advisory_id = a.id AND k.in_catalog = TRUE)");
        }
        if (f.minCvss() != null) {
            and(sql).append("a.max_cvss >= ?").append(params.size() + 1);
            params.add(f.minCvss());
        }
        if (f.maxCvss() != null) {
            and(sql).append("a.max_cvss <= ?").append(params.size() + 1);
            params.add(f.maxCvss());
        }
        if (Boolean.TRUE.equals(f.affectsMyDevices())) {
            and(sql).append("EXISTS (SELECT 1 FROM exposure e WHERE e.advisory_id = a.id "
                    + "AND e.state IN ('AFFECTED', 'UNDER_INVESTIGATION'))");
        }
        return new Where(sql.toString(), params);
    }

    private static StringBuilder and(StringBuilder sql) {
        return sql.append(sql.isEmpty() ? " WHERE " : " AND ");
    }

    static Instant instant(Object o) {
        return org.patchcare.shared.persistence.Rows.instant(o);
    }

    static BigDecimal decimal(Object o) {
        return org.patchcare.shared.persistence.Rows.decimal(o);
    }

}
