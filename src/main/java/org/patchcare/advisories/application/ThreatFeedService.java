package org.patchcare.advisories.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.patchcare.advisories.application.ThreatFeedViews.CveIntel;
import org.patchcare.advisories.application.ThreatFeedViews.EpssScore;
import org.patchcare.advisories.application.ThreatFeedViews.Feed;
import org.patchcare.advisories.application.ThreatFeedViews.FeedImportResult;
import org.patchcare.advisories.application.ThreatFeedViews.FeedStatus;
import org.patchcare.advisories.application.ThreatFeedViews.KevMark;
import org.patchcare.advisories.domain.CveId;
import org.patchcare.audit.application.AuditService;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.DatabaseFamily;
import org.patchcare.shared.security.CurrentUser;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.logging.Logger;

/**
 * Loads the threat feeds and answers what they say about a CVE. Everyone logged in reads; IT security and
 * administrators load. A load is one transaction: a file with any problem changes nothing, and a file older than the
 * one loaded is refused. Bulk writes go through JDBC batches on the application's data source, enlisted in the same
 * JTA transaction as the audit entry (ADR 0007).
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ThreatFeedService {

    static final int BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(ThreatFeedService.class.getName());
    private static final String AUDIT_TYPE = "ThreatFeed";

    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    DataSource dataSource;
    @Resource
    SessionContext context;
    @Inject
    org.patchcare.shared.metrics.AppMetrics metrics;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<ThreatFeedLoaded> loaded;

    // ---- reading ---------------------------------------------------------------------------

    public Optional<KevMark> kev(String cveId) {
        return intel(cveId).map(CveIntel::kev).filter(Objects::nonNull);
    }

    public Optional<EpssScore> epss(String cveId) {
        return intel(cveId).map(CveIntel::epss).filter(Objects::nonNull);
    }

    /** What KEV and EPSS say about a CVE; empty when {@code cveId} is not a CVE id. */
    public Optional<CveIntel> intel(String cveId) {
        String cve = CveId.normalize(cveId);
        if (cve == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            KevMark kev = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT cve_id, vendor_project, product, vulnerability_name, "
                    + "date_added, due_date, ransomware_known, required_action, short_description, in_catalog, last_catalog "
                    + "FROM kev_entry WHERE cve_id = ?")) {
                ps.setString(1, cve);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        kev = new KevMark(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                localDate(rs.getDate(5)), localDate(rs.getDate(6)), rs.getBoolean(7), rs.getString(8),
                                rs.getString(9), rs.getBoolean(10), rs.getString(11));
                    }
                }
            }
            EpssScore epss = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT cve_id, epss, percentile, model_version, score_date FROM epss_score WHERE cve_id = ?")) {
                ps.setString(1, cve);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        epss = new EpssScore(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getString(4),
                                localDate(rs.getDate(5)));
                    }
                }
            }
            return Optional.of(new CveIntel(cve, kev, epss));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the threat feeds: " + e.getMessage(), e);
        }
    }

    /** The newest load of each feed (a feed never loaded is left out). */
    public List<FeedStatus> status() {
        List<FeedStatus> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT feed, version, released_at, entries, imported_at, "
                     + "imported_by, summary FROM feed_state ORDER BY feed");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new FeedStatus(Feed.valueOf(rs.getString(1)), rs.getString(2), instant(rs.getTimestamp(3)),
                        rs.getLong(4), instant(rs.getTimestamp(5)), rs.getString(6), rs.getString(7)));
            }
            return list;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the threat feeds: " + e.getMessage(), e);
        }
    }

    // ---- KEV -------------------------------------------------------------------------------

    /**
     * Loads a KEV catalogue (CISA's JSON). New CVEs are added, changed entries updated, and CVEs the catalogue no
     * longer lists are kept but marked as withdrawn. Loading the same catalogue again changes nothing.
     *
     * @throws InvalidInputException listing every problem (JSON path and message) when the file is not a usable
     *                               catalogue; nothing is written
     * @throws ConflictException     when the catalogue is older than the one already loaded
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public FeedImportResult importKev(InputStream json) {
        return measured(Feed.KEV, () -> loadKev(json));
    }

    /** Counts and times a feed import for the Prometheus metrics (docs/operations.md), whatever its outcome. */
    private FeedImportResult measured(Feed feed, java.util.function.Supplier<FeedImportResult> load) {
        long started = System.nanoTime();
        String result = "failed";
        try {
            FeedImportResult r = load.get();
            result = "loaded";
            return r;
        } catch (InvalidInputException e) {
            result = "rejected";
            throw e;
        } catch (ConflictException e) {
            result = "older";
            throw e;
        } finally {
            String name = feed.name().toLowerCase(java.util.Locale.ROOT);
            metrics.count("patchcare_threat_feed_imports_total", "KEV and EPSS imports by feed and result", 1,
                    "feed", name, "result", result);
            metrics.time("patchcare_threat_feed_import_duration_seconds", "Time to load a KEV or EPSS file",
                    System.nanoTime() - started, "feed", name);
        }
    }

    private FeedImportResult loadKev(InputStream json) {
        KevCatalog catalog;
        try {
            catalog = new KevCatalogReader().read(json);
        } catch (KevCatalogReader.InvalidCatalogException e) {
            throw invalid(e.problems());
        }
        try (Connection c = dataSource.getConnection()) {
            refuseOlder(c, Feed.KEV, catalog.released(), "catalogue " + catalog.version());
            Map<String, Stored> stored = storedKev(c);
            Timestamp now = Timestamp.from(clock.instant());
            long added = 0;
            long changed = 0;
            long unchanged = 0;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO kev_entry (cve_id, vendor_project, product, "
                    + "vulnerability_name, date_added, due_date, ransomware_known, short_description, required_action, "
                    + "notes, cwes, in_catalog, first_catalog, last_catalog, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE kev_entry SET vendor_project = ?, product = ?, "
                         + "vulnerability_name = ?, date_added = ?, due_date = ?, ransomware_known = ?, "
                         + "short_description = ?, required_action = ?, notes = ?, cwes = ?, in_catalog = TRUE, "
                         + "updated_at = ? WHERE cve_id = ?")) {
                for (KevCatalog.Entry e : catalog.entries()) {
                    Stored old = stored.remove(e.cveId());
                    if (old == null) {
                        int i = bindKev(insert, 1, e);
                        insert.setString(i++, catalog.version());
                        insert.setString(i++, catalog.version());
                        insert.setTimestamp(i, now);
                        insert.addBatch();
                        added++;
                    } else if (!old.entry().equals(e) || !old.inCatalog()) {
                        int i = bindKev(update, 1, e.withoutKey());
                        update.setTimestamp(i++, now);
                        update.setString(i, e.cveId());
                        update.addBatch();
                        changed++;
                    } else {
                        unchanged++;
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            long removed = 0;
            try (PreparedStatement withdraw = c.prepareStatement(
                    "UPDATE kev_entry SET in_catalog = FALSE, updated_at = ? WHERE cve_id = ?")) {
                for (Map.Entry<String, Stored> gone : stored.entrySet()) {
                    if (gone.getValue().inCatalog()) {
                        withdraw.setTimestamp(1, now);
                        withdraw.setString(2, gone.getKey());
                        withdraw.addBatch();
                        removed++;
                    }
                }
                withdraw.executeBatch();
            }
            try (PreparedStatement last = c.prepareStatement("UPDATE kev_entry SET last_catalog = ? WHERE in_catalog = TRUE")) {
                last.setString(1, catalog.version());
                last.executeUpdate();
            }
            String summary = String.format(Locale.ROOT, "KEV catalogue %s: %d entries; %d added, %d changed, %d withdrawn, "
                    + "%d unchanged.", catalog.version(), catalog.entries().size(), added, changed, removed, unchanged);
            FeedImportResult result = new FeedImportResult(Feed.KEV, catalog.version(), catalog.released(),
                    catalog.entries().size(), added, changed, removed, unchanged, summary);
            recordLoad(c, result);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("The KEV catalogue could not be stored: " + e.getMessage(), e);
        }
    }

    private record Stored(KevCatalog.Entry entry, boolean inCatalog) {
    }

    private static Map<String, Stored> storedKev(Connection c) throws SQLException {
        Map<String, Stored> map = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cve_id, vendor_project, product, vulnerability_name, "
                + "date_added, short_description, required_action, due_date, ransomware_known, notes, cwes, in_catalog "
                + "FROM kev_entry");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                KevCatalog.Entry e = new KevCatalog.Entry(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), localDate(rs.getDate(5)), rs.getString(6), rs.getString(7),
                        localDate(rs.getDate(8)), rs.getBoolean(9), rs.getString(10), rs.getString(11));
                map.put(e.cveId(), new Stored(e, rs.getBoolean(12)));
            }
        }
        return map;
    }

    /** Binds the entry's fields from vendor_project to cwes (and the CVE id first unless it is null); returns the next index. */
    private static int bindKev(PreparedStatement ps, int start, KevCatalog.Entry e) throws SQLException {
        int i = start;
        if (e.cveId() != null) {
            ps.setString(i++, e.cveId());
        }
        ps.setString(i++, e.vendorProject());
        ps.setString(i++, e.product());
        ps.setString(i++, e.vulnerabilityName());
        ps.setDate(i++, Date.valueOf(e.dateAdded()));
        ps.setDate(i++, e.dueDate() == null ? null : Date.valueOf(e.dueDate()));
        ps.setBoolean(i++, e.ransomwareKnown());
        ps.setString(i++, e.shortDescription());
        ps.setString(i++, e.requiredAction());
        ps.setString(i++, e.notes());
        ps.setString(i++, e.cwes());
        return i;
    }

    // ---- EPSS ------------------------------------------------------------------------------

    /**
     * Loads a FIRST EPSS daily file (plain or gzipped), streaming: the scores of the CVEs it lists are replaced,
     * others are kept. Loading the same file again changes nothing.
     *
     * @param progress told the number of rows read, every {@value #BATCH} rows; may be null
     * @throws InvalidInputException listing the bad lines (at most 100) when any row is bad; nothing is written
     * @throws ConflictException     when the file's score date is older than the scores already loaded
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public FeedImportResult importEpss(InputStream csv, LongConsumer progress) {
        return measured(Feed.EPSS, () -> loadEpss(csv, progress));
    }

    private FeedImportResult loadEpss(InputStream csv, LongConsumer progress) {
        LongConsumer tell = progress == null ? n -> { } : progress;
        try (EpssFileReader reader = new EpssFileReader(csv); Connection c = dataSource.getConnection()) {
            Instant released = reader.scoreDate().atStartOfDay(ZoneOffset.UTC).toInstant();
            refuseOlder(c, Feed.EPSS, released, "EPSS file of " + reader.scoreDate());
            String sql = DatabaseFamily.of(c) == DatabaseFamily.MYSQL
                    ? "INSERT INTO epss_score (cve_id, epss, percentile, model_version, score_date) VALUES (?, ?, ?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE epss = VALUES(epss), percentile = VALUES(percentile), "
                    + "model_version = VALUES(model_version), score_date = VALUES(score_date)"
                    : "MERGE INTO epss_score (cve_id, epss, percentile, model_version, score_date) KEY (cve_id) "
                    + "VALUES (?, ?, ?, ?, ?)";
            Date scoreDate = Date.valueOf(reader.scoreDate());
            long written = 0;
            try (PreparedStatement upsert = c.prepareStatement(sql)) {
                int pending = 0;
                for (EpssFileReader.Row row = reader.next(); row != null; row = reader.next()) {
                    if (reader.badRows() > 0) {
                        continue; // the load will be refused: keep reading only to list every bad line
                    }
                    upsert.setString(1, row.cveId());
                    upsert.setBigDecimal(2, row.epss());
                    upsert.setBigDecimal(3, row.percentile());
                    upsert.setString(4, reader.modelVersion());
                    upsert.setDate(5, scoreDate);
                    upsert.addBatch();
                    written++;
                    if (++pending == BATCH) {
                        upsert.executeBatch();
                        pending = 0;
                        tell.accept(reader.rows());
                    }
                }
                if (reader.badRows() > 0) {
                    List<FeedProblem> problems = new ArrayList<>(reader.problems());
                    if (reader.badRows() > problems.size()) {
                        problems.add(new FeedProblem("file", (reader.badRows() - problems.size()) + " more bad rows"));
                    }
                    throw invalid(problems);
                }
                upsert.executeBatch();
                tell.accept(reader.rows());
            }
            if (written == 0) {
                throw invalid(List.of(new FeedProblem("file", "has no scores after the header")));
            }
            String summary = String.format(Locale.ROOT, "EPSS %s of %s: %,d scores loaded.", reader.modelVersion(),
                    reader.scoreDate(), written);
            FeedImportResult result = new FeedImportResult(Feed.EPSS, reader.modelVersion() + " " + reader.scoreDate(),
                    released, written, written, 0, 0, 0, summary);
            recordLoad(c, result);
            return result;
        } catch (EpssFileReader.InvalidEpssFileException e) {
            throw invalid(List.of(e.problem()));
        } catch (IOException e) {
            throw invalid(List.of(new FeedProblem("file", "could not be read: " + e.getMessage()
                    + " (a gzipped file must be complete)")));
        } catch (UncheckedIOException e) {
            throw invalid(List.of(new FeedProblem("file", e.getMessage())));
        } catch (SQLException e) {
            throw new IllegalStateException("The EPSS scores could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * {@link #importEpss} of an uploaded file on a background thread, for the screen: the load runs in its own
     * transaction, and the listener hears the outcome after it committed or rolled back.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public Future<FeedImportResult> importInBackground(Feed feed, Path file, FeedImportListener listener) {
        FeedImportListener l = listener == null ? FeedImportListener.NONE : listener;
        ThreatFeedService self = context.getBusinessObject(ThreatFeedService.class);
        try (InputStream in = Files.newInputStream(file)) {
            FeedImportResult result = feed == Feed.KEV ? self.importKev(in) : self.importEpss(in, l::progress);
            l.finished(result);
            return new AsyncResult<>(result);
        } catch (IOException e) {
            UncheckedIOException problem = new UncheckedIOException("Could not read the uploaded file", e);
            l.failed(problem);
            throw problem;
        } catch (RuntimeException e) {
            l.failed(e);
            throw e;
        }
    }

    // ---- shared ----------------------------------------------------------------------------

    private static void refuseOlder(Connection c, Feed feed, Instant released, String what) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, released_at FROM feed_state WHERE feed = ?")) {
            ps.setString(1, feed.name());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && instant(rs.getTimestamp(2)).isAfter(released)) {
                    throw new ConflictException("The " + what + " is older than the one already loaded ("
                            + rs.getString(1) + "); nothing was changed. Load the newest file instead.");
                }
            }
        }
    }

    private void recordLoad(Connection c, FeedImportResult r) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM feed_state WHERE feed = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO feed_state (feed, version, released_at, entries, "
                     + "imported_at, imported_by, summary) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            delete.setString(1, r.feed().name());
            delete.executeUpdate();
            insert.setString(1, r.feed().name());
            insert.setString(2, r.version());
            insert.setTimestamp(3, Timestamp.from(r.released()));
            insert.setLong(4, r.entries());
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            insert.setString(6, currentUser.username());
            insert.setString(7, KevCatalogReader.clip(r.summary(), 500));
            insert.executeUpdate();
        }
        audit.event(AUDIT_TYPE, r.feed().name(), "loaded " + r.version(), r.summary());
        loaded.fire(new ThreatFeedLoaded(r.feed().name(), r.summary()));
        LOG.info(r::summary);
    }

    private static InvalidInputException invalid(List<FeedProblem> problems) {
        return new InvalidInputException(problems.stream()
                .map(p -> new InvalidInputException.Violation(p.where(), p.message())).toList());
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
