package org.patchcare.reporting.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import org.patchcare.reporting.domain.ChainRules;
import org.patchcare.reporting.domain.ChainRules.Chain;
import org.patchcare.reporting.domain.ChainRules.Event;
import org.patchcare.reporting.domain.ChainRules.Facts;
import org.patchcare.reporting.domain.ChainRules.PatchWork;
import org.patchcare.reporting.domain.ChainRules.Request;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes {@code exposure_timeline} rows: the facts of a chunk of exposures read set-based (eight short queries by id
 * lists), each chain worked out by {@link ChainRules}, the rows replaced with one JDBC batch, in the caller's
 * transaction. Not a service facade: {@link MetricsJob} and {@link MetricsService} call it after checking roles.
 */
@ApplicationScoped
public class TimelineBuilder {

    static final int CHUNK = 1000;
    static final String CURSOR = "exposure_timeline";
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));

    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    DataSource dataSource;

    /** Where the last finished run started (null: never ran, a full rebuild is due). */
    public Instant lastStart() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT last_started_at FROM metrics_cursor WHERE name = ?")) {
            ps.setString(1, CURSOR);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getTimestamp(1, UTC).toInstant() : null;
            }
        } catch (SQLException e) {
            throw failed("read the refresh cursor", e);
        }
    }

    /**
     * Records a finished run; a run that changed rows (not only wrote them again as they were) also moves the time of
     * the last change, which makes the stored whole-hospital charts stale.
     */
    public void finished(Instant started, Instant finished, long exposures, long changedRows) {
        try (Connection c = dataSource.getConnection()) {
            Instant changed = finished;
            if (changedRows == 0) {
                try (PreparedStatement ps = c.prepareStatement("SELECT last_changed_at FROM metrics_cursor WHERE name = ?")) {
                    ps.setString(1, CURSOR);
                    try (ResultSet rs = ps.executeQuery()) {
                        changed = rs.next() ? rs.getTimestamp(1, UTC).toInstant() : finished;
                    }
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM metrics_cursor WHERE name = ?")) {
                del.setString(1, CURSOR);
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO metrics_cursor (name, last_started_at, "
                    + "last_finished_at, last_changed_at, exposures_refreshed) VALUES (?, ?, ?, ?, ?)")) {
                ins.setString(1, CURSOR);
                ins.setTimestamp(2, Timestamp.from(started), UTC);
                ins.setTimestamp(3, Timestamp.from(finished), UTC);
                ins.setTimestamp(4, Timestamp.from(changed), UTC);
                ins.setLong(5, exposures);
                ins.executeUpdate();
            }
        } catch (SQLException e) {
            throw failed("store the refresh cursor", e);
        }
    }

    /** Every exposure, in id order (a full rebuild). */
    public List<Long> allExposures() {
        return ids("SELECT id FROM exposure ORDER BY id", null);
    }

    /**
     * The exposures whose chain may have changed since {@code since}: the exposure itself, its events, its decision or
     * overrides, a linked change request (its state, transitions, windows), a patch record on its device, its device
     * or model, or its advisory.
     */
    public List<Long> changedSince(Instant since) {
        String sql = "SELECT id FROM exposure WHERE updated_at >= ?"
                + " UNION SELECT exposure_id FROM exposure_event WHERE occurred_at >= ?"
                + " UNION SELECT exposure_id FROM exposure_decision WHERE evaluated_at >= ?"
                + " UNION SELECT exposure_id FROM decision_override WHERE updated_at >= ?"
                + " UNION SELECT cre.exposure_id FROM change_request cr JOIN change_request_exposure cre"
                + " ON cre.change_request_id = cr.id WHERE cr.updated_at >= ?"
                + " UNION SELECT cre.exposure_id FROM change_request_transition t JOIN change_request_exposure cre"
                + " ON cre.change_request_id = t.change_request_id WHERE t.occurred_at >= ?"
                + " UNION SELECT cre.exposure_id FROM downtime_window w JOIN change_request_exposure cre"
                + " ON cre.change_request_id = w.change_request_id WHERE w.updated_at >= ?"
                + " UNION SELECT e.id FROM patch_record p JOIN exposure e ON e.device_id = p.device_id WHERE p.updated_at >= ?"
                + " UNION SELECT e.id FROM device d JOIN exposure e ON e.device_id = d.id WHERE d.updated_at >= ?"
                + " UNION SELECT e.id FROM device_model m JOIN device d ON d.model_id = m.id JOIN exposure e"
                + " ON e.device_id = d.id WHERE m.updated_at >= ?"
                + " UNION SELECT e.id FROM advisory a JOIN exposure e ON e.advisory_id = a.id WHERE a.updated_at >= ?";
        return ids(sql, since);
    }

    private List<Long> ids(String sql, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (since != null) {
                for (int i = 1, n = (int) sql.chars().filter(ch -> ch == '?').count(); i <= n; i++) {
                    ps.setTimestamp(i, Timestamp.from(since), UTC);
                }
            }
            Set<Long> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return new ArrayList<>(out);
        } catch (SQLException e) {
            throw failed("find the exposures to refresh", e);
        }
    }

    static List<List<Long>> chunks(List<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + CHUNK)));
        }
        return out;
    }

    /** What one {@link #rebuild} did: rows written, and how many exposures' rows came out different. */
    public record Rebuilt(int written, int changed) {
    }

    /**
     * Replaces the timeline rows of these exposures (at most {@value #CHUNK}); answers how many were written and how
     * many of the exposures' rows differ from before (apart from {@code refreshed_at}): an incremental run looks a
     * margin back and so writes most rows again unchanged, which must not count as a change.
     */
    public Rebuilt rebuild(Collection<Long> exposureIds, Instant now) {
        if (exposureIds.isEmpty()) {
            return new Rebuilt(0, 0);
        }
        try (Connection c = dataSource.getConnection()) {
            Map<Long, Row> rows = load(c, exposureIds);
            Map<Long, String> before = contents(c, exposureIds);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM exposure_timeline WHERE exposure_id IN ("
                    + in(exposureIds) + ")")) {
                del.executeUpdate();
            }
            write(c, rows.values(), now);
            Map<Long, String> after = contents(c, exposureIds);
            Set<Long> touched = new HashSet<>(before.keySet());
            touched.addAll(after.keySet());
            int changed = (int) touched.stream().filter(id -> !Objects.equals(before.get(id), after.get(id))).count();
            return new Rebuilt(rows.size(), changed);
        } catch (SQLException e) {
            throw failed("refresh the exposure timeline", e);
        }
    }

    /** Each exposure's timeline row as one text of its stored values, without {@code refreshed_at}. */
    private static Map<Long, String> contents(Connection c, Collection<Long> ids) throws SQLException {
        Map<Long, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CONTENT_COLUMNS + " FROM exposure_timeline "
                + "WHERE exposure_id IN (" + in(ids) + ")"); ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 2; i <= n; i++) {
                    b.append(rs.getString(i)).append('\u001f');
                }
                out.put(rs.getLong(1), b.toString());
            }
        }
        return out;
    }

    /** One exposure's facts while they are read. */
    private static final class Row {
        long exposureId, deviceId, departmentId, facilityId, manufacturerId, modelId, advisoryId;
        String deviceType, state, cve, outcome;
        Integer score;
        Instant matched, updated, published, due, vendorFix, firstOverride;
        final List<Event> events = new ArrayList<>();
        final List<Request> requests = new ArrayList<>();
        final List<PatchWork> patches = new ArrayList<>();
    }

    private Map<Long, Row> load(Connection c, Collection<Long> ids) throws SQLException {
        String in = in(ids);
        Map<Long, Row> rows = new LinkedHashMap<>();
        Map<Long, List<Row>> byDevice = new HashMap<>();
        Set<Long> advisories = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT e.id, e.device_id, d.department_id, dep.facility_id, "
                + "m.manufacturer_id, d.model_id, m.device_type, e.advisory_id, e.state, e.created_at, e.updated_at, "
                + "a.initial_release, x.outcome, x.score, x.due_at, e.cve FROM exposure e "
                + "JOIN device d ON d.id = e.device_id JOIN department dep ON dep.id = d.department_id "
                + "JOIN device_model m ON m.id = d.model_id JOIN advisory a ON a.id = e.advisory_id "
                + "LEFT JOIN exposure_decision x ON x.exposure_id = e.id WHERE e.id IN (" + in + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Row r = new Row();
                r.exposureId = rs.getLong(1);
                r.deviceId = rs.getLong(2);
                r.departmentId = rs.getLong(3);
                r.facilityId = rs.getLong(4);
                r.manufacturerId = rs.getLong(5);
                r.modelId = rs.getLong(6);
                r.deviceType = rs.getString(7);
                r.advisoryId = rs.getLong(8);
                r.state = rs.getString(9);
                r.matched = instant(rs, 10);
                r.updated = instant(rs, 11);
                r.published = instant(rs, 12);
                r.outcome = rs.getString(13);
                int score = rs.getInt(14);
                r.score = rs.wasNull() ? null : score;
                r.due = instant(rs, 15);
                r.cve = rs.getString(16);
                rows.put(r.exposureId, r);
                byDevice.computeIfAbsent(r.deviceId, k -> new ArrayList<>()).add(r);
                advisories.add(r.advisoryId);
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Instant> vendorFix = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.advisory_id, v.cve, MIN(r.remediation_date) "
                + "FROM advisory_vulnerability v JOIN vulnerability_remediation r ON r.vulnerability_id = v.id "
                + "WHERE r.category = 'vendor_fix' AND r.remediation_date IS NOT NULL AND v.advisory_id IN ("
                + in(advisories) + ") GROUP BY v.advisory_id, v.cve"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                vendorFix.put(rs.getLong(1) + "/" + rs.getString(2), instant(rs, 3));
            }
        }
        rows.values().forEach(r -> r.vendorFix = vendorFix.get(r.advisoryId + "/" + r.cve));
        try (PreparedStatement ps = c.prepareStatement("SELECT exposure_id, occurred_at, actor, from_state, to_state "
                + "FROM exposure_event WHERE exposure_id IN (" + in + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.get(rs.getLong(1)).events.add(new Event(instant(rs, 2), rs.getString(3), rs.getString(4),
                        rs.getString(5)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT exposure_id, MIN(created_at) FROM decision_override "
                + "WHERE exposure_id IN (" + in + ") GROUP BY exposure_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.get(rs.getLong(1)).firstOverride = instant(rs, 2);
            }
        }
        loadRequests(c, in, rows);
        try (PreparedStatement ps = c.prepareStatement("SELECT device_id, change_request_id, performed_at, verified_at "
                + "FROM patch_record WHERE device_id IN (" + in(byDevice.keySet()) + ") AND result IN ('SUCCESS', "
                + "'PARTIAL') AND performed_at IS NOT NULL"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long request = rs.getLong(2);
                PatchWork p = new PatchWork(rs.wasNull() ? null : request, instant(rs, 3), instant(rs, 4));
                byDevice.get(rs.getLong(1)).forEach(r -> r.patches.add(p));
            }
        }
        return rows;
    }

    /** The linked change requests with their first submission and approval and their first window per device. */
    private void loadRequests(Connection c, String in, Map<Long, Row> rows) throws SQLException {
        Map<Long, List<Object[]>> links = new LinkedHashMap<>(); // request id → [exposure id, status, created, submitted, approved]
        try (PreparedStatement ps = c.prepareStatement("SELECT cre.exposure_id, cr.id, cr.status, cr.created_at, "
                + "cr.submitted_at, cr.approved_at FROM change_request_exposure cre JOIN change_request cr "
                + "ON cr.id = cre.change_request_id WHERE cre.exposure_id IN (" + in + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                links.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Object[]{rs.getLong(1),
                        rs.getString(3), instant(rs, 4), instant(rs, 5), instant(rs, 6)});
            }
        }
        if (links.isEmpty()) {
            return;
        }
        String requests = in(links.keySet());
        Map<String, Instant> firstMove = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT change_request_id, to_status, MIN(occurred_at) "
                + "FROM change_request_transition WHERE change_request_id IN (" + requests + ") AND to_status IN "
                + "('SUBMITTED', 'APPROVED') GROUP BY change_request_id, to_status"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                firstMove.put(rs.getLong(1) + "/" + rs.getString(2), instant(rs, 3));
            }
        }
        Map<String, Instant> windows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT change_request_id, device_id, MIN(starts_at) "
                + "FROM downtime_window WHERE change_request_id IN (" + requests + ") AND status <> 'CANCELLED' "
                + "GROUP BY change_request_id, device_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                windows.put(rs.getLong(1) + "/" + rs.getLong(2), instant(rs, 3));
            }
        }
        links.forEach((requestId, list) -> {
            for (Object[] l : list) {
                Row r = rows.get((Long) l[0]);
                Instant submitted = firstMove.getOrDefault(requestId + "/SUBMITTED", (Instant) l[3]);
                Instant approved = firstMove.getOrDefault(requestId + "/APPROVED", (Instant) l[4]);
                r.requests.add(new Request(requestId, (String) l[1], (Instant) l[2], submitted, approved,
                        windows.get(requestId + "/" + r.deviceId)));
            }
        });
    }

    /** The columns of a timeline row that carry its content: all but {@code refreshed_at}, the exposure first. */
    private static final String CONTENT_COLUMNS = "exposure_id, device_id, department_id, "
            + "facility_id, manufacturer_id, model_id, device_type, advisory_id, outcome, score, open_exposure, "
            + "published_at, vendor_fix_at, matched_at, triaged_at, submitted_at, approved_at, window_start_at, "
            + "patched_at, verified_at, closed_at, due_at, patched_quarter, matched_quarter, due_quarter, ttp_days, "
            + "within_sla, vendor_days, triage_days, approval_days, scheduling_days, patch_days, verification_days, "
            + "overdue_at, awaiting_approval";
    private static final String INSERT = "INSERT INTO exposure_timeline (" + CONTENT_COLUMNS + ", refreshed_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private void write(Connection c, Collection<Row> rows, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Row r : rows) {
                Chain ch = ChainRules.chain(new Facts(r.state, r.published, r.vendorFix, r.matched, r.updated, r.events,
                        r.firstOverride, r.requests, r.patches, r.due));
                int i = 1;
                ps.setLong(i++, r.exposureId);
                ps.setLong(i++, r.deviceId);
                ps.setLong(i++, r.departmentId);
                ps.setLong(i++, r.facilityId);
                ps.setLong(i++, r.manufacturerId);
                ps.setLong(i++, r.modelId);
                ps.setString(i++, r.deviceType);
                ps.setLong(i++, r.advisoryId);
                ps.setString(i++, r.outcome);
                if (r.score == null) {
                    ps.setNull(i++, Types.INTEGER);
                } else {
                    ps.setInt(i++, r.score);
                }
                ps.setBoolean(i++, ch.open());
                for (Instant t : new Instant[]{ch.published(), ch.vendorFix(), ch.matched(), ch.triaged(), ch.submitted(),
                        ch.approved(), ch.windowStart(), ch.patched(), ch.verified(), ch.closed(), ch.due()}) {
                    ps.setTimestamp(i++, t == null ? null : Timestamp.from(t), UTC);
                }
                ps.setString(i++, ChainRules.quarter(ch.patched()));
                ps.setString(i++, ChainRules.quarter(ch.matched()));
                ps.setString(i++, ChainRules.quarter(ch.due()));
                setDouble(ps, i++, ch.timeToPatchDays());
                if (ch.withinSla() == null) {
                    ps.setNull(i++, Types.BOOLEAN);
                } else {
                    ps.setBoolean(i++, ch.withinSla());
                }
                for (Double d : new Double[]{ch.vendorDays(), ch.triageDays(), ch.approvalDays(), ch.schedulingDays(),
                        ch.patchDays(), ch.verificationDays()}) {
                    setDouble(ps, i++, d);
                }
                Instant overdueAt = ch.due() == null ? null : ch.due().isAfter(ch.matched()) ? ch.due() : ch.matched();
                ps.setTimestamp(i++, overdueAt == null ? null : Timestamp.from(overdueAt), UTC);
                ps.setBoolean(i++, ch.awaitingApproval());
                ps.setTimestamp(i, Timestamp.from(now), UTC);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, d);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, UTC);
        return t == null ? null : t.toInstant();
    }

    static String in(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("Could not " + what + ": " + e.getMessage(), e);
    }
}
