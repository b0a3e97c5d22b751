package org.patchcare.reporting.application;

import static org.patchcare.shared.persistence.Rows.count;
import static org.patchcare.shared.persistence.Rows.date;
import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.reporting.application.ReportViews.Freshness;
import org.patchcare.reporting.application.ReportViews.Header;
import org.patchcare.reporting.application.ReportViews.Preview;
import org.patchcare.reporting.application.ReportViews.ReportFormat;
import org.patchcare.reporting.application.ReportViews.ReportRequest;
import org.patchcare.reporting.application.ReportViews.ReportSink;
import org.patchcare.reporting.application.ReportViews.Row;
import org.patchcare.reporting.application.ReportViews.Scope;
import org.patchcare.reporting.application.ReportViews.ScopeKind;
import org.patchcare.reporting.application.ReportViews.ScopeOption;
import org.patchcare.reporting.application.ReportViews.Summary;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.ScoreFormula;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.Params;
import org.patchcare.shared.security.CurrentUser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The transparent exposure report of a department or a facility, for the committee that reviews cyber risk: the
 * scope, who made it and when, how fresh the data is, summary counts, the open exposures with their SSVC decision
 * and how the score is computed; as PDF or CSV. Read from the risk context's tables (exposure_decision with exposure,
 * device, department, advisory, controls), as the work queue does. Everyone logged in may produce it; a clinical
 * manager without a hospital-wide role only for their own departments. Every report produced is audited (who, scope,
 * format, rows).
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ExposureReportService {

    /** The PDF lists at most this many exposures; the CSV has all. */
    public static final int PDF_ROW_CAP = 2000;
    /** Rows read per query while streaming. */
    static final int CHUNK = 500;
    public static final String AUDIT_TYPE = "ExposureReport";

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    RiskService risk;

    /** The departments and facilities the caller may report on (clinical managers: theirs and their facilities). */
    public List<ScopeOption> scopes() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT dep.id, dep.code, dep.name, f.code, f.name FROM department dep "
                + "JOIN facility f ON f.id = dep.facility_id ORDER BY f.code, dep.code").getResultList();
        List<Long> own = limited() ? ownDepartments() : null;
        List<ScopeOption> facilities = new ArrayList<>();
        List<ScopeOption> departments = new ArrayList<>();
        for (Object[] r : rows) {
            if (own != null && !own.contains(((Number) r[0]).longValue())) {
                continue;
            }
            departments.add(new ScopeOption(ScopeKind.DEPARTMENT, (String) r[1], (String) r[2], (String) r[3]));
            if (facilities.stream().noneMatch(f -> f.code().equals(r[3]))) {
                facilities.add(new ScopeOption(ScopeKind.FACILITY, (String) r[3], (String) r[4], (String) r[3]));
            }
        }
        List<ScopeOption> out = new ArrayList<>(facilities);
        out.addAll(departments);
        return out;
    }

    /**
     * The scope a request covers: 422 for an unknown code, 403 for a clinical manager asking for a department not
     * theirs (or a facility with none of theirs); a facility is narrowed to the manager's own departments.
     */
    public Scope scope(ReportRequest request) {
        if (request == null || request.kind() == null) {
            throw new InvalidInputException("department", "Choose a department or a facility.");
        }
        String field = request.kind() == ScopeKind.DEPARTMENT ? "department" : "facility";
        String code = request.code() == null ? "" : request.code().strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new InvalidInputException(field, "Choose a " + field + ".");
        }
        String where = request.kind() == ScopeKind.DEPARTMENT ? "dep.code = ?1" : "f.code = ?1";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT dep.id, dep.code, dep.name, f.code, f.name FROM department dep "
                + "JOIN facility f ON f.id = dep.facility_id WHERE " + where + " ORDER BY dep.code")
                .setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            String facilityName = request.kind() == ScopeKind.FACILITY ? facilityName(code) : null;
            if (facilityName == null) {
                throw new InvalidInputException(field, "There is no " + field + " with the code '" + code + "'.");
            }
            return new Scope(ScopeKind.FACILITY, code, facilityName, facilityName, List.of(), false);
        }
        boolean narrowed = false;
        if (limited()) {
            List<Long> own = ownDepartments();
            List<Object[]> mine = rows.stream().filter(r -> own.contains(((Number) r[0]).longValue())).toList();
            if (mine.isEmpty()) {
                throw new EJBAccessException("A clinical manager reports on their own departments only.");
            }
            narrowed = mine.size() < rows.size();
            rows = mine;
        }
        Object[] first = rows.getFirst();
        List<String> codes = rows.stream().map(r -> (String) r[1]).toList();
        return request.kind() == ScopeKind.DEPARTMENT
                ? new Scope(ScopeKind.DEPARTMENT, (String) first[1], (String) first[2], (String) first[4], codes, false)
                : new Scope(ScopeKind.FACILITY, (String) first[3], (String) first[4], (String) first[4], codes, narrowed);
    }

    /** The scope with its counts and freshness, for the screen before downloading. Not audited: nothing leaves. */
    public Preview preview(ReportRequest request) {
        Scope scope = scope(request);
        List<Long> ids = departmentIds(scope);
        return new Preview(scope, summary(ids), freshness(ids));
    }

    /**
     * Writes the report of the request's scope in the format to {@code out} (not closed), and audits it in the same
     * transaction. The CSV is streamed in chunks; the PDF stops listing after {@link #PDF_ROW_CAP} rows.
     */
    public void write(ReportRequest request, ReportFormat format, OutputStream out) {
        if (format == null) {
            throw new InvalidInputException("format", "Choose pdf or csv.");
        }
        Scope scope = scope(request);
        ReportSink sink = format == ReportFormat.PDF ? new PdfReportWriter(out, PDF_ROW_CAP) : new CsvReportWriter(out);
        long rows = produce(scope, sink, format == ReportFormat.PDF ? PDF_ROW_CAP : Long.MAX_VALUE);
        audit.event(AUDIT_TYPE, scope.kind().name() + ":" + scope.code(), "exposure report produced",
                format.name() + "; " + scope.title() + "; departments " + String.join(", ", scope.departmentCodes())
                        + "; " + rows + " exposure rows");
    }

    // ---- producing ---------------------------------------------------------------------------------

    private long produce(Scope scope, ReportSink sink, long limit) {
        List<Long> ids = departmentIds(scope);
        Instant now = clock.instant();
        Header header = new Header(scope, now, currentUser.username(), freshness(ids), summary(ids),
                ScoreFormula.of(risk.dueTimes()));
        long written = 0;
        try {
            sink.header(header);
            Object[] after = null;
            while (!ids.isEmpty() && written < limit) {
                List<Object[]> chunk = chunk(ids, after, (int) Math.min(CHUNK, limit - written));
                if (chunk.isEmpty()) {
                    break;
                }
                Map<Long, String> mitigation = mitigation(chunk, now);
                for (Object[] r : chunk) {
                    sink.row(row(r, mitigation, now));
                    written++;
                }
                after = chunk.getLast();
            }
            sink.end();
        } catch (IOException e) {
            throw new UncheckedIOException("The report could not be written: " + e.getMessage(), e);
        }
        return written;
    }

    private static final String ROW_SELECT = "SELECT x.exposure_id, x.outcome_rank, x.due_at, d.asset_tag, mf.name, "
            + "m.name, dep.code, loc.building, loc.floor, loc.room, a.tracking_id, e.cve, x.outcome, x.score, "
            + "x.accepted_until, e.state FROM exposure_decision x JOIN exposure e ON e.id = x.exposure_id "
            + "JOIN device d ON d.id = x.device_id JOIN department dep ON dep.id = d.department_id "
            + "JOIN device_model m ON m.id = d.model_id JOIN manufacturer mf ON mf.id = m.manufacturer_id "
            + "LEFT JOIN location loc ON loc.id = d.location_id JOIN advisory a ON a.id = e.advisory_id ";

    /** The next rows after {@code after} in queue order (outcome, due date, id): keyset paging, no offsets. */
    private List<Object[]> chunk(List<Long> departments, Object[] after, int size) {
        StringBuilder sql = new StringBuilder(ROW_SELECT).append("WHERE x.open_exposure = TRUE AND d.department_id IN (")
                .append(ids(departments)).append(")");
        List<Object> params = new ArrayList<>();
        if (after != null) {
            sql.append(" AND (x.outcome_rank > ?1 OR (x.outcome_rank = ?1 AND (x.due_at > ?2 OR (x.due_at = ?2 "
                    + "AND x.exposure_id > ?3))))");
            params.add(((Number) after[1]).intValue());
            params.add(after[2]); // as the driver returned it: equal to the stored value
            params.add(((Number) after[0]).longValue());
        }
        sql.append(" ORDER BY x.outcome_rank, x.due_at, x.exposure_id");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery(sql.toString()), params).setMaxResults(size)
                .getResultList();
        return rows;
    }

    private static Row row(Object[] r, Map<Long, String> mitigation, Instant now) {
        Instant due = instant(r[2]);
        LocalDate accepted = date(r[14]);
        String location = java.util.stream.Stream.of((String) r[7], (String) r[8], (String) r[9])
                .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(" / "));
        return new Row((String) r[3], (String) r[4], (String) r[5], (String) r[6], location, (String) r[10],
                (String) r[11], ScoreFormula.outcomes().getOrDefault((String) r[12], (String) r[12]), ((Number) r[13]).intValue(), due,
                accepted == null && due != null && due.isBefore(now), stateLabel((String) r[15]),
                mitigation.getOrDefault(((Number) r[0]).longValue(), ""));
    }

    /** Active controls attached to the chunk's exposures and their approved acceptances, in words. */
    private Map<Long, String> mitigation(List<Object[]> chunk, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        String in = ids(chunk.stream().map(r -> ((Number) r[0]).longValue()).toList());
        @SuppressWarnings("unchecked")
        List<Object[]> controls = em.createNativeQuery("SELECT a.exposure_id, c.title, c.reference, c.expires_on "
                + "FROM control_attachment a JOIN compensating_control c ON c.id = a.control_id WHERE a.exposure_id IN ("
                + in + ") AND c.status = 'ACTIVE' AND c.applied_on <= ?1 AND c.expires_on >= ?1 ORDER BY c.title")
                .setParameter(1, java.sql.Date.valueOf(today)).getResultList();
        Map<Long, List<String>> parts = new HashMap<>();
        for (Object[] c : controls) {
            parts.computeIfAbsent(((Number) c[0]).longValue(), k -> new ArrayList<>()).add("control: " + c[1]
                    + (c[2] == null ? "" : " (" + c[2] + ")") + " until " + date(c[3]));
        }
        for (Object[] r : chunk) {
            LocalDate accepted = date(r[14]);
            if (accepted != null) {
                parts.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                        .add("risk accepted until " + accepted);
            }
        }
        Map<Long, String> out = new HashMap<>();
        parts.forEach((id, list) -> out.put(id, String.join("; ", list)));
        return out;
    }

    // ---- summary and freshness ---------------------------------------------------------------------

    Summary summary(List<Long> departments) {
        Map<String, Long> byOutcome = new LinkedHashMap<>();
        ScoreFormula.outcomes().keySet().forEach(o -> byOutcome.put(o, 0L));
        if (departments.isEmpty()) {
            return new Summary(0, byOutcome, 0, 0, 0, 0, 0, 0);
        }
        String in = ids(departments);
        Timestamp now = Timestamp.from(clock.instant());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT x.outcome, COUNT(*), "
                + "SUM(CASE WHEN x.accepted_until IS NULL AND x.due_at < ?1 THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN x.accepted_until IS NOT NULL THEN 1 ELSE 0 END) FROM exposure_decision x "
                + "JOIN device d ON d.id = x.device_id WHERE x.open_exposure = TRUE AND d.department_id IN (" + in + ") "
                + "GROUP BY x.outcome").setParameter(1, now).getResultList();
        long open = 0;
        long overdue = 0;
        long accepted = 0;
        for (Object[] r : rows) {
            byOutcome.put((String) r[0], count(r[1]));
            open += count(r[1]);
            overdue += count(r[2]);
            accepted += count(r[3]);
        }
        long controlled = count(em.createNativeQuery("SELECT COUNT(*) FROM exposure_decision x JOIN device d "
                + "ON d.id = x.device_id WHERE x.open_exposure = TRUE AND d.department_id IN (" + in + ") AND EXISTS ("
                + "SELECT 1 FROM control_attachment a JOIN compensating_control c ON c.id = a.control_id "
                + "WHERE a.exposure_id = x.exposure_id AND c.status = 'ACTIVE' AND c.applied_on <= ?1 "
                + "AND c.expires_on >= ?1)").setParameter(1, java.sql.Date.valueOf(today)).getSingleResult());
        long exposedDevices = count(em.createNativeQuery("SELECT COUNT(DISTINCT x.device_id) FROM exposure_decision x "
                + "JOIN device d ON d.id = x.device_id WHERE x.open_exposure = TRUE AND d.department_id IN (" + in + ")")
                .getSingleResult());
        Object[] devices = (Object[]) em.createNativeQuery("SELECT COUNT(*), SUM(CASE WHEN end_of_support < ?1 THEN 1 "
                + "ELSE 0 END) FROM device WHERE status <> 'RETIRED' AND department_id IN (" + in + ")")
                .setParameter(1, java.sql.Date.valueOf(today)).getSingleResult();
        return new Summary(open, byOutcome, overdue, accepted, controlled, exposedDevices, count(devices[0]),
                count(devices[1]));
    }

    Freshness freshness(List<Long> departments) {
        Instant evaluated = null;
        long waiting = 0;
        if (!departments.isEmpty()) {
            String in = ids(departments);
            evaluated = instant(em.createNativeQuery("SELECT MAX(x.evaluated_at) FROM exposure_decision x JOIN device d "
                    + "ON d.id = x.device_id WHERE d.department_id IN (" + in + ")").getSingleResult());
            waiting = count(em.createNativeQuery("SELECT COUNT(*) FROM exposure e JOIN device d ON d.id = e.device_id "
                    + "WHERE d.department_id IN (" + in + ") AND e.state IN ('UNDER_INVESTIGATION', 'AFFECTED') AND ("
                    + "NOT EXISTS (SELECT 1 FROM exposure_decision x WHERE x.exposure_id = e.id) OR EXISTS (SELECT 1 "
                    + "FROM exposure_decision x WHERE x.exposure_id = e.id AND x.pending_cause IS NOT NULL))")
                    .getSingleResult());
        }
        Map<String, Instant> feeds = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT feed, imported_at FROM feed_state").getResultList();
        rows.forEach(r -> feeds.put(((String) r[0]).toUpperCase(Locale.ROOT), instant(r[1])));
        Instant advisory = instant(em.createNativeQuery("SELECT MAX(updated_at) FROM advisory").getSingleResult());
        return new Freshness(evaluated, waiting, feeds.get("KEV"), feeds.get("EPSS"), advisory);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private List<Long> departmentIds(Scope scope) {
        if (scope.departmentCodes().isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = Params.bind(em.createNativeQuery("SELECT id FROM department WHERE code IN ("
                + Params.placeholders(scope.departmentCodes().size()) + ")"), scope.departmentCodes()).getResultList();
        return ids.stream().map(o -> ((Number) o).longValue()).toList();
    }

    private String facilityName(String code) {
        List<?> names = em.createNativeQuery("SELECT name FROM facility WHERE code = ?1").setParameter(1, code)
                .getResultList();
        return names.isEmpty() ? null : (String) names.getFirst();
    }

    private boolean limited() {
        return currentUser.limitedToOwnDepartments();
    }

    private List<Long> ownDepartments() {
        return List.copyOf(org.patchcare.shared.persistence.UserDepartments.of(em, currentUser.username()));
    }

    private static String stateLabel(String state) {
        return state == null ? "" : switch (state) {
            case "AFFECTED" -> "Affected";
            case "UNDER_INVESTIGATION" -> "Under investigation";
            default -> state.charAt(0) + state.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
