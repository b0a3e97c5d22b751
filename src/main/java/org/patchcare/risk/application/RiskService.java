package org.patchcare.risk.application;

import static org.patchcare.shared.persistence.Rows.count;
import static org.patchcare.shared.persistence.Rows.date;
import static org.patchcare.shared.persistence.Rows.decimal;
import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.RiskViews.DecisionChangeView;
import org.patchcare.risk.application.RiskViews.DecisionDetails;
import org.patchcare.risk.application.RiskViews.DeviceRisk;
import org.patchcare.risk.application.RiskViews.PointView;
import org.patchcare.risk.application.RiskViews.QueueFilter;
import org.patchcare.risk.application.RiskViews.QueueItem;
import org.patchcare.risk.application.RiskViews.RiskRollup;
import org.patchcare.risk.application.RiskViews.ScoreFactor;
import org.patchcare.risk.domain.Automatable;
import org.patchcare.risk.domain.DecisionOverride;
import org.patchcare.risk.domain.DecisionPoint;
import org.patchcare.risk.domain.Exploitation;
import org.patchcare.risk.domain.HumanImpact;
import org.patchcare.risk.domain.MissionImpact;
import org.patchcare.risk.domain.Outcome;
import org.patchcare.risk.domain.SafetyImpact;
import org.patchcare.risk.domain.SystemExposure;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SSVC decision of every exposure: the IT work queue, one exposure's decision with its evidence and history,
 * IT security's overrides, and the roll-ups behind the department dashboard. Clinical managers see only the
 * departments they are assigned to. Decisions themselves are made by {@link DecisionEngine}.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class RiskService {

    public static final int REASON_MAX = DecisionOverride.REASON_MAX;
    private static final Pattern FACTOR = Pattern.compile("(.*) \\+(\\d+)$");

    @PersistenceContext
    EntityManager em;
    @Inject
    DecisionEngine engine;
    @Inject
    RiskLookup lookup;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    RiskSettings settings;

    // ---- work queue ----------------------------------------------------------------------------

    /** The tables every queue filter may use; the page also joins the advisory. */
    private static final String COUNT_FROM = " FROM exposure_decision x JOIN exposure e ON e.id = x.exposure_id "
            + "JOIN device d ON d.id = x.device_id JOIN department dep ON dep.id = d.department_id";
    private static final String QUEUE_FROM = COUNT_FROM + " JOIN advisory a ON a.id = e.advisory_id";
    private static final String QUEUE_SELECT = "SELECT e.public_id, d.asset_tag, dep.code, dep.name, "
            + "(SELECT m.name FROM device_model m WHERE m.id = d.model_id), e.cve, a.tracking_id, a.title, e.state, "
            + "x.exploitation, x.system_exposure, x.automatable, x.human_impact, x.outcome, x.score, x.due_at, "
            + "x.accepted_until, (SELECT COUNT(*) FROM control_attachment ca WHERE ca.exposure_id = e.id), "
            + "(SELECT COUNT(*) FROM decision_override o WHERE o.exposure_id = e.id), x.exposure_id" + QUEUE_FROM;

    /**
     * Open exposures, most urgent first: by outcome (immediate first), then due date. The page's ids come from the
     * decision table alone where the filters allow (its index is in queue order), then their details are read.
     */
    public List<QueueItem> queue(QueueFilter filter, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String fromWhere = queueFromWhere(filter == null ? QueueFilter.none() : filter, params);
        var ids = em.createNativeQuery("SELECT x.exposure_id" + fromWhere + " ORDER BY x.outcome_rank, x.due_at, x.exposure_id");
        RiskLookup.bind(ids, params);
        @SuppressWarnings("unchecked")
        List<Object> page1 = ids.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        if (page1.isEmpty()) {
            return List.of();
        }
        List<Long> order = page1.stream().map(o -> ((Number) o).longValue()).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(QUEUE_SELECT + " WHERE x.exposure_id IN ("
                + DecisionEngine.ids(order) + ")").getResultList();
        Map<Long, Object[]> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(((Number) r[19]).longValue(), r));
        Instant now = clock.instant();
        Map<Long, List<String>> overridden = overriddenPoints(rows.stream().filter(r -> count(r[18]) > 0)
                .map(r -> ((Number) r[19]).longValue()).toList());
        return order.stream().map(byId::get).filter(java.util.Objects::nonNull).map(r -> {
            Outcome o = Outcome.valueOf((String) r[13]);
            Instant due = instant(r[15]);
            return new QueueItem((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10],
                    (String) r[11], (String) r[12], o.name(), o.label(), ((Number) r[14]).intValue(), due,
                    due.isBefore(now), date(r[16]), (int) count(r[17]), count(r[18]) > 0,
                    overridden.getOrDefault(((Number) r[19]).longValue(), List.of()));
        }).toList();
    }

    /** The overridden decision points of the given exposures (database ids), by exposure. */
    private Map<Long, List<String>> overriddenPoints(List<Long> exposureIds) {
        if (exposureIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT exposure_id, decision_point FROM decision_override "
                + "WHERE exposure_id IN (" + DecisionEngine.ids(exposureIds) + ")").getResultList();
        Map<Long, List<String>> out = new java.util.HashMap<>();
        rows.forEach(r -> out.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add((String) r[1]));
        return out;
    }

    public long queueCount(QueueFilter filter) {
        List<Object> params = new ArrayList<>();
        var q = em.createNativeQuery("SELECT COUNT(*)" + queueFromWhere(filter == null ? QueueFilter.none() : filter, params));
        RiskLookup.bind(q, params);
        return count(q.getSingleResult());
    }

    /** FROM and WHERE of the queue, joining the device, department and exposure only when a filter needs them. */
    private String queueFromWhere(QueueFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(" WHERE x.open_exposure = TRUE");
        boolean device = notBlank(f.department()) || notBlank(f.search()) || limitedToOwnDepartments();
        if (!Boolean.TRUE.equals(f.includeAccepted())) {
            sql.append(" AND x.accepted_until IS NULL");
        }
        if (notBlank(f.outcome())) {
            sql.append(" AND x.outcome_rank = ").append(DecisionEngine.rank(enumValue(Outcome.class, "outcome", f.outcome())));
        }
        if (notBlank(f.exploitation())) {
            sql.append(" AND x.exploitation = ?").append(params.size() + 1);
            params.add(enumValue(Exploitation.class, "exploitation", f.exploitation()).name());
        }
        if (notBlank(f.department())) {
            sql.append(" AND d.department_id = (SELECT dep.id FROM department dep WHERE dep.code = ?")
                    .append(params.size() + 1).append(')');
            params.add(f.department().strip().toUpperCase(Locale.ROOT));
        }
        if (Boolean.TRUE.equals(f.overdueOnly())) {
            sql.append(" AND x.due_at < ?").append(params.size() + 1);
            params.add(Timestamp.from(clock.instant()));
        }
        if (Boolean.TRUE.equals(f.dueWithinWeek())) {
            // not yet due, due within the next seven days (the operations dashboard's "due within 7 days")
            sql.append(" AND x.due_at >= ?").append(params.size() + 1).append(" AND x.due_at < ?")
                    .append(params.size() + 2);
            params.add(Timestamp.from(clock.instant()));
            params.add(Timestamp.from(clock.instant().plus(java.time.Duration.ofDays(7))));
        }
        if (notBlank(f.search())) {
            String s = f.search().strip();
            sql.append(" AND (d.asset_tag = ?").append(params.size() + 1).append(" OR e.cve = ?").append(params.size() + 2)
                    .append(')');
            params.add(s);
            params.add(s.toUpperCase(Locale.ROOT));
        }
        restrictToOwnDepartments(sql, "d.department_id");
        return " FROM exposure_decision x" + (device ? " JOIN device d ON d.id = x.device_id" : "")
                + (notBlank(f.search()) ? " JOIN exposure e ON e.id = x.exposure_id" : "") + sql;
    }

    // ---- one exposure --------------------------------------------------------------------------

    public DecisionDetails decision(String exposureId) {
        long id = exposureDbId(exposureId);
        Object[] r = (Object[]) singleOrNull(em.createNativeQuery("SELECT e.public_id, d.asset_tag, dep.code, dep.name, "
                + "(SELECT m.name FROM device_model m WHERE m.id = d.model_id), e.cve, a.tracking_id, a.title, e.state, "
                + "(SELECT MAX(COALESCE(v.cvss3_score, v.cvss2_score)) FROM advisory_vulnerability v "
                + " WHERE v.advisory_id = a.id AND v.cve = e.cve), "
                + "x.exploitation, x.exploitation_why, x.system_exposure, x.system_exposure_why, x.automatable, "
                + "x.automatable_why, x.human_impact, x.human_impact_why, x.safety_impact, x.mission_impact, x.outcome, "
                + "x.score, x.score_factors, x.clock_started_at, x.due_at, x.accepted_until, x.evaluated_at, "
                + "x.pending_cause, d.department_id, (SELECT m.device_type FROM device_model m WHERE m.id = d.model_id), "
                + "d.connectivity"
                + QUEUE_FROM + " WHERE e.id = ?1").setParameter(1, id));
        if (r == null) {
            throw new NotFoundException("Decision of exposure", exposureId + " (not evaluated yet: try again in a few seconds)");
        }
        requireOwnDepartment(((Number) r[28]).longValue(), exposureId);
        List<String> overridden = overriddenPoints(id);
        List<PointView> points = List.of(
                point(DecisionPoint.EXPLOITATION, Exploitation.valueOf((String) r[10]).label(), (String) r[10], (String) r[11], overridden),
                point(DecisionPoint.SYSTEM_EXPOSURE, SystemExposure.valueOf((String) r[12]).label(), (String) r[12], (String) r[13], overridden),
                point(DecisionPoint.AUTOMATABLE, Automatable.valueOf((String) r[14]).label(), (String) r[14], (String) r[15], overridden),
                point(DecisionPoint.HUMAN_IMPACT, HumanImpact.valueOf((String) r[16]).label(), (String) r[16], (String) r[17], overridden));
        Outcome o = Outcome.valueOf((String) r[20]);
        Instant due = instant(r[24]);
        return new DecisionDetails((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], decimal(r[9]), points,
                SafetyImpact.valueOf((String) r[18]).label(), MissionImpact.valueOf((String) r[19]).label(), o.name(),
                o.label(), ((Number) r[21]).intValue(), factors((String) r[22]), instant(r[23]), due,
                due.isBefore(clock.instant()), date(r[25]), instant(r[26]), (String) r[27], (String) r[29],
                (String) r[30]);
    }

    public List<DecisionChangeView> history(String exposureId) {
        long id = exposureDbId(exposureId);
        requireOwnDepartment(departmentOfExposure(id), exposureId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT occurred_at, cause, from_outcome, to_outcome, from_score, "
                + "to_score, detail FROM decision_change WHERE exposure_id = ?1 ORDER BY occurred_at DESC, id DESC")
                .setParameter(1, id).setMaxResults(200).getResultList();
        return rows.stream().map(r -> new DecisionChangeView(instant(r[0]), (String) r[1], label((String) r[2]),
                label((String) r[3]), r[4] == null ? null : ((Number) r[4]).intValue(), ((Number) r[5]).intValue(),
                (String) r[6])).toList();
    }

    /**
     * Sets IT security's value for one decision point, with a reason; the exposure is decided again at once and the
     * override is audited.
     */
    @RolesAllowed(Roles.IT_SECURITY)
    public DecisionDetails override(String exposureId, String point, String value, String reason) {
        long id = exposureDbId(exposureId);
        DecisionPoint p = DecisionOverride.point(point);
        DecisionOverride o = em.createQuery("select o from DecisionOverride o where o.exposureId = :e and o.point = :p",
                DecisionOverride.class).setParameter("e", id).setParameter("p", p).getResultStream().findFirst().orElse(null);
        String before = o == null ? null : o.getValue();
        if (o == null) {
            o = new DecisionOverride(id, p);
        }
        o.set(value, reason);
        o.touch(currentUser.username(), clock.instant());
        if (o.isNew()) {
            em.persist(o);
        }
        audit.changed("ExposureDecision", exposureId + "/" + p.name(), Snapshot.empty().with("override", before),
                Snapshot.empty().with("override", o.getValue()), o.getReason());
        engine.evaluate(Map.of(id, "override of " + p.label().toLowerCase(Locale.ROOT) + " by " + currentUser.username()));
        return decision(exposureId);
    }

    /** Removes an override: the derived value counts again. */
    @RolesAllowed(Roles.IT_SECURITY)
    public DecisionDetails removeOverride(String exposureId, String point, String reason) {
        long id = exposureDbId(exposureId);
        DecisionPoint p = DecisionOverride.point(point);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the override is removed.");
        }
        DecisionOverride o = em.createQuery("select o from DecisionOverride o where o.exposureId = :e and o.point = :p",
                DecisionOverride.class).setParameter("e", id).setParameter("p", p).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Override of " + p.label(), exposureId));
        audit.changed("ExposureDecision", exposureId + "/" + p.name(), Snapshot.empty().with("override", o.getValue()),
                Snapshot.empty().with("override", null), reason.strip());
        em.remove(o);
        engine.evaluate(Map.of(id, "override of " + p.label().toLowerCase(Locale.ROOT) + " removed by "
                + currentUser.username()));
        return decision(exposureId);
    }

    /** Marks every exposure for re-evaluation (after a policy change); the job decides them within seconds. */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public long reevaluateAll(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why every exposure is evaluated again.");
        }
        int n = engine.markAll("re-evaluation requested by " + currentUser.username() + ": " + reason.strip());
        audit.event("ExposureDecision", "all", "re-evaluation requested", n + " exposures: " + reason.strip());
        return n;
    }

    /**
     * The hospital's due time per outcome (IMMEDIATE, OUT_OF_CYCLE, SCHEDULED, DEFER; most urgent first), as the
     * policy sets them: what the screens tell people "act within …" from.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
    public Map<String, Duration> dueTimes() {
        Map<String, Duration> out = new LinkedHashMap<>();
        for (Outcome o : List.of(Outcome.IMMEDIATE, Outcome.OUT_OF_CYCLE, Outcome.SCHEDULED, Outcome.DEFER)) {
            out.put(o.name(), settings.policy().dueTime(o));
        }
        return out;
    }

    /** Exposures waiting for (re-)evaluation. */
    public long pending() {
        return engine.pendingCount();
    }

    // ---- roll-ups ------------------------------------------------------------------------------

    /** One row per department (clinical managers: their own), worst first; read from the kept roll-up. */
    public List<RiskRollup> departments() {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        restrictToOwnDepartments(where, "dep.id");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT dep.id, dep.code, dep.name, f.name, r.exposed_devices, "
                + "r.open_exposures, r.immediate, r.out_of_cycle, r.scheduled, r.deferred, r.score_sum, r.max_score "
                + "FROM department dep JOIN facility f ON f.id = dep.facility_id "
                + "LEFT JOIN department_risk r ON r.department_id = dep.id" + where).getResultList();
        Map<Long, Long> devices = devicesPerDepartment();
        Map<Long, Long> overdue = overduePerDepartment();
        List<RiskRollup> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            long exposed = count(r[4]);
            out.add(new RiskRollup((String) r[1], (String) r[2], (String) r[3], devices.getOrDefault(id, 0L), exposed,
                    count(r[5]), count(r[6]), count(r[7]), count(r[8]), count(r[9]), overdue.getOrDefault(id, 0L),
                    exposed == 0 ? 0 : (int) Math.round((double) count(r[10]) / exposed), (int) count(r[11])));
        }
        out.sort(WORST_FIRST);
        return out;
    }

    /** Devices not retired per department, counted from the (status, department) index. */
    private Map<Long, Long> devicesPerDepartment() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT department_id, COUNT(*) FROM device WHERE status <> 'RETIRED' "
                + "GROUP BY department_id").getResultList();
        Map<Long, Long> out = new java.util.HashMap<>();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), count(r[1])));
        return out;
    }

    /** Open, unaccepted exposures past their due date per department (a range on the due-date index). */
    private Map<Long, Long> overduePerDepartment() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.department_id, COUNT(*) FROM exposure_decision x "
                + "JOIN device d ON d.id = x.device_id WHERE x.open_exposure = TRUE AND x.due_at < ?1 "
                + "AND x.accepted_until IS NULL GROUP BY d.department_id")
                .setParameter(1, Timestamp.from(clock.instant())).getResultList();
        Map<Long, Long> out = new java.util.HashMap<>();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), count(r[1])));
        return out;
    }

    /**
     * One row per facility, summed from {@link #departments()}: the score is the mean over the facility's exposed
     * devices (departments weighted by their exposed devices), the maximum the worst device.
     */
    public List<RiskRollup> facilities() {
        Map<String, List<RiskRollup>> byFacility = new java.util.TreeMap<>();
        for (RiskRollup d : departments()) {
            byFacility.computeIfAbsent(d.facility(), k -> new ArrayList<>()).add(d);
        }
        List<RiskRollup> out = new ArrayList<>();
        byFacility.forEach((facility, deps) -> {
            long exposed = deps.stream().mapToLong(RiskRollup::exposedDevices).sum();
            double weighted = deps.stream().mapToDouble(d -> (double) d.score() * d.exposedDevices()).sum();
            out.add(new RiskRollup(facility, facility, facility, deps.stream().mapToLong(RiskRollup::devices).sum(),
                    exposed, deps.stream().mapToLong(RiskRollup::openExposures).sum(),
                    deps.stream().mapToLong(RiskRollup::immediate).sum(), deps.stream().mapToLong(RiskRollup::outOfCycle).sum(),
                    deps.stream().mapToLong(RiskRollup::scheduled).sum(), deps.stream().mapToLong(RiskRollup::deferred).sum(),
                    deps.stream().mapToLong(RiskRollup::overdue).sum(),
                    exposed == 0 ? 0 : (int) Math.round(weighted / exposed),
                    deps.stream().mapToInt(RiskRollup::maxScore).max().orElse(0)));
        });
        out.sort(WORST_FIRST);
        return out;
    }

    private static final java.util.Comparator<RiskRollup> WORST_FIRST = (a, b) -> a.immediate() != b.immediate()
            ? Long.compare(b.immediate(), a.immediate())
            : a.score() != b.score() ? Integer.compare(b.score(), a.score()) : a.code().compareTo(b.code());

    /** The roll-up of one device; zeros when it has no open exposure. */
    public DeviceRisk device(String assetTag) {
        Object[] r = (Object[]) singleOrNull(em.createNativeQuery("SELECT d.id, d.department_id, r.score, r.open_exposures, "
                + "r.immediate, r.out_of_cycle, r.scheduled, r.deferred FROM device d LEFT JOIN device_risk r "
                + "ON r.device_id = d.id WHERE d.asset_tag = ?1").setParameter(1, assetTag == null ? "" : assetTag.strip()));
        if (r == null) {
            throw new NotFoundException("Device", assetTag);
        }
        requireOwnDepartment(((Number) r[1]).longValue(), assetTag);
        return new DeviceRisk(assetTag.strip(), (int) count(r[2]), (int) count(r[3]), (int) count(r[4]),
                (int) count(r[5]), (int) count(r[6]), (int) count(r[7]));
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The database id of an exposure by its public id; clinical managers only for their departments. */
    long exposureDbId(String exposureId) {
        Object id = singleOrNull(em.createNativeQuery("SELECT id FROM exposure WHERE public_id = ?1")
                .setParameter(1, exposureId == null ? "" : exposureId.strip()));
        if (id == null) {
            throw new NotFoundException("Exposure", exposureId);
        }
        return ((Number) id).longValue();
    }

    private long departmentOfExposure(long exposureId) {
        return ((Number) em.createNativeQuery("SELECT d.department_id FROM exposure e JOIN device d ON d.id = e.device_id "
                + "WHERE e.id = ?1").setParameter(1, exposureId).getSingleResult()).longValue();
    }

    /** Clinical managers (without another role that sees everything) are limited to their departments. */
    boolean limitedToOwnDepartments() {
        return RiskLookup.limitedToOwnDepartments(currentUser);
    }

    private void restrictToOwnDepartments(StringBuilder where, String column) {
        if (limitedToOwnDepartments()) {
            Set<Long> mine = lookup.departmentsOf(currentUser.username());
            where.append(" AND ").append(mine.isEmpty() ? "1 = 0" : column + " IN (" + DecisionEngine.ids(mine) + ")");
        }
    }

    void requireOwnDepartment(long departmentId, String key) {
        if (limitedToOwnDepartments() && !lookup.departmentsOf(currentUser.username()).contains(departmentId)) {
            throw new NotFoundException("Exposure", key);
        }
    }

    private List<String> overriddenPoints(long exposureId) {
        @SuppressWarnings("unchecked")
        List<String> points = em.createNativeQuery("SELECT decision_point FROM decision_override WHERE exposure_id = ?1")
                .setParameter(1, exposureId).getResultList();
        return points;
    }

    private static PointView point(DecisionPoint p, String valueLabel, String value, String why, List<String> overridden) {
        return new PointView(p.name(), p.label(), value, valueLabel, why, overridden.contains(p.name()));
    }

    static List<ScoreFactor> factors(String stored) {
        List<ScoreFactor> out = new ArrayList<>();
        for (String part : stored.split("; ")) {
            Matcher m = FACTOR.matcher(part.strip());
            if (m.matches()) {
                out.add(new ScoreFactor(m.group(1), Integer.parseInt(m.group(2))));
            }
        }
        return out;
    }

    private static String label(String outcome) {
        return outcome == null ? null : Outcome.valueOf(outcome).label();
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        String v = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(v)) {
                return e;
            }
        }
        throw new InvalidInputException(field, "must be one of " + String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static Object singleOrNull(jakarta.persistence.Query q) {
        List<?> l = q.setMaxResults(1).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

}
