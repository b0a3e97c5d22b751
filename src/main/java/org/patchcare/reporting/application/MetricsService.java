package org.patchcare.reporting.application;

import static org.patchcare.shared.persistence.Rows.count;
import static org.patchcare.shared.persistence.Rows.instant;
import static org.patchcare.shared.persistence.Rows.number;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.reporting.application.MetricsViews.BurnDownPoint;
import org.patchcare.reporting.application.MetricsViews.DurationStats;
import org.patchcare.reporting.application.MetricsViews.ExposureChain;
import org.patchcare.reporting.application.MetricsViews.Headline;
import org.patchcare.reporting.application.MetricsViews.LagBreakdown;
import org.patchcare.reporting.application.MetricsViews.OperationsRow;
import org.patchcare.reporting.application.MetricsViews.OperationsSummary;
import org.patchcare.reporting.application.MetricsViews.OverdueCount;
import org.patchcare.reporting.application.MetricsViews.QuarterTrend;
import org.patchcare.reporting.application.MetricsViews.TopDevice;
import org.patchcare.reporting.application.MetricsViews.TrendPoint;
import org.patchcare.reporting.application.MetricsViews.UnsupportedCount;
import org.patchcare.reporting.domain.Percentiles;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.Params;
import org.patchcare.shared.persistence.Rows;
import org.patchcare.shared.security.CurrentUser;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The metrics, read from {@code exposure_timeline} (and the risk roll-ups for devices). Every method narrows the
 * filter to the caller's departments when {@code CurrentUser.limitedToOwnDepartments()}. Percentiles are worked out
 * in Java ({@link Percentiles}) from the durations the timeline stores; burn-down and trends from per-day counts
 * summed up (docs/metrics.md).
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class MetricsService {

    /** How far back burn-down and score trend go when the filter names no period; the most they plot. */
    static final int DEFAULT_DAYS = 365;
    static final int MAX_DAYS = 3 * 366;
    public static final int MAX_TOP = 100;
    /** The SSVC outcomes, most urgent first, with their labels (from the risk context's application layer). */
    private static final Map<String, String> OUTCOME_LABELS = org.patchcare.risk.application.ScoreFormula.outcomes();
    private static final List<String> OUTCOMES = List.copyOf(OUTCOME_LABELS.keySet());

    @PersistenceContext
    EntityManager em;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    MetricsJob job;
    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    DataSource dataSource;
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));

    /** Headline numbers for the executive dashboard (now; time-to-patch over the last 90 days). */
    public Headline headline(MetricsFilter filter) {
        Scope s = scope(filter);
        Instant now = clock.instant();
        List<Object> p = new ArrayList<>(s.params());
        p.add(Timestamp.from(now));
        Object[] open = (Object[]) Params.bind(em.createNativeQuery("SELECT COUNT(*), SUM(CASE WHEN t.due_at < ?"
                + p.size() + " THEN 1 ELSE 0 END), SUM(COALESCE(t.score, 0)) FROM exposure_timeline t WHERE "
                + "t.open_exposure = TRUE" + s.where()), p).getSingleResult();
        Samples patched = durations(s, "NULL", now.minus(Duration.ofDays(90)), now.plusSeconds(1)).values().stream()
                .findFirst().orElse(new Samples(1));
        return new Headline(count(open[0]), count(open[1]), count(open[2]), patched.percentiles(0).median(),
                patched.size() == 0 ? null : (double) patched.within() / patched.size(), unsupportedDevices(s),
                refreshedAt());
    }

    /** Median / p90 time-to-patch and SLA share per group, over exposures patched in the period. */
    public List<DurationStats> timeToPatch(MetricsFilter filter, Grouping by) {
        Scope s = scope(filter);
        Grouping g = by == null ? Grouping.DEPARTMENT : by;
        if (s.wholeHospital()) {
            List<DurationStats> stored = snapshot("time-to-patch:" + g, DurationStats[].class);
            if (stored != null) {
                return stored;
            }
        }
        return timeToPatch(s, g);
    }

    private List<DurationStats> timeToPatch(Scope s, Grouping g) {
        Map<String, Samples> groups = durations(s, keyColumn(g, "t.patched_quarter"), s.fromInstant(), s.toExclusive());
        Labels labels = labels(g, groups.keySet());
        List<DurationStats> out = new ArrayList<>();
        groups.forEach((key, samples) -> {
            Percentiles p = samples.percentiles(0);
            out.add(new DurationStats(labels.key(key), labels.label(key), samples.size(), p.median(), p.p90(),
                    samples.within(), (double) samples.within() / samples.size()));
        });
        out.sort(order(g, DurationStats::key, DurationStats::label));
        return out;
    }

    /** Median of each step of the chain per group, over the exposures matched in the period. */
    public List<LagBreakdown> lags(MetricsFilter filter, Grouping by) {
        Scope s = scope(filter);
        Grouping g = by == null ? Grouping.DEPARTMENT : by;
        if (s.wholeHospital()) {
            List<LagBreakdown> stored = snapshot("lags:" + g, LagBreakdown[].class);
            if (stored != null) {
                return stored;
            }
        }
        return lags(s, g);
    }

    private List<LagBreakdown> lags(Scope s, Grouping g) {
        List<Object> p = new ArrayList<>(s.params());
        String period = period("t.matched_at", s, p);
        Map<String, Samples> groups = samples("SELECT " + keyColumn(g, "t.matched_quarter") + ", " + MINUTES.formatted("t.vendor_days")
                + ", " + MINUTES.formatted("t.triage_days") + ", " + MINUTES.formatted("t.approval_days") + ", "
                + MINUTES.formatted("t.scheduling_days") + ", " + MINUTES.formatted("t.patch_days") + ", "
                + MINUTES.formatted("t.verification_days") + ", NULL "
                + "FROM exposure_timeline t WHERE 1 = 1" + s.where() + period, p, 6);
        Labels labels = labels(g, groups.keySet());
        List<LagBreakdown> out = new ArrayList<>();
        groups.forEach((key, x) -> out.add(new LagBreakdown(labels.key(key), labels.label(key), x.size(),
                x.percentiles(0).median(), x.percentiles(1).median(), x.percentiles(2).median(),
                x.percentiles(3).median(), x.percentiles(4).median(), x.percentiles(5).median())));
        out.sort(order(g, LagBreakdown::key, LagBreakdown::label));
        return out;
    }

    /** Time-to-patch per quarter (oldest first), for the trend chart. */
    public List<QuarterTrend> timeToPatchTrend(MetricsFilter filter) {
        return timeToPatch(filter, Grouping.QUARTER).stream().map(d -> new QuarterTrend(d.key(), d.patched(),
                d.medianDays(), d.p90Days(), d.slaShare())).toList();
    }

    /** Open exposures at the end of each day of the period (default: the last 365 days). */
    public List<BurnDownPoint> burnDown(MetricsFilter filter) {
        Scope s = scope(filter);
        LocalDate[] days = plotted(s);
        Timestamp start = Timestamp.from(days[0].atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(days[1].plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        // four queries: the state at the start, then per day opened, closed (and closed while overdue), turned overdue
        long[] base = scalar(s, new String[]{"COUNT(*)", "SUM(CASE WHEN t.overdue_at < ?A AND (t.closed_at IS NULL "
                + "OR t.closed_at > t.overdue_at) THEN 1 ELSE 0 END)"},
                "t.matched_at < ?A AND (t.closed_at IS NULL OR t.closed_at >= ?A)", start);
        long open = base[0];
        long overdue = base[1];
        Map<LocalDate, long[]> opened = perDay(s, "t.matched_at", new String[]{"COUNT(*)"}, "1 = 1", start, end);
        Map<LocalDate, long[]> closed = perDay(s, "t.closed_at", new String[]{"COUNT(*)",
                "SUM(CASE WHEN t.closed_at > t.overdue_at THEN 1 ELSE 0 END)"}, "1 = 1", start, end);
        Map<LocalDate, long[]> becameOverdue = perDay(s, "t.overdue_at", new String[]{"COUNT(*)"},
                "(t.closed_at IS NULL OR t.closed_at > t.overdue_at)", start, end);
        List<BurnDownPoint> out = new ArrayList<>();
        for (LocalDate d = days[0]; !d.isAfter(days[1]); d = d.plusDays(1)) {
            open += opened.getOrDefault(d, NONE)[0] - closed.getOrDefault(d, NONE)[0];
            overdue += becameOverdue.getOrDefault(d, NONE)[0] - closed.getOrDefault(d, NONE)[1];
            out.add(new BurnDownPoint(d, open, overdue));
        }
        return out;
    }

    /** The summed score of the exposures open at the end of each week of the period (weeks from Monday). */
    public List<TrendPoint> scoreTrend(MetricsFilter filter) {
        Scope s = scope(filter);
        LocalDate[] days = plotted(s);
        Timestamp start = Timestamp.from(days[0].atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp end = Timestamp.from(days[1].plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        long sum = scalar(s, new String[]{"SUM(COALESCE(t.score, 0))"}, "t.matched_at < ?A AND (t.closed_at IS NULL "
                + "OR t.closed_at >= ?A)", start)[0];
        String[] score = {"SUM(COALESCE(t.score, 0))"};
        Map<LocalDate, long[]> added = perDay(s, "t.matched_at", score, "1 = 1", start, end);
        Map<LocalDate, long[]> removed = perDay(s, "t.closed_at", score, "1 = 1", start, end);
        List<TrendPoint> out = new ArrayList<>();
        for (LocalDate d = days[0]; !d.isAfter(days[1]); d = d.plusDays(1)) {
            sum += added.getOrDefault(d, NONE)[0] - removed.getOrDefault(d, NONE)[0];
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY || d.equals(days[1])) {
                LocalDate monday = d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                out.add(new TrendPoint(monday, "Week of " + monday, sum));
            }
        }
        return out;
    }

    /** Open exposures past due, per group (now; QUARTER is the quarter they fall due). */
    public List<OverdueCount> overdue(MetricsFilter filter, Grouping by) {
        Scope s = scope(filter);
        Grouping g = by == null ? Grouping.DEPARTMENT : by;
        List<Object> p = new ArrayList<>(s.params());
        p.add(Timestamp.from(clock.instant()));
        String key = keyColumn(g, "t.due_quarter");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery("SELECT " + key + ", SUM(CASE WHEN t.due_at < ?" + p.size()
                + " THEN 1 ELSE 0 END), COUNT(*) FROM exposure_timeline t WHERE t.open_exposure = TRUE" + s.where()
                + " GROUP BY " + key), p).getResultList();
        Labels labels = labels(g, rows.stream().map(r -> keyOf(r[0])).collect(Collectors.toSet()));
        List<OverdueCount> out = new ArrayList<>(rows.stream().map(r -> new OverdueCount(labels.key(keyOf(r[0])),
                labels.label(keyOf(r[0])), count(r[1]), count(r[2]))).toList());
        out.sort(Comparator.comparingLong(OverdueCount::overdue).reversed().thenComparing(OverdueCount::label));
        return out;
    }

    /** The riskiest devices, highest score first. */
    public List<TopDevice> topDevices(MetricsFilter filter, int limit) {
        if (limit < 1 || limit > MAX_TOP) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_TOP + ", not " + limit);
        }
        Scope s = scope(filter);
        String select = "SELECT d.asset_tag, m.name, mf.name, dep.code, dep.name, r.score, r.open_exposures, r.overdue, "
                + "r.device_id FROM device_risk r JOIN device d ON d.id = r.device_id JOIN device_model m ON m.id = d.model_id "
                + "JOIN manufacturer mf ON mf.id = m.manufacturer_id JOIN department dep ON dep.id = r.department_id";
        List<Object[]> rows;
        if (s.facility() == null && s.manufacturer() == null && s.filter().deviceType() == null) {
            // the ids from the roll-up alone, in the order of its score indexes, then their details
            @SuppressWarnings("unchecked")
            List<Object> ids = em.createNativeQuery("SELECT r.device_id FROM device_risk r WHERE r.open_exposures > 0"
                    + s.deviceWhere("r.department_id", null, null, null) + " ORDER BY r.score DESC, r.device_id DESC")
                    .setMaxResults(limit).getResultList();
            if (ids.isEmpty()) {
                return List.of();
            }
            List<Long> order = ids.stream().map(o -> ((Number) o).longValue()).toList();
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery(select + " WHERE r.device_id IN (" + TimelineBuilder.in(order)
                    + ")").getResultList();
            Map<Long, Object[]> byId = new HashMap<>();
            found.forEach(r -> byId.put(((Number) r[8]).longValue(), r));
            rows = order.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        } else {
            @SuppressWarnings("unchecked")
            List<Object[]> found = Params.bind(em.createNativeQuery(select + " WHERE r.open_exposures > 0"
                    + s.deviceWhere("r.department_id", "dep.facility_id", "m.manufacturer_id", "m.device_type")
                    + " ORDER BY r.score DESC, r.device_id DESC"), s.deviceParams()).setMaxResults(limit).getResultList();
            rows = found;
        }
        return rows.stream().map(r -> new TopDevice((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (int) count(r[5]), (int) count(r[6]), (int) count(r[7]))).toList();
    }

    /** Devices past end of support per department (departments with none left out); retired devices do not count. */
    public List<UnsupportedCount> unsupportedByDepartment(MetricsFilter filter) {
        Scope s = scope(filter);
        List<Object> p = new ArrayList<>(s.deviceParams());
        p.add(java.sql.Date.valueOf(LocalDate.now(clock)));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery("SELECT dep.code, dep.name, SUM(CASE WHEN "
                + "d.end_of_support < ?" + p.size() + " THEN 1 ELSE 0 END), COUNT(*) FROM device d "
                + "JOIN department dep ON dep.id = d.department_id JOIN device_model m ON m.id = d.model_id "
                + "WHERE d.status <> 'RETIRED'" + s.deviceWhere("d.department_id", "dep.facility_id",
                "m.manufacturer_id", "m.device_type") + " GROUP BY dep.code, dep.name"), p).getResultList();
        return rows.stream().filter(r -> count(r[2]) > 0)
                .map(r -> new UnsupportedCount((String) r[0], (String) r[1], count(r[2]), count(r[3])))
                .sorted(Comparator.comparingLong(UnsupportedCount::unsupported).reversed()
                        .thenComparing(UnsupportedCount::departmentCode)).toList();
    }

    /** IT's operations view: open exposures overdue, due within seven days, waiting on an approval; per department. */
    public OperationsSummary operations(MetricsFilter filter) {
        Scope s = scope(filter);
        Instant now = clock.instant();
        List<Object> p = new ArrayList<>(s.params());
        p.add(Timestamp.from(now));
        int nowAt = p.size();
        p.add(Timestamp.from(now.plus(Duration.ofDays(7))));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery("SELECT t.department_id, SUM(CASE WHEN t.due_at < ?"
                + nowAt + " THEN 1 ELSE 0 END), SUM(CASE WHEN t.due_at >= ?" + nowAt + " AND t.due_at < ?" + p.size()
                + " THEN 1 ELSE 0 END), SUM(CASE WHEN t.awaiting_approval = TRUE THEN 1 ELSE 0 END) "
                + "FROM exposure_timeline t WHERE t.open_exposure = TRUE" + s.where() + " GROUP BY t.department_id"), p)
                .getResultList();
        Labels labels = labels(Grouping.DEPARTMENT, rows.stream().map(r -> keyOf(r[0])).collect(Collectors.toSet()));
        List<OperationsRow> byDepartment = rows.stream()
                .filter(r -> count(r[1]) + count(r[2]) + count(r[3]) > 0)
                .map(r -> new OperationsRow(labels.key(keyOf(r[0])), labels.label(keyOf(r[0])), count(r[1]), count(r[2]),
                        count(r[3])))
                .sorted(Comparator.comparingLong(OperationsRow::overdue).reversed()
                        .thenComparing(OperationsRow::departmentCode)).toList();
        return new OperationsSummary(byDepartment.stream().mapToLong(OperationsRow::overdue).sum(),
                byDepartment.stream().mapToLong(OperationsRow::dueThisWeek).sum(),
                byDepartment.stream().mapToLong(OperationsRow::blockedByApproval).sum(), byDepartment);
    }

    private static final String CHAIN_SELECT = "SELECT e.public_id, e.cve, a.tracking_id, d.asset_tag, dep.code, "
            + "t.outcome, t.published_at, t.vendor_fix_at, t.matched_at, t.triaged_at, t.submitted_at, t.approved_at, "
            + "t.window_start_at, t.patched_at, t.verified_at, t.closed_at, t.due_at, t.department_id, t.exposure_id "
            + "FROM exposure_timeline t JOIN exposure e ON e.id = t.exposure_id JOIN advisory a ON a.id = t.advisory_id "
            + "JOIN device d ON d.id = t.device_id JOIN department dep ON dep.id = t.department_id";

    /** One exposure's chain (404 as NotFoundException when unknown or not visible). */
    public ExposureChain chain(String exposureId) {
        if (exposureId == null || exposureId.isBlank()) {
            throw new NotFoundException("Exposure", String.valueOf(exposureId));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CHAIN_SELECT + " WHERE e.public_id = ?1")
                .setParameter(1, exposureId.strip()).getResultList();
        if (rows.isEmpty() || !visible(((Number) rows.getFirst()[17]).longValue())) {
            throw new NotFoundException("Exposure", exposureId + " (or not in the metrics yet: they refresh every minute)");
        }
        return chainOf(rows.getFirst());
    }

    /** Chains of the filtered exposures matched in the period, newest match first (CSV export, drill-down list). */
    public List<ExposureChain> chains(MetricsFilter filter, PageRequest page) {
        Scope s = scope(filter);
        List<Object> p = new ArrayList<>(s.params());
        String period = period("t.matched_at", s, p);
        // the page's ids from the timeline alone (its matched_at index is in page order), then their details
        @SuppressWarnings("unchecked")
        List<Object> page1 = Params.bind(em.createNativeQuery("SELECT t.exposure_id FROM exposure_timeline t WHERE 1 = 1"
                + s.where() + period + " ORDER BY t.matched_at DESC, t.exposure_id DESC"), p)
                .setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        if (page1.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page1.stream().map(o -> ((Number) o).longValue()).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(CHAIN_SELECT + " WHERE t.exposure_id IN (" + TimelineBuilder.in(ids)
                + ")").getResultList();
        Map<Long, Object[]> byId = new HashMap<>();
        rows.forEach(r -> byId.put(((Number) r[18]).longValue(), r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).map(MetricsService::chainOf).toList();
    }

    /** How many chains {@link #chains} pages through. */
    public long chainCount(MetricsFilter filter) {
        Scope s = scope(filter);
        List<Object> p = new ArrayList<>(s.params());
        String period = period("t.matched_at", s, p);
        return count(Params.bind(em.createNativeQuery("SELECT COUNT(*) FROM exposure_timeline t WHERE 1 = 1" + s.where()
                + period), p).getSingleResult());
    }

    /**
     * Works out the whole-hospital time-to-patch and lags of every grouping and stores them in
     * {@code metrics_snapshot}, for the metrics job after a refresh that wrote rows (its own identity). Answers how
     * many charts were stored.
     */
    @RolesAllowed(Roles.ADMIN)
    public int storeSnapshots() {
        Scope all = new Scope(MetricsFilter.all(), null, null, null, null);
        Instant now = clock.instant();
        Map<String, Object> charts = new LinkedHashMap<>();
        for (Grouping g : Grouping.values()) {
            charts.put("time-to-patch:" + g, timeToPatch(all, g));
            charts.put("lags:" + g, lags(all, g));
        }
        em.createNativeQuery("DELETE FROM metrics_snapshot").executeUpdate();
        charts.forEach((chart, value) -> em.createNativeQuery("INSERT INTO metrics_snapshot (chart, computed_at, body) "
                + "VALUES (?1, ?2, ?3)").setParameter(1, chart).setParameter(2, Timestamp.from(now))
                .setParameter(3, JSON.toJson(value)).executeUpdate());
        return charts.size();
    }

    /** A stored whole-hospital chart, if it was worked out after the timeline's last refresh (else null). */
    private <T> List<T> snapshot(String chart, Class<T[]> type) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT s.body, s.computed_at, c.last_changed_at FROM metrics_snapshot s "
                + "LEFT JOIN metrics_cursor c ON c.name = ?2 WHERE s.chart = ?1").setParameter(1, chart)
                .setParameter(2, TimelineBuilder.CURSOR).getResultList();
        if (rows.isEmpty() || rows.getFirst()[2] == null
                || instant(rows.getFirst()[1]).isBefore(instant(rows.getFirst()[2]))) {
            return null;
        }
        return List.of(JSON.fromJson((String) rows.getFirst()[0], type));
    }

    private static final jakarta.json.bind.Jsonb JSON = jakarta.json.bind.JsonbBuilder.create();

    /** Refreshes the timeline now: the exposures whose sources changed since the last run. Audited. */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TimelineRefresh refresh() {
        return job.run(false, currentUser.username());
    }

    /** Rebuilds every exposure's timeline row (repair, e.g. after a definition changed). Audited. */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public TimelineRefresh rebuild() {
        return job.run(true, currentUser.username());
    }

    // ---- internals -----------------------------------------------------------------------------

    private static ExposureChain chainOf(Object[] r) {
        return new ExposureChain((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], instant(r[6]), instant(r[7]), instant(r[8]), instant(r[9]), instant(r[10]),
                instant(r[11]), instant(r[12]), instant(r[13]), instant(r[14]), instant(r[15]), instant(r[16]));
    }

    /**
     * Durations are read as whole minutes (rounded in the database): a quarter of the text a full double takes over
     * the wire, and a precision nobody reads on a chart of days.
     */
    private static final String MINUTES = "ROUND(%s * 1440)";
    private static final double MINUTES_PER_DAY = 1440.0;

    /** Time-to-patch samples per group key of the exposures patched in [from, to). */
    private Map<String, Samples> durations(Scope s, String key, Instant from, Instant to) {
        List<Object> p = new ArrayList<>(s.params());
        StringBuilder where = new StringBuilder(" AND t.patched_at IS NOT NULL");
        if (from != null) {
            p.add(Timestamp.from(from));
            where.append(" AND t.patched_at >= ?").append(p.size());
        }
        if (to != null) {
            p.add(Timestamp.from(to));
            where.append(" AND t.patched_at < ?").append(p.size());
        }
        return samples("SELECT " + key + ", " + MINUTES.formatted("t.ttp_days") + ", t.within_sla FROM exposure_timeline t "
                + "WHERE 1 = 1" + s.where()
                + where, p, 1);
    }

    /** The numbers of one group, column by column (nulls left out), and how many rows were within the SLA. */
    static final class Samples {
        private final double[][] columns;
        private final int[] filled;
        private int rows;
        private long within;

        Samples(int width) {
            columns = new double[width][64];
            filled = new int[width];
        }

        void add(int column, double value) {
            if (filled[column] == columns[column].length) {
                columns[column] = java.util.Arrays.copyOf(columns[column], columns[column].length * 2);
            }
            columns[column][filled[column]++] = value;
        }

        Percentiles percentiles(int column) {
            return Percentiles.of(java.util.Arrays.copyOf(columns[column], filled[column]));
        }

        long size() {
            return rows;
        }

        long within() {
            return within;
        }
    }

    /**
     * Reads (key, {@code width} numbers, within-SLA flag) rows straight from JDBC into arrays per key: tens of
     * thousands of rows per chart, so no row objects ({@code ?n} placeholders numbered in order of appearance).
     */
    private Map<String, Samples> samples(String sql, List<Object> params, int width) {
        Map<String, Samples> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql.replaceAll("\\?\\d+", "?"))) {
            for (int i = 0; i < params.size(); i++) {
                Object v = params.get(i);
                if (v instanceof Timestamp t) {
                    ps.setTimestamp(i + 1, t, UTC);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = keyOf(rs.getObject(1));
                    Samples x = out.computeIfAbsent(key, k -> new Samples(width));
                    x.rows++;
                    for (int col = 0; col < width; col++) {
                        long minutes = rs.getLong(col + 2);
                        if (!rs.wasNull()) {
                            x.add(col, minutes / MINUTES_PER_DAY);
                        }
                    }
                    if (rs.getBoolean(width + 2)) {
                        x.within++;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the metrics: " + e.getMessage(), e);
        }
        return out;
    }

    private static String period(String column, Scope s, List<Object> p) {
        StringBuilder sb = new StringBuilder();
        if (s.fromInstant() != null) {
            p.add(Timestamp.from(s.fromInstant()));
            sb.append(" AND ").append(column).append(" >= ?").append(p.size());
        }
        if (s.toExclusive() != null) {
            p.add(Timestamp.from(s.toExclusive()));
            sb.append(" AND ").append(column).append(" < ?").append(p.size());
        }
        return sb.toString();
    }

    private static final long[] NONE = {0, 0};

    /** Aggregates over the scope; {@code ?A} in them and the condition is the period's start. */
    private long[] scalar(Scope s, String[] aggregates, String condition, Timestamp start) {
        List<Object> p = new ArrayList<>(s.params());
        p.add(start);
        String at = "?" + p.size();
        String sql = "SELECT " + String.join(", ", aggregates).replace("?A", at) + " FROM exposure_timeline t WHERE "
                + condition.replace("?A", at) + s.where();
        Object r = Params.bind(em.createNativeQuery(sql), p).getSingleResult();
        Object[] row = r instanceof Object[] a ? a : new Object[]{r};
        long[] out = new long[aggregates.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = count(row[i]);
        }
        return out;
    }

    /** Aggregates per UTC day of {@code dayOf} within [start, end), where the condition holds. */
    private Map<LocalDate, long[]> perDay(Scope s, String dayOf, String[] aggregates, String condition, Timestamp start,
                                          Timestamp end) {
        List<Object> p = new ArrayList<>(s.params());
        p.add(start);
        p.add(end);
        String day = "CAST(" + dayOf + " AS DATE)";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery("SELECT " + day + ", " + String.join(", ", aggregates)
                + " FROM exposure_timeline t WHERE " + dayOf + " >= ?" + (p.size() - 1) + " AND " + dayOf + " < ?"
                + p.size() + " AND " + condition + s.where() + " GROUP BY " + day), p).getResultList();
        Map<LocalDate, long[]> out = new HashMap<>();
        for (Object[] r : rows) {
            long[] v = new long[2];
            for (int i = 0; i < aggregates.length; i++) {
                v[i] = count(r[i + 1]);
            }
            out.put(Rows.date(r[0]), v);
        }
        return out;
    }

    /** The first and last day plotted: the filter's period, else the last {@value #DEFAULT_DAYS} days. */
    private LocalDate[] plotted(Scope s) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate to = s.filter().to() == null ? today : s.filter().to();
        LocalDate from = s.filter().from() == null ? to.minusDays(DEFAULT_DAYS - 1) : s.filter().from();
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInputException("from", "plot at most " + MAX_DAYS + " days at a time");
        }
        return new LocalDate[]{from, to};
    }

    private static String keyColumn(Grouping g, String quarterColumn) {
        return switch (g) {
            case DEPARTMENT -> "t.department_id";
            case MANUFACTURER -> "t.manufacturer_id";
            case DEVICE_TYPE -> "t.device_type";
            case OUTCOME -> "t.outcome";
            case QUARTER -> quarterColumn;
        };
    }

    private static String keyOf(Object o) {
        return o == null ? null : o instanceof String str ? str.strip() : String.valueOf(((Number) o).longValue());
    }

    /** Quarters oldest first; other groups by label. */
    private static <T> Comparator<T> order(Grouping g, Function<T, String> key, Function<T, String> label) {
        return g == Grouping.QUARTER ? Comparator.comparing(key) : Comparator.comparing(label).thenComparing(key);
    }

    /** The stable key and the readable label of each group key read from the timeline. */
    private record Labels(Map<String, String[]> byKey) {
        String key(String raw) {
            return byKey.getOrDefault(raw, new String[]{raw == null ? "NONE" : raw, raw})[0];
        }

        String label(String raw) {
            return byKey.getOrDefault(raw, new String[]{null, raw == null ? "Not decided yet" : raw})[1];
        }
    }

    private Labels labels(Grouping g, Set<String> keys) {
        Map<String, String[]> out = new HashMap<>();
        List<Long> ids = keys.stream().filter(k -> k != null && (g == Grouping.DEPARTMENT || g == Grouping.MANUFACTURER))
                .map(Long::valueOf).toList();
        if (!ids.isEmpty()) {
            String sql = g == Grouping.DEPARTMENT ? "SELECT id, code, name FROM department WHERE id IN ("
                    : "SELECT id, public_id, name FROM manufacturer WHERE id IN (";
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(sql + TimelineBuilder.in(ids) + ")").getResultList();
            rows.forEach(r -> out.put(keyOf(r[0]), new String[]{((String) r[1]).strip(), (String) r[2]}));
        }
        if (g == Grouping.OUTCOME) {
            keys.stream().filter(java.util.Objects::nonNull).filter(OUTCOMES::contains).forEach(k -> out.put(k, new String[]{k, OUTCOME_LABELS.get(k)}));
        }
        if (g == Grouping.DEVICE_TYPE || g == Grouping.QUARTER) {
            keys.stream().filter(java.util.Objects::nonNull).forEach(k -> out.put(k, new String[]{k, k}));
        }
        return new Labels(out);
    }

    private long unsupportedDevices(Scope s) {
        List<Object> p = new ArrayList<>(s.deviceParams());
        p.add(java.sql.Date.valueOf(LocalDate.now(clock)));
        return count(Params.bind(em.createNativeQuery("SELECT COUNT(*) FROM device d JOIN department dep ON "
                + "dep.id = d.department_id JOIN device_model m ON m.id = d.model_id WHERE d.status <> 'RETIRED' "
                + "AND d.end_of_support < ?" + p.size() + s.deviceWhere("d.department_id", "dep.facility_id",
                "m.manufacturer_id", "m.device_type")), p).getSingleResult());
    }

    private Instant refreshedAt() {
        @SuppressWarnings("unchecked")
        List<Object> r = em.createNativeQuery("SELECT last_finished_at FROM metrics_cursor WHERE name = ?1")
                .setParameter(1, TimelineBuilder.CURSOR).getResultList();
        return r.isEmpty() ? null : instant(r.getFirst());
    }

    // ---- the filter, checked and narrowed ------------------------------------------------------

    /**
     * The filter's conditions on the timeline ({@code where}, positional parameters from 1) and on devices
     * ({@code deviceWhere}), with the database ids of the codes it named, narrowed to the caller's departments.
     */
    record Scope(MetricsFilter filter, Long facility, Long department, Long manufacturer, Set<Long> own) {

        /** No filter and no narrowing: the whole hospital, all time. */
        boolean wholeHospital() {
            return own == null && filter.equals(MetricsFilter.all());
        }

        Instant fromInstant() {
            return filter.from() == null ? null : filter.from().atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        Instant toExclusive() {
            return filter.to() == null ? null : filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        List<Object> params() {
            List<Object> p = new ArrayList<>();
            if (filter.deviceType() != null) {
                p.add(filter.deviceType());
            }
            if (filter.outcome() != null) {
                p.add(filter.outcome());
            }
            return p;
        }

        String where() {
            StringBuilder sb = new StringBuilder(ids("t.department_id", "t.facility_id", "t.manufacturer_id"));
            int n = 0;
            if (filter.deviceType() != null) {
                sb.append(" AND t.device_type = ?").append(++n);
            }
            if (filter.outcome() != null) {
                sb.append(" AND t.outcome = ?").append(++n);
            }
            return sb.toString();
        }

        List<Object> deviceParams() {
            return filter.deviceType() == null ? new ArrayList<>() : new ArrayList<>(List.of(filter.deviceType()));
        }

        String deviceWhere(String department, String facilityColumn, String manufacturerColumn, String typeColumn) {
            return ids(department, facilityColumn, manufacturerColumn)
                    + (filter.deviceType() == null ? "" : " AND " + typeColumn + " = ?1");
        }

        private String ids(String departmentColumn, String facilityColumn, String manufacturerColumn) {
            StringBuilder sb = new StringBuilder();
            if (facility != null) {
                sb.append(" AND ").append(facilityColumn).append(" = ").append(facility);
            }
            if (department != null) {
                sb.append(" AND ").append(departmentColumn).append(" = ").append(department);
            }
            if (manufacturer != null) {
                sb.append(" AND ").append(manufacturerColumn).append(" = ").append(manufacturer);
            }
            if (own != null) {
                sb.append(" AND ").append(own.isEmpty() ? "1 = 0" : departmentColumn + " IN (" + TimelineBuilder.in(own) + ")");
            }
            return sb.toString();
        }
    }

    /** Checks the filter's values (422 naming the query parameter) and narrows it to the caller's departments. */
    Scope scope(MetricsFilter filter) {
        MetricsFilter f = filter == null ? MetricsFilter.all() : filter;
        List<InvalidInputException.Violation> errors = new ArrayList<>();
        Long facility = idOf("SELECT id FROM facility WHERE code = ?1", upper(f.facilityCode()), "facility", errors);
        Long department = idOf("SELECT id FROM department WHERE code = ?1", upper(f.departmentCode()), "department", errors);
        Long manufacturer = idOf("SELECT id FROM manufacturer WHERE public_id = ?1", blankToNull(f.manufacturerId()),
                "manufacturer", errors);
        String type = blankToNull(f.deviceType());
        if (type != null && count(em.createNativeQuery("SELECT COUNT(*) FROM device_model WHERE device_type = ?1")
                .setParameter(1, type).getSingleResult()) == 0) {
            errors.add(new InvalidInputException.Violation("deviceType", "no device model has the type '" + type + "'"));
        }
        String outcome = upper(f.outcome());
        if (outcome != null && !OUTCOMES.contains(outcome)) {
            errors.add(new InvalidInputException.Violation("outcome", "'" + f.outcome() + "' is not one of "
                    + String.join(", ", OUTCOMES)));
        }
        if (f.from() != null && f.to() != null && f.from().isAfter(f.to())) {
            errors.add(new InvalidInputException.Violation("to", "the period ends (" + f.to() + ") before it starts ("
                    + f.from() + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Set<Long> own = null;
        if (currentUser.limitedToOwnDepartments()) {
            own = ownDepartments();
            if (department != null && !own.contains(department)) {
                throw new EJBAccessException("You see the metrics of your own departments only, not of "
                        + upper(f.departmentCode()));
            }
        }
        return new Scope(new MetricsFilter(upper(f.facilityCode()), upper(f.departmentCode()),
                blankToNull(f.manufacturerId()), type, outcome, f.from(), f.to()), facility, department, manufacturer, own);
    }

    private boolean visible(long departmentId) {
        return !currentUser.limitedToOwnDepartments() || ownDepartments().contains(departmentId);
    }

    private Set<Long> ownDepartments() {
        return org.patchcare.shared.persistence.UserDepartments.of(em, currentUser.username());
    }

    private Long idOf(String sql, String value, String field, List<InvalidInputException.Violation> errors) {
        if (value == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object> r = em.createNativeQuery(sql).setParameter(1, value).getResultList();
        if (r.isEmpty()) {
            errors.add(new InvalidInputException.Violation(field, "unknown " + field + " '" + value + "'"));
            return null;
        }
        return ((Number) r.getFirst()).longValue();
    }

    private static String upper(String s) {
        String v = blankToNull(s);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
