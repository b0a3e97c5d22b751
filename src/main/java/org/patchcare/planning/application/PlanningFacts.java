package org.patchcare.planning.application;

import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.downtime.domain.BlackoutRule;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.ConflictRules.DeviceFact;
import org.patchcare.downtime.domain.ConflictRules.PlannedWindow;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.planning.domain.GroupMember;
import org.patchcare.planning.domain.Interval;
import org.patchcare.planning.domain.LowCensusWindow;
import org.patchcare.planning.domain.PlanGroup;
import org.patchcare.planning.domain.PlanSolution;
import org.patchcare.planning.domain.PlanTask;
import org.patchcare.planning.domain.PlanTechnician;
import org.patchcare.planning.domain.Planner;
import org.patchcare.planning.domain.Priority;
import org.patchcare.planning.domain.Slot;
import org.patchcare.planning.domain.Technician;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.persistence.Params;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads a planning problem from the tables of inventory, risk, downtime and planning by SQL (ADR 10's way): the
 * devices to plan (from pending change requests, from exposures, or every open exposure without a request in the
 * departments), the approved and scheduled windows as pinned tasks, blackouts, low-census hours, windows of other
 * requests (device already down, technician booked), redundancy groups, technicians and vendor visits.
 * Runs in the caller's transaction.
 */
@ApplicationScoped
public class PlanningFacts {

    /** The most devices one run plans. */
    public static final int MAX_TASKS = 500;

    @PersistenceContext
    EntityManager em;

    /** What a run asks for. */
    public record Scope(Instant from, Instant to, List<String> departments, List<String> requestIds,
                        List<String> exposureIds) {
    }

    /** The problem and what the proposals need beyond it (per device: department id, exposures). */
    public record Problem(PlanSolution solution, Map<Long, Long> departmentOf, Map<Long, List<String>> exposuresOf,
                          int pinned) {
    }

    private record Device(long id, String tag, String status, long departmentId, String department, ZoneId zone,
                          long modelId, String model, String type, String manufacturer, long manufacturerId,
                          String location) {
    }

    private static final String DEVICE = "SELECT d.id, d.asset_tag, d.status, d.department_id, dep.code, f.time_zone, "
            + "m.id, m.name, m.device_type, man.name, man.id, l.building, l.floor FROM device d "
            + "JOIN department dep ON dep.id = d.department_id JOIN facility f ON f.id = dep.facility_id "
            + "JOIN device_model m ON m.id = d.model_id JOIN manufacturer man ON man.id = m.manufacturer_id "
            + "LEFT JOIN location l ON l.id = d.location_id";

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<?> params) {
        return Params.bind(em.createNativeQuery(sql), params).getResultList();
    }

    private static String ids(Collection<Long> ids) {
        return ids.isEmpty() ? "NULL" : ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String quoted(java.util.stream.Stream<? extends Enum<?>> values) {
        return values.map(v -> "'" + v.name() + "'").collect(Collectors.joining(", "));
    }

    static final String HOLDING = quoted(Arrays.stream(ChangeRequestStatus.values())
            .filter(ChangeRequestStatus::holdsDowntime));
    static final String BLOCKING = quoted(Arrays.stream(WindowStatus.values()).filter(WindowStatus::blocksDevice));
    /** Requests whose devices are already taken care of (not planned again from their exposures). */
    static final String ACTIVE = HOLDING + ", 'DRAFT'";

    public Problem load(Scope scope) {
        Set<Long> departmentIds = departments(scope.departments());
        // devices to plan: id -> (due, priority, exposures, request, minutes)
        record Want(Instant due, Priority priority, List<String> exposures, String request, Integer minutes) {
        }
        Map<Long, Want> wanted = new LinkedHashMap<>();
        boolean picked = !scope.requestIds().isEmpty() || !scope.exposureIds().isEmpty();
        if (!scope.requestIds().isEmpty()) {
            List<Object[]> rs = rows("SELECT r.public_id, r.status, r.expected_minutes, r.id FROM change_request r "
                    + "WHERE r.public_id IN (" + Params.placeholders(scope.requestIds().size()) + ")", scope.requestIds());
            Set<String> found = new HashSet<>();
            for (Object[] r : rs) {
                found.add((String) r[0]);
                if (!"DRAFT".equals(r[1])) {
                    throw new InvalidInputException("requestIds", "Change request " + r[0] + " is " + r[1]
                            + "; only drafts are planned (approved ones are kept as they are).");
                }
                long crId = ((Number) r[3]).longValue();
                Map<Long, Object[]> exp = exposureFacts("x.id IN (SELECT exposure_id FROM change_request_exposure "
                        + "WHERE change_request_id = " + crId + ")", List.of());
                for (Object[] d : rows("SELECT device_id, change_request_id FROM change_request_device WHERE change_request_id = "
                        + crId, List.of())) {
                    long dev = ((Number) d[0]).longValue();
                    Object[] e = exp.get(dev);
                    wanted.put(dev, new Want(e == null ? null : instant(e[1]), e == null ? Priority.SCHEDULED
                            : Priority.of((String) e[2]), e == null ? List.of() : List.of(((String) e[3]).split(",")),
                            (String) r[0], ((Number) r[2]).intValue()));
                }
            }
            List<String> unknown = scope.requestIds().stream().filter(id -> !found.contains(id)).toList();
            if (!unknown.isEmpty()) {
                throw new InvalidInputException("requestIds", "No change request has the id " + String.join(", ",
                        unknown) + ".");
            }
        }
        if (!scope.exposureIds().isEmpty()) {
            Map<Long, Object[]> exp = exposureFacts("xd.open_exposure = TRUE AND x.public_id IN ("
                    + Params.placeholders(scope.exposureIds().size()) + ")", scope.exposureIds());
            long count = exp.values().stream().mapToLong(e -> ((String) e[3]).split(",").length).sum();
            if (count < scope.exposureIds().size()) {
                throw new InvalidInputException("exposureIds", "Some exposures are unknown or no longer open.");
            }
            exp.forEach((dev, e) -> wanted.putIfAbsent(dev, new Want(instant(e[1]), Priority.of((String) e[2]),
                    List.of(((String) e[3]).split(",")), null, null)));
        }
        if (!picked) {
            String where = "xd.open_exposure = TRUE AND xd.outcome <> 'DEFER' AND x.device_id NOT IN (SELECT crd.device_id "
                    + "FROM change_request_device crd JOIN change_request r ON r.id = crd.change_request_id "
                    + "WHERE r.status IN (" + ACTIVE + "))"
                    + (departmentIds.isEmpty() ? "" : " AND d.department_id IN (" + ids(departmentIds) + ")")
                    + " AND d.status = 'IN_SERVICE'";
            exposureFacts(where, List.of()).forEach((dev, e) -> wanted.put(dev, new Want(instant(e[1]),
                    Priority.of((String) e[2]), List.of(((String) e[3]).split(",")), null, null)));
        }
        if (wanted.size() > MAX_TASKS) {
            throw new InvalidInputException("departments", wanted.size() + " devices need a window; plan at most "
                    + MAX_TASKS + " at once (choose departments).");
        }

        // approved and scheduled windows in the horizon: pinned
        record Pin(long deviceId, Instant start, Instant end, String technician, String request) {
        }
        List<Pin> pins = new ArrayList<>();
        Set<Long> depScope = new HashSet<>(departmentIds);
        if (depScope.isEmpty()) {
            Set<Long> wantedIds = wanted.keySet();
            if (!wantedIds.isEmpty()) {
                rows("SELECT department_id, COUNT(*) FROM device WHERE id IN (" + ids(wantedIds) + ") GROUP BY "
                        + "department_id", List.of()).forEach(r -> depScope.add(((Number) r[0]).longValue()));
            }
        }
        if (!depScope.isEmpty()) {
            for (Object[] r : rows("SELECT w.device_id, w.starts_at, w.ends_at, COALESCE(w.technician, r.technician), "
                    + "r.public_id FROM downtime_window w JOIN change_request r ON r.id = w.change_request_id "
                    + "JOIN device d ON d.id = w.device_id WHERE r.status IN ('APPROVED', 'SCHEDULED') AND w.status IN ("
                    + BLOCKING + ") AND w.starts_at < ?1 AND w.ends_at > ?2 AND d.department_id IN (" + ids(depScope)
                    + ")", List.of(java.sql.Timestamp.from(scope.to()), java.sql.Timestamp.from(scope.from())))) {
                long dev = ((Number) r[0]).longValue();
                if (!wanted.containsKey(dev) || wanted.get(dev).request() == null) {
                    pins.add(new Pin(dev, instant(r[1]), instant(r[2]), (String) r[3], (String) r[4]));
                    wanted.remove(dev);
                }
            }
        }
        // devices waiting for approval or under way in another request are not planned again (their windows hold)
        Set<Long> fromExposures = wanted.entrySet().stream().filter(e -> e.getValue().request() == null)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        if (!fromExposures.isEmpty()) {
            rows("SELECT crd.device_id, r.id FROM change_request_device crd JOIN change_request r ON r.id = "
                    + "crd.change_request_id WHERE r.status IN ('SUBMITTED', 'IN_PROGRESS', 'DRAFT') AND crd.device_id IN ("
                    + ids(fromExposures) + ")", List.of()).forEach(r -> wanted.remove(((Number) r[0]).longValue()));
        }
        Set<String> pinnedRequests = pins.stream().map(Pin::request).collect(Collectors.toSet());
        Set<String> plannedRequests = wanted.values().stream().map(Want::request).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> ownRequests = new HashSet<>(pinnedRequests);
        ownRequests.addAll(plannedRequests);

        Set<Long> taskDevices = new HashSet<>(wanted.keySet());
        pins.forEach(p -> taskDevices.add(p.deviceId()));
        // groups of those devices
        Map<Long, String> groupName = new HashMap<>();
        Map<Long, Integer> groupMin = new HashMap<>();
        Map<Long, List<Long>> groupMembers = new HashMap<>();
        if (!taskDevices.isEmpty()) {
            for (Object[] r : rows("SELECT g.id, g.name, g.minimum_available, m.device_id FROM redundancy_group g "
                    + "JOIN redundancy_group_member m ON m.group_id = g.id WHERE g.id IN (SELECT group_id FROM "
                    + "redundancy_group_member WHERE device_id IN (" + ids(taskDevices) + "))", List.of())) {
                long g = ((Number) r[0]).longValue();
                groupName.put(g, (String) r[1]);
                groupMin.put(g, ((Number) r[2]).intValue());
                groupMembers.computeIfAbsent(g, k -> new ArrayList<>()).add(((Number) r[3]).longValue());
            }
        }
        Set<Long> allDevices = new HashSet<>(taskDevices);
        groupMembers.values().forEach(allDevices::addAll);
        Map<Long, Device> devices = devices(allDevices);

        // other requests' windows (device already down, technician booked)
        List<Object[]> others = rows("SELECT w.device_id, d.asset_tag, w.starts_at, w.ends_at, r.reference, r.kind, "
                + "COALESCE(w.technician, r.technician), r.public_id FROM downtime_window w JOIN change_request r ON "
                + "r.id = w.change_request_id JOIN device d ON d.id = w.device_id WHERE w.starts_at < ?1 AND "
                + "w.ends_at > ?2 AND w.status IN (" + BLOCKING + ") AND r.status IN (" + HOLDING + ")",
                List.of(java.sql.Timestamp.from(scope.to()), java.sql.Timestamp.from(scope.from())));
        Map<Long, List<Interval>> busy = new HashMap<>();
        Map<String, List<Interval>> booked = new HashMap<>();
        List<PlannedWindow> planned = new ArrayList<>();
        for (Object[] r : others) {
            if (ownRequests.contains((String) r[7])) {
                continue;
            }
            long dev = ((Number) r[0]).longValue();
            Interval i = new Interval(instant(r[2]), instant(r[3]), (String) r[4]);
            busy.computeIfAbsent(dev, k -> new ArrayList<>()).add(i);
            if (r[6] != null) {
                booked.computeIfAbsent(((String) r[6]).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(new Interval(i.start(), i.end(), r[4] + " on " + r[1]));
            }
            planned.add(new PlannedWindow(dev, (String) r[1], i.start(), i.end(), (String) r[4], (String) r[5],
                    (String) r[6]));
        }

        // technicians
        List<PlanTechnician> technicians = new ArrayList<>();
        em.createQuery("select t from Technician t where t.active = true order by t.username", Technician.class)
                .getResultList().forEach(t -> technicians.add(new PlanTechnician(t.getUsername(), t.skillSet(),
                        t.getDailyMinutes(), booked.getOrDefault(t.getUsername().toLowerCase(Locale.ROOT), List.of()),
                        false)));
        PlanTechnician nobody = PlanTechnician.nobody();
        technicians.add(nobody);

        // slots
        List<Slot> slots = Planner.slots(scope.from(), scope.to(), Planner.STEP_MINUTES,
                pins.stream().map(Pin::start).toList());
        Map<Instant, Slot> slotAt = new HashMap<>();
        slots.forEach(s -> slotAt.putIfAbsent(s.start(), s));

        // blackouts, low census, vendor visits, model rules
        Set<Long> deps = devices.values().stream().map(Device::departmentId).collect(Collectors.toSet());
        Map<Long, List<BlackoutRule>> blackouts = new HashMap<>();
        for (Object[] r : rows("SELECT department_id, title, recurring, days_of_week, local_start, local_end, "
                + "first_day, last_day FROM blackout_window WHERE active = TRUE AND department_id IN (" + ids(deps)
                + ")", List.of())) {
            boolean weekly = org.patchcare.shared.persistence.Rows.bool(r[2]);
            BlackoutRule rule = weekly ? BlackoutRule.weekly((String) r[1], BlackoutRule.parseDays((String) r[3]),
                    LocalTime.parse((String) r[4]), LocalTime.parse((String) r[5]))
                    : BlackoutRule.days((String) r[1], org.patchcare.shared.persistence.Rows.date(r[6]),
                    org.patchcare.shared.persistence.Rows.date(r[7]));
            blackouts.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>()).add(rule);
        }
        Map<Long, List<BlackoutRule>> lowCensus = new HashMap<>();
        if (!deps.isEmpty()) {
            em.createQuery("select w from LowCensusWindow w where w.departmentId in :d", LowCensusWindow.class)
                    .setParameter("d", deps).getResultList().forEach(w -> lowCensus.computeIfAbsent(
                            w.getDepartmentId(), k -> new ArrayList<>()).add(w.rule()));
        }
        Map<Long, Object[]> modelRules = new HashMap<>();
        rows("SELECT model_id, vendor_required, expected_minutes FROM model_planning_rule", List.of())
                .forEach(r -> modelRules.put(((Number) r[0]).longValue(), r));
        Map<Long, List<Interval>> visits = new HashMap<>();
        for (Object[] r : rows("SELECT v.manufacturer_id, v.starts_at, v.ends_at, COALESCE(v.engineer, m.name) FROM "
                + "vendor_visit v JOIN manufacturer m ON m.id = v.manufacturer_id WHERE v.starts_at < ?1 AND "
                + "v.ends_at > ?2", List.of(java.sql.Timestamp.from(scope.to()), java.sql.Timestamp.from(scope.from())))) {
            visits.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                    .add(new Interval(instant(r[1]), instant(r[2]), (String) r[3]));
        }

        // tasks
        List<PlanTask> tasks = new ArrayList<>();
        Map<Long, Long> departmentOf = new HashMap<>();
        Map<Long, List<String>> exposuresOf = new HashMap<>();
        Map<Long, Pin> pinOf = pins.stream().collect(Collectors.toMap(Pin::deviceId, p -> p, (a, b) -> a));
        for (long id : taskDevices) {
            Device d = devices.get(id);
            Want w = wanted.get(id);
            Pin p = pinOf.get(id);
            Object[] rule = modelRules.get(d.modelId());
            boolean vendorRequired = rule != null && org.patchcare.shared.persistence.Rows.bool(rule[1]);
            int minutes = p != null ? (int) Duration.between(p.start(), p.end()).toMinutes()
                    : w.minutes() != null ? w.minutes() : rule != null && rule[2] != null ? ((Number) rule[2]).intValue()
                    : org.patchcare.downtime.application.ChangeRequestService.DEFAULT_MINUTES;
            PlanTask t = new PlanTask(id, d.tag(), d.model(), d.department(), d.zone(), d.manufacturer() + " "
                    + d.model(), d.location() == null ? null : d.department() + " " + d.location(), minutes,
                    w == null ? null : w.due(), w == null ? Priority.SCHEDULED : w.priority(),
                    (d.type() + "|" + d.manufacturer()).toLowerCase(Locale.ROOT),
                    vendorRequired && p == null ? d.manufacturer() : null);
            t.prepare(slots, scope.to(), blackouts.getOrDefault(d.departmentId(), List.of()),
                    busy.getOrDefault(id, List.of()), "IN_SERVICE".equals(d.status()) || p != null,
                    visits.getOrDefault(d.manufacturerId(), List.of()), lowCensus.getOrDefault(d.departmentId(),
                            List.of()));
            if (p != null) {
                t.setSlot(slotAt.get(p.start()));
                t.setTechnician(technicians.stream().filter(x -> x.username().equalsIgnoreCase(
                        p.technician() == null ? "" : p.technician())).findFirst().orElse(nobody));
                t.setPinned(true);
                t.setRequestId(p.request());
            } else {
                t.setRequestId(w.request());
                exposuresOf.put(id, w.exposures());
            }
            departmentOf.put(id, d.departmentId());
            tasks.add(t);
        }
        tasks.sort(java.util.Comparator.comparing(PlanTask::getAssetTag));

        List<GroupMember> memberships = new ArrayList<>();
        groupMembers.forEach((g, members) -> {
            List<DeviceFact> facts = members.stream().map(devices::get).map(d -> new DeviceFact(d.id(), d.tag(),
                    d.status(), d.departmentId(), d.zone())).toList();
            Set<Long> m = new HashSet<>(members);
            PlanGroup group = new PlanGroup(groupName.get(g), groupMin.get(g), facts, planned.stream()
                    .filter(x -> m.contains(x.deviceId())).toList());
            members.forEach(id -> memberships.add(new GroupMember(group, id)));
        });
        return new Problem(new PlanSolution(scope.from(), scope.to(), slots, technicians, memberships, tasks),
                departmentOf, exposuresOf, pins.size());
    }

    /** Per device: [device id, earliest due, most urgent outcome, exposure public ids joined by ','] of open exposures. */
    private Map<Long, Object[]> exposureFacts(String where, List<?> params) {
        Map<Long, Object[]> out = new LinkedHashMap<>();
        for (Object[] r : rows("SELECT x.device_id, xd.due_at, xd.outcome, xd.outcome_rank, x.public_id FROM exposure x "
                + "JOIN exposure_decision xd ON xd.exposure_id = x.id JOIN device d ON d.id = x.device_id WHERE "
                + where + " ORDER BY x.device_id, xd.outcome_rank, xd.due_at", params)) {
            long dev = ((Number) r[0]).longValue();
            Object[] cur = out.get(dev);
            if (cur == null) {
                out.put(dev, new Object[]{dev, r[1], r[2], r[4]});
            } else {
                if (instant(r[1]).isBefore(instant(cur[1]))) {
                    cur[1] = r[1];
                }
                cur[3] = cur[3] + "," + r[4];
            }
        }
        return out;
    }

    private Set<Long> departments(List<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        List<Object[]> rs = rows("SELECT id, code FROM department WHERE code IN (" + Params.placeholders(codes.size())
                + ")", codes);
        Set<String> found = rs.stream().map(r -> (String) r[1]).collect(Collectors.toSet());
        List<String> unknown = codes.stream().filter(c -> !found.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("departments", "No department has the code " + String.join(", ", unknown)
                    + ".");
        }
        return rs.stream().map(r -> ((Number) r[0]).longValue()).collect(Collectors.toSet());
    }

    private Map<Long, Device> devices(Set<Long> ids) {
        Map<Long, Device> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Object[] r : rows(DEVICE + " WHERE d.id IN (" + ids(ids) + ")", List.of())) {
            String loc = r[11] == null ? null : r[11] + (r[12] == null ? "" : " floor " + r[12]);
            out.put(((Number) r[0]).longValue(), new Device(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                    ((Number) r[3]).longValue(), (String) r[4], ZoneId.of((String) r[5]), ((Number) r[6]).longValue(),
                    (String) r[7], (String) r[8], (String) r[9], ((Number) r[10]).longValue(), loc));
        }
        return out;
    }

}
