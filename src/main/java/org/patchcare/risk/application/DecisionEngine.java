package org.patchcare.risk.application;

import static org.patchcare.shared.domain.Texts.cut;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.risk.domain.Decision;
import org.patchcare.risk.domain.DecisionFacts;
import org.patchcare.risk.domain.DecisionPoint;
import org.patchcare.risk.domain.ControlStatus;
import org.patchcare.risk.domain.ControlType;
import org.patchcare.risk.domain.Exploitation;
import org.patchcare.risk.domain.HumanImpact;
import org.patchcare.risk.domain.MissionImpact;
import org.patchcare.risk.domain.Outcome;
import org.patchcare.risk.domain.SsvcEvaluator;
import org.patchcare.risk.domain.SystemExposure;
import org.patchcare.risk.domain.Automatable;
import org.patchcare.risk.domain.ValidationMethod;
import org.patchcare.risk.domain.ValidationOutcome;

import javax.sql.DataSource;
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
import java.util.Calendar;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Evaluates exposures in the caller's transaction: reads every fact of a chunk of exposures in a few set-based queries,
 * decides each one with {@link SsvcEvaluator}, writes only the decisions that changed (JDBC batches), records each
 * change with its cause, and refreshes the per-device roll-up of the devices touched. Also marks exposures as pending
 * (to be evaluated by {@link RiskJob}) for the triggers: a KEV/EPSS load, a control, a device or department change, an
 * advisory revision. Not a service facade: the services and the job call it after checking roles.
 */
@ApplicationScoped
public class DecisionEngine {

    static final int CHUNK = 2000;
    private static final Logger LOG = Logger.getLogger(DecisionEngine.class.getName());
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
    static final String OPEN_STATES = "('UNDER_INVESTIGATION','AFFECTED')";

    @PersistenceContext
    EntityManager em;
    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    DataSource dataSource;
    @Inject
    RiskSettings settings;
    @Inject
    Clock clock;

    // ---- marking -------------------------------------------------------------------------------

    /** Every decided exposure must be evaluated again (a KEV or EPSS load, a changed policy). */
    public int markAll(String cause) {
        return mark("UPDATE exposure_decision SET pending_cause = ?1 WHERE pending_cause IS NULL", cause);
    }

    public int markExposures(Collection<Long> exposureIds, String cause) {
        int n = 0;
        for (List<Long> part : chunks(exposureIds)) {
            n += mark("UPDATE exposure_decision SET pending_cause = ?1 WHERE exposure_id IN (" + ids(part) + ")", cause);
        }
        return n;
    }

    public int markDevice(long deviceId, String cause) {
        return mark("UPDATE exposure_decision SET pending_cause = ?1 WHERE device_id = " + deviceId, cause);
    }

    public int markDepartment(long departmentId, String cause) {
        return mark("UPDATE exposure_decision SET pending_cause = ?1 WHERE device_id IN "
                + "(SELECT id FROM device WHERE department_id = " + departmentId + ")", cause);
    }

    public int markAdvisory(long advisoryId, String cause) {
        return mark("UPDATE exposure_decision SET pending_cause = ?1 WHERE exposure_id IN "
                + "(SELECT id FROM exposure WHERE advisory_id = " + advisoryId + ")", cause);
    }

    public int markControl(long controlId, String cause) {
        return mark("UPDATE exposure_decision SET pending_cause = ?1 WHERE exposure_id IN "
                + "(SELECT exposure_id FROM control_attachment WHERE control_id = " + controlId + ")", cause);
    }

    private int mark(String sql, String cause) {
        return em.createNativeQuery(sql).setParameter(1, cut(cause, 200)).executeUpdate();
    }

    /**
     * Exposures waiting for evaluation: new ones without a decision first (only when {@code includeNew}: the
     * anti-join reads every exposure, so the job asks it only until it comes back short), then marked ones.
     */
    public Pending nextPending(int limit, boolean includeNew) {
        Map<Long, String> out = new LinkedHashMap<>();
        int fresh = 0;
        if (includeNew) {
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("SELECT e.id FROM exposure e WHERE NOT EXISTS "
                    + "(SELECT 1 FROM exposure_decision x WHERE x.exposure_id = e.id)").setMaxResults(limit).getResultList();
            ids.forEach(id -> out.put(((Number) id).longValue(), "new exposure"));
            fresh = ids.size();
        }
        if (out.size() < limit) {
            @SuppressWarnings("unchecked")
            List<Object[]> marked = em.createNativeQuery("SELECT exposure_id, pending_cause FROM exposure_decision "
                    + "WHERE pending_cause IS NOT NULL").setMaxResults(limit - out.size()).getResultList();
            marked.forEach(r -> out.put(((Number) r[0]).longValue(), (String) r[1]));
        }
        return new Pending(out, includeNew && fresh == limit);
    }

    /** A batch of exposures to evaluate with their causes, and whether more new ones may be waiting. */
    public record Pending(Map<Long, String> causes, boolean moreNew) {
    }

    /** Marked decisions plus exposures without one (every decision belongs to an exposure, so a difference of counts). */
    public long pendingCount() {
        Number marked = (Number) em.createNativeQuery("SELECT COUNT(*) FROM exposure_decision WHERE pending_cause IS NOT NULL")
                .getSingleResult();
        Number fresh = (Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM exposure) - "
                + "(SELECT COUNT(*) FROM exposure_decision)").getSingleResult();
        return marked.longValue() + fresh.longValue();
    }

    // ---- evaluating ----------------------------------------------------------------------------

    /** What one evaluation did. */
    public record Result(int evaluated, int changed, Set<Long> devices, Set<Long> departments, long loadMillis,
                         long writeMillis, long rollupMillis) {
    }

    /**
     * Evaluates the given exposures (with the cause of each, for the history) and clears their pending marks.
     * Exposures that no longer exist are skipped.
     */
    public Result evaluate(Map<Long, String> causes) {
        return evaluate(causes, true);
    }

    /**
     * As {@link #evaluate(Map)}; {@code rollUpDepartments} false leaves the department roll-up to the caller
     * ({@link #refreshDepartments}), which the job does once per run instead of once per chunk.
     */
    public Result evaluate(Map<Long, String> causes, boolean rollUpDepartments) {
        if (causes.isEmpty()) {
            return new Result(0, 0, Set.of(), Set.of(), 0, 0, 0);
        }
        em.flush(); // overrides, controls and acceptances written through JPA in this transaction must be visible
        SsvcEvaluator evaluator = settings.evaluator();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int evaluated = 0;
        int changed = 0;
        Set<Long> devices = new HashSet<>();
        long loadNanos = 0;
        long writeNanos = 0;
        long rollupNanos;
        Set<Long> departments;
        try (Connection c = dataSource.getConnection()) {
            for (List<Long> part : chunks(causes.keySet())) {
                long t0 = System.nanoTime();
                Map<Long, Row> rows = load(c, part);
                long t1 = System.nanoTime();
                loadNanos += t1 - t0;
                List<Row> inserts = new ArrayList<>();
                List<Row> updates = new ArrayList<>();
                List<Row> changes = new ArrayList<>();
                for (Row r : rows.values()) {
                    r.decision = evaluator.decide(r.facts(), today);
                    r.clockStart = r.clockStart();
                    r.due = r.clockStart.plus(evaluator.policy().dueTime(r.decision.outcome()));
                    boolean decisionChanged = r.decision.differsFrom(r.old);
                    if (r.old == null) {
                        inserts.add(r);
                    } else if (decisionChanged || r.bookkeepingChanged()) {
                        updates.add(r);
                    }
                    if (decisionChanged || r.acceptanceChanged()) {
                        changed++;
                        changes.add(r);
                    }
                    if (r.old == null || decisionChanged || r.bookkeepingChanged()) {
                        devices.add(r.deviceId);
                    }
                }
                write(c, inserts, updates, now);
                recordChanges(c, changes, causes, now);
                try (PreparedStatement clear = c.prepareStatement("UPDATE exposure_decision SET pending_cause = NULL, "
                        + "evaluated_at = ? WHERE pending_cause IS NOT NULL AND exposure_id IN (" + ids(part) + ")")) {
                    clear.setTimestamp(1, Timestamp.from(now), UTC);
                    clear.executeUpdate();
                }
                evaluated += rows.size();
                writeNanos += System.nanoTime() - t1;
            }
            long t2 = System.nanoTime();
            departments = refreshDevices(c, devices, now);
            if (rollUpDepartments) {
                refreshDepartments(c, departments, now);
            }
            rollupNanos = System.nanoTime() - t2;
        } catch (SQLException e) {
            throw new IllegalStateException("Exposure decisions could not be stored: " + e.getMessage(), e);
        }
        return new Result(evaluated, changed, devices, departments, loadNanos / 1_000_000, writeNanos / 1_000_000,
                rollupNanos / 1_000_000);
    }

    /**
     * Recomputes the roll-up rows of the given devices from their open, unaccepted decisions.
     *
     * @return the departments whose roll-up changed (the devices' current and previous departments)
     */
    Set<Long> refreshDevices(Connection c, Set<Long> deviceIds, Instant now) throws SQLException {
        Set<Long> departments = new HashSet<>();
        for (List<Long> part : chunks(deviceIds)) {
            String in = ids(part);
            try (PreparedStatement ps = c.prepareStatement("SELECT department_id FROM device_risk WHERE device_id IN ("
                    + in + ") UNION SELECT department_id FROM device WHERE id IN (" + in + ")");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    departments.add(rs.getLong(1));
                }
            }
            try (PreparedStatement del = c.prepareStatement("DELETE FROM device_risk WHERE device_id IN (" + in + ")")) {
                del.executeUpdate();
            }
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO device_risk (device_id, department_id, score, "
                    + "open_exposures, immediate, out_of_cycle, scheduled, deferred, overdue, updated_at) "
                    + "SELECT d.id, d.department_id, MAX(x.score), COUNT(*), "
                    + "SUM(CASE WHEN x.outcome_rank = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN x.outcome_rank = 1 THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN x.outcome_rank = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN x.outcome_rank = 3 THEN 1 ELSE 0 END), "
                    + "SUM(CASE WHEN x.due_at < ? THEN 1 ELSE 0 END), ? "
                    + "FROM exposure_decision x JOIN device d ON d.id = x.device_id "
                    + "WHERE x.open_exposure = TRUE AND x.accepted_until IS NULL AND x.device_id IN (" + in + ") "
                    + "GROUP BY d.id, d.department_id")) {
                ins.setTimestamp(1, Timestamp.from(now), UTC);
                ins.setTimestamp(2, Timestamp.from(now), UTC);
                ins.executeUpdate();
            }
        }
        return departments;
    }

    /** Sums the device roll-up of the given departments into their department rows (one pass over their devices). */
    public void refreshDepartments(Set<Long> departmentIds) {
        try (Connection c = dataSource.getConnection()) {
            refreshDepartments(c, departmentIds, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("The department roll-up could not be stored: " + e.getMessage(), e);
        }
    }

    private void refreshDepartments(Connection c, Set<Long> departmentIds, Instant now) throws SQLException {
        if (departmentIds.isEmpty()) {
            return;
        }
        String in = ids(departmentIds);
        try (PreparedStatement del = c.prepareStatement("DELETE FROM department_risk WHERE department_id IN (" + in + ")")) {
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO department_risk (department_id, exposed_devices, "
                + "open_exposures, immediate, out_of_cycle, scheduled, deferred, score_sum, max_score, updated_at) "
                + "SELECT department_id, COUNT(*), SUM(open_exposures), SUM(immediate), SUM(out_of_cycle), SUM(scheduled), "
                + "SUM(deferred), SUM(score), MAX(score), ? FROM device_risk WHERE department_id IN (" + in + ") "
                + "GROUP BY department_id")) {
            ins.setTimestamp(1, Timestamp.from(now), UTC);
            ins.executeUpdate();
        }
    }

    /**
     * The facts of a chunk, each table read by primary key or a short IN list (exposures, then their devices with
     * departments, then KEV and EPSS by CVE), so no optimizer statistics can turn a chunk into a table scan.
     */
    private Map<Long, Row> load(Connection c, List<Long> part) throws SQLException {
        String in = ids(part);
        Map<Long, Row> rows = new LinkedHashMap<>();
        Set<Long> advisories = new HashSet<>();
        Map<Long, List<Row>> byDevice = new HashMap<>();
        Map<String, List<Row>> byCve = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, device_id, cve, state, created_at, advisory_id "
                + "FROM exposure WHERE id IN (" + in + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Row r = new Row();
                r.exposureId = rs.getLong(1);
                r.deviceId = rs.getLong(2);
                r.cve = rs.getString(3);
                r.open = "UNDER_INVESTIGATION".equals(rs.getString(4)) || "AFFECTED".equals(rs.getString(4));
                r.createdAt = rs.getTimestamp(5, UTC).toInstant();
                r.advisoryId = rs.getLong(6);
                rows.put(r.exposureId, r);
                advisories.add(r.advisoryId);
                byDevice.computeIfAbsent(r.deviceId, k -> new ArrayList<>()).add(r);
                byCve.computeIfAbsent(r.cve, k -> new ArrayList<>()).add(r);
            }
        }
        if (rows.isEmpty()) {
            return rows;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.connectivity, d.network_segment, d.criticality, "
                + "d.redundant, dep.mission_impact, dep.name FROM device d JOIN department dep ON dep.id = d.department_id "
                + "WHERE d.id IN (" + ids(byDevice.keySet()) + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (Row r : byDevice.get(rs.getLong(1))) {
                    r.connectivity = rs.getString(2);
                    r.segment = rs.getString(3);
                    r.criticality = rs.getString(4);
                    r.redundant = rs.getBoolean(5);
                    r.mission = enumOr(MissionImpact.class, rs.getString(6), MissionImpact.MEF_SUPPORT_CRIPPLED);
                    r.department = rs.getString(7);
                }
            }
        }
        String cves = byCve.keySet().stream().map(cve -> "'" + cve.replace("'", "''") + "'").collect(Collectors.joining(","));
        try (PreparedStatement ps = c.prepareStatement("SELECT cve_id, date_added FROM kev_entry WHERE in_catalog = TRUE "
                + "AND cve_id IN (" + cves + ")"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (Row r : byCve.get(rs.getString(1))) {
                    r.kevAdded = rs.getDate(2).toLocalDate();
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT cve_id, epss FROM epss_score WHERE cve_id IN (" + cves + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                for (Row r : byCve.get(rs.getString(1))) {
                    r.epss = rs.getBigDecimal(2).doubleValue();
                }
            }
        }

        Map<String, Object[]> cvss = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT advisory_id, cve, MAX(COALESCE(cvss3_score, cvss2_score)), "
                + "MAX(COALESCE(cvss3_vector, cvss2_vector)) FROM advisory_vulnerability WHERE advisory_id IN ("
                + ids(advisories) + ") GROUP BY advisory_id, cve");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                cvss.put(rs.getLong(1) + "|" + rs.getString(2), new Object[]{rs.getBigDecimal(3), rs.getString(4)});
            }
        }
        for (Row r : rows.values()) {
            Object[] v = cvss.get(r.advisoryId + "|" + r.cve);
            r.cvss = v == null || v[0] == null ? null : ((java.math.BigDecimal) v[0]).doubleValue();
            r.vector = v == null ? null : (String) v[1];
        }
        Map<String, List<String>> threats = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.advisory_id, v.cve, r.details FROM vulnerability_remark r "
                + "JOIN advisory_vulnerability v ON v.id = r.vulnerability_id WHERE r.kind = 'THREAT' "
                + "AND r.category = 'exploit_status' AND v.advisory_id IN (" + ids(advisories) + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getString(3) != null) {
                    threats.computeIfAbsent(rs.getLong(1) + "|" + rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                }
            }
        }
        for (Row r : rows.values()) {
            r.threats = threats.getOrDefault(r.advisoryId + "|" + r.cve, List.of());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT a.exposure_id, a.decision_point, c.public_id, c.title, "
                + "c.reference, c.control_type, c.status, c.applied_on, c.expires_on FROM control_attachment a "
                + "JOIN compensating_control c ON c.id = a.control_id WHERE a.exposure_id IN (" + in + ") "
                + "ORDER BY c.applied_on, c.id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.get(rs.getLong(1)).controls.add(new DecisionFacts.ControlFact(rs.getString(3), rs.getString(4),
                        rs.getString(5), ControlType.valueOf(rs.getString(6)), DecisionPoint.valueOf(rs.getString(2)),
                        ControlStatus.valueOf(rs.getString(7)), rs.getDate(8).toLocalDate(), rs.getDate(9).toLocalDate()));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT r.exposure_id, r.result, r.method, r.tool, r.tested_on, "
                + "c.title FROM validation_result r LEFT JOIN compensating_control c ON c.id = r.control_id "
                + "WHERE r.exposure_id IN (" + in + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.get(rs.getLong(1)).validations.add(new DecisionFacts.ValidationFact(
                        ValidationOutcome.valueOf(rs.getString(2)), ValidationMethod.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getDate(5).toLocalDate(), rs.getString(6)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT exposure_id, decision_point, point_value, reason, updated_by "
                + "FROM decision_override WHERE exposure_id IN (" + in + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.get(rs.getLong(1)).overrides.put(DecisionPoint.valueOf(rs.getString(2)),
                        new DecisionFacts.OverrideFact(rs.getString(3), rs.getString(4), rs.getString(5)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT exposure_id, status, expires_on FROM risk_acceptance "
                + "WHERE status IN ('APPROVED', 'EXPIRED') AND exposure_id IN (" + in + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Row r = rows.get(rs.getLong(1));
                LocalDate expires = rs.getDate(3).toLocalDate();
                if ("APPROVED".equals(rs.getString(2))) {
                    r.acceptedUntil = r.acceptedUntil == null || expires.isAfter(r.acceptedUntil) ? expires : r.acceptedUntil;
                } else {
                    Instant restart = expires.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                    r.restartedAt = r.restartedAt == null || restart.isAfter(r.restartedAt) ? restart : r.restartedAt;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT exposure_id, exploitation, system_exposure, automatable, "
                + "human_impact, outcome, score, open_exposure, due_at, accepted_until, clock_started_at, safety_impact, "
                + "mission_impact, exploitation_why, system_exposure_why, automatable_why, human_impact_why, score_factors "
                + "FROM exposure_decision WHERE exposure_id IN (" + in + ")");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Row r = rows.get(rs.getLong(1));
                r.old = new Decision(Exploitation.valueOf(rs.getString(2)), rs.getString(14),
                        SystemExposure.valueOf(rs.getString(3)), rs.getString(15), Automatable.valueOf(rs.getString(4)),
                        rs.getString(16), org.patchcare.risk.domain.SafetyImpact.valueOf(rs.getString(12)),
                        MissionImpact.valueOf(rs.getString(13)), HumanImpact.valueOf(rs.getString(5)), rs.getString(17),
                        Outcome.valueOf(rs.getString(6)), rs.getInt(7), rs.getString(18));
                r.oldOpen = rs.getBoolean(8);
                r.oldDue = rs.getTimestamp(9, UTC).toInstant();
                Date acc = rs.getDate(10);
                r.oldAccepted = acc == null ? null : acc.toLocalDate();
            }
        }
        return rows;
    }

    private static final String COLUMNS = "exploitation = ?, exploitation_why = ?, system_exposure = ?, "
            + "system_exposure_why = ?, automatable = ?, automatable_why = ?, safety_impact = ?, mission_impact = ?, "
            + "human_impact = ?, human_impact_why = ?, outcome = ?, outcome_rank = ?, score = ?, score_factors = ?, "
            + "open_exposure = ?, clock_started_at = ?, due_at = ?, accepted_until = ?, evaluated_at = ?, "
            + "pending_cause = NULL, device_id = ?";

    private static final String INSERT = "INSERT INTO exposure_decision (exploitation, exploitation_why, "
            + "system_exposure, system_exposure_why, automatable, automatable_why, safety_impact, mission_impact, "
            + "human_impact, human_impact_why, outcome, outcome_rank, score, score_factors, open_exposure, "
            + "clock_started_at, due_at, accepted_until, evaluated_at, pending_cause, device_id, exposure_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)";
    private static final String UPDATE = "UPDATE exposure_decision SET " + COLUMNS + " WHERE exposure_id = ?";

    private void write(Connection c, List<Row> inserts, List<Row> updates, Instant now) throws SQLException {
        if (!inserts.isEmpty()) {
            try {
                batch(c, INSERT, inserts, now);
            } catch (SQLException e) {
                if (!duplicateKey(e)) {
                    throw e;
                }
                // Another transaction stored the first decision of one of these exposures after this one read them
                // (the risk job and a control attachment, an override or an acceptance deciding a new exposure at the
                // same moment). Both evaluated the same facts: store this evaluation over the other, row by row.
                LOG.fine(() -> "First decisions stored meanwhile by another transaction; writing row by row: " + e.getMessage());
                upsertEach(c, inserts, now);
            }
        }
        if (!updates.isEmpty()) {
            batch(c, UPDATE, updates, now);
        }
    }

    private void batch(Connection c, String sql, List<Row> rows, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Row r : rows) {
                int i = bind(ps, r, now);
                ps.setLong(i, r.exposureId);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Each row updated where a decision row exists by now, inserted where none does. */
    private void upsertEach(Connection c, List<Row> rows, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE); PreparedStatement insert = c.prepareStatement(INSERT)) {
            for (Row r : rows) {
                int i = bind(update, r, now);
                update.setLong(i, r.exposureId);
                if (update.executeUpdate() == 0) {
                    int j = bind(insert, r, now);
                    insert.setLong(j, r.exposureId);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** A unique-key violation: SQLState class 23 with MySQL/MariaDB's error 1062 or H2's 23505. */
    static boolean duplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState()) || x.getErrorCode() == 1062
                    || (x.getSQLState() != null && x.getSQLState().startsWith("23") && String.valueOf(x.getMessage())
                    .toLowerCase(java.util.Locale.ROOT).contains("duplicate"))) {
                return true;
            }
            if (x.getCause() instanceof SQLException cause && cause != x && duplicateKey(cause)) {
                return true;
            }
        }
        return false;
    }

    /** One history row per changed decision, with its cause. */
    private static void recordChanges(Connection c, List<Row> changes, Map<Long, String> causes, Instant now)
            throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_change (exposure_id, occurred_at, cause, "
                + "from_outcome, to_outcome, from_score, to_score, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row r : changes) {
                ps.setLong(1, r.exposureId);
                ps.setTimestamp(2, Timestamp.from(now), UTC);
                ps.setString(3, cut(causes.getOrDefault(r.exposureId, "re-evaluation"), 200));
                ps.setString(4, r.old == null ? null : r.old.outcome().name());
                ps.setString(5, r.decision.outcome().name());
                if (r.old == null) {
                    ps.setNull(6, java.sql.Types.INTEGER);
                } else {
                    ps.setInt(6, r.old.score());
                }
                ps.setInt(7, r.decision.score());
                ps.setString(8, cut(r.changeDetail(), 1000));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int bind(PreparedStatement ps, Row r, Instant now) throws SQLException {
        Decision d = r.decision;
        int i = 1;
        ps.setString(i++, d.exploitation().name());
        ps.setString(i++, cut(d.exploitationWhy(), 1000));
        ps.setString(i++, d.systemExposure().name());
        ps.setString(i++, cut(d.systemExposureWhy(), 1000));
        ps.setString(i++, d.automatable().name());
        ps.setString(i++, cut(d.automatableWhy(), 1000));
        ps.setString(i++, d.safety().name());
        ps.setString(i++, d.mission().name());
        ps.setString(i++, d.humanImpact().name());
        ps.setString(i++, cut(d.humanImpactWhy(), 1000));
        ps.setString(i++, d.outcome().name());
        ps.setInt(i++, rank(d.outcome()));
        ps.setInt(i++, d.score());
        ps.setString(i++, cut(d.scoreFactors(), 1000));
        ps.setBoolean(i++, r.open);
        ps.setTimestamp(i++, Timestamp.from(r.clockStart), UTC);
        ps.setTimestamp(i++, Timestamp.from(r.due), UTC);
        ps.setDate(i++, r.acceptedUntil == null ? null : Date.valueOf(r.acceptedUntil));
        ps.setTimestamp(i++, Timestamp.from(now), UTC);
        ps.setLong(i++, r.deviceId);
        return i;
    }

    /** 0 immediate … 3 defer: the work queue sorts on it. */
    public static int rank(Outcome o) {
        return Outcome.values().length - 1 - o.ordinal();
    }

    /** The facts and decisions of one exposure while a chunk is evaluated. */
    private static final class Row {
        long exposureId;
        long deviceId;
        long advisoryId;
        String cve;
        boolean open;
        Instant createdAt;
        String connectivity;
        String segment;
        String criticality;
        boolean redundant;
        MissionImpact mission;
        String department;
        LocalDate kevAdded;
        Double epss;
        Double cvss;
        String vector;
        List<String> threats = List.of();
        final List<DecisionFacts.ControlFact> controls = new ArrayList<>();
        final List<DecisionFacts.ValidationFact> validations = new ArrayList<>();
        final Map<DecisionPoint, DecisionFacts.OverrideFact> overrides = new EnumMap<>(DecisionPoint.class);
        LocalDate acceptedUntil;
        Instant restartedAt;
        Decision old;
        boolean oldOpen;
        Instant oldDue;
        LocalDate oldAccepted;
        Decision decision;
        Instant clockStart;
        Instant due;

        DecisionFacts facts() {
            return new DecisionFacts(cve, cvss, vector, kevAdded, threats, epss, connectivity, segment, criticality,
                    mission, department, redundant, controls, validations, overrides);
        }

        /** When the SLA clock runs from: the exposure's discovery, or the end of the newest expired acceptance. */
        Instant clockStart() {
            return restartedAt != null && restartedAt.isAfter(createdAt) ? restartedAt : createdAt;
        }

        /** An approved acceptance began or ended (the exposure left or re-entered the queue). */
        boolean acceptanceChanged() {
            return old != null && !java.util.Objects.equals(oldAccepted, acceptedUntil);
        }

        /** The history line: which points moved, and whether the exposure is accepted or its SLA clock restarted. */
        String changeDetail() {
            String points = decision.changeSummary(old);
            if (!acceptanceChanged()) {
                return points;
            }
            String acceptance = acceptedUntil != null ? "risk accepted until " + acceptedUntil
                    + " (out of the work queue)" : "risk acceptance ended: back in the work queue, SLA clock from "
                    + clockStart + ", due " + due;
            return "No change".equals(points) ? acceptance : points + "; " + acceptance;
        }

        boolean bookkeepingChanged() {
            return old == null || oldOpen != open || !due.equals(oldDue)
                    || !java.util.Objects.equals(oldAccepted, acceptedUntil)
                    || !cut(decision.exploitationWhy(), 1000).equals(old.exploitationWhy())
                    || !cut(decision.systemExposureWhy(), 1000).equals(old.systemExposureWhy())
                    || !cut(decision.automatableWhy(), 1000).equals(old.automatableWhy())
                    || !cut(decision.humanImpactWhy(), 1000).equals(old.humanImpactWhy())
                    || !cut(decision.scoreFactors(), 1000).equals(old.scoreFactors());
        }
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return name == null ? fallback : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    static List<List<Long>> chunks(Collection<Long> ids) {
        List<List<Long>> out = new ArrayList<>();
        List<Long> current = new ArrayList<>(CHUNK);
        for (Long id : ids) {
            current.add(id);
            if (current.size() == CHUNK) {
                out.add(current);
                current = new ArrayList<>(CHUNK);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
