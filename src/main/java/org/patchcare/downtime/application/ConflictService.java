package org.patchcare.downtime.application;

import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal;
import org.patchcare.downtime.application.DowntimeViews.ConflictView;
import org.patchcare.downtime.domain.BlackoutWindow;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.ConflictRules;
import org.patchcare.downtime.domain.ConflictRules.Blackout;
import org.patchcare.downtime.domain.ConflictRules.DeviceFact;
import org.patchcare.downtime.domain.ConflictRules.Group;
import org.patchcare.downtime.domain.ConflictRules.PlannedWindow;
import org.patchcare.downtime.domain.ConflictRules.Proposal;
import org.patchcare.downtime.domain.DowntimeWindow;
import org.patchcare.downtime.domain.RedundancyGroup;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the conflicts of proposed windows: device already down, inside a department's blackout, a redundancy group
 * below its minimum (counting devices out of service or in repair and other planned windows), technician
 * double-booked. {@code excludingRequestId} leaves the request's own current windows out (re-checks on approval).
 * Loads the facts and leaves the rules to {@link ConflictRules}.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ConflictService {

    /** The most windows one check takes. */
    public static final int MAX_WINDOWS = 500;

    @PersistenceContext
    EntityManager em;
    @Inject
    DowntimeFacts facts;

    public List<ConflictView> check(List<WindowProposal> windows, String technician, String excludingRequestId) {
        if (windows == null || windows.isEmpty()) {
            return List.of();
        }
        if (windows.size() > MAX_WINDOWS) {
            throw new InvalidInputException("windows", "At most " + MAX_WINDOWS + " windows are checked at once.");
        }
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            WindowProposal w = windows.get(i);
            if (w == null || w.assetTag() == null || w.assetTag().isBlank()) {
                problems.add(new InvalidInputException.Violation("windows[" + i + "].assetTag",
                        "Name the device of each window by its asset tag."));
                continue;
            }
            try {
                DowntimeWindow.checkInterval(w.start(), w.end());
            } catch (InvalidInputException e) {
                problems.add(new InvalidInputException.Violation("windows[" + i + "]", e.violations().getFirst()
                        .message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, DeviceFact> byTag = facts.devicesByTag(windows.stream().map(WindowProposal::assetTag).toList(),
                "windows");
        List<Proposal> proposals = windows.stream().map(w -> new Proposal(byTag.get(w.assetTag().strip()).id(),
                w.start(), w.end())).toList();
        Instant from = proposals.stream().map(Proposal::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = proposals.stream().map(Proposal::end).max(Comparator.naturalOrder()).orElseThrow();

        Map<Long, DeviceFact> devices = new HashMap<>();
        byTag.values().forEach(d -> devices.put(d.id(), d));
        Set<Long> proposed = new HashSet<>(devices.keySet());

        List<RedundancyGroup> groupEntities = proposed.isEmpty() ? List.of() : em.createQuery(
                        "select distinct g from RedundancyGroup g join g.deviceIds m where m in :ids",
                        RedundancyGroup.class).setParameter("ids", proposed).getResultList();
        Set<Long> members = new HashSet<>();
        groupEntities.forEach(g -> members.addAll(g.getDeviceIds()));
        members.removeAll(devices.keySet());
        facts.devicesById(members).forEach(d -> devices.put(d.id(), d));
        List<Group> groups = groupEntities.stream().map(g -> new Group(g.getName(), g.getMinimumAvailable(),
                g.getDeviceIds().stream().map(devices::get).filter(java.util.Objects::nonNull).toList())).toList();

        Set<Long> departments = byTag.values().stream().map(DeviceFact::departmentId).collect(Collectors.toSet());
        List<Blackout> blackouts = new ArrayList<>();
        if (!departments.isEmpty()) {
            Map<Long, String> codes = new HashMap<>();
            em.createQuery("select b from BlackoutWindow b where b.active = true and b.departmentId in :d",
                            BlackoutWindow.class).setParameter("d", departments).getResultList()
                    .forEach(b -> blackouts.add(new Blackout(b.getDepartmentId(), codes.computeIfAbsent(
                            b.getDepartmentId(), id -> facts.department(id).code()), b.rule())));
        }

        Set<Long> watched = new HashSet<>(devices.keySet());
        List<PlannedWindow> planned = planned(watched, technician, from, to, excludingRequestId);

        return ConflictRules.check(proposals, technician == null ? null : technician.strip(), devices, planned,
                blackouts, groups).stream().map(c -> new ConflictView(c.type(), c.assetTag(), c.message(), c.from(),
                c.to())).toList();
    }

    /**
     * The windows holding downtime (window blocking, request waiting for or holding it) that overlap [from, to), of
     * the devices or of the technician, without the excluded request's.
     */
    private List<PlannedWindow> planned(Set<Long> deviceIds, String technician, Instant from, Instant to,
                                        String excludingRequestId) {
        String holding = Arrays.stream(ChangeRequestStatus.values()).filter(ChangeRequestStatus::holdsDowntime)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        String blocking = Arrays.stream(WindowStatus.values()).filter(WindowStatus::blocksDevice)
                .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));
        boolean tech = technician != null && !technician.isBlank();
        StringBuilder sql = new StringBuilder("SELECT w.device_id, d.asset_tag, w.starts_at, w.ends_at, r.reference, "
                + "r.kind, COALESCE(w.technician, r.technician) FROM downtime_window w "
                + "JOIN change_request r ON r.id = w.change_request_id JOIN device d ON d.id = w.device_id "
                + "WHERE w.starts_at < ?1 AND w.ends_at > ?2 AND w.status IN (" + blocking + ") AND r.status IN ("
                + holding + ") AND (w.device_id IN (" + DowntimeFacts.ids(deviceIds) + ")");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(to), Timestamp.from(from)));
        if (tech) {
            sql.append(" OR LOWER(COALESCE(w.technician, r.technician)) = ?").append(params.size() + 1);
            params.add(technician.strip().toLowerCase(java.util.Locale.ROOT));
        }
        sql.append(')');
        if (excludingRequestId != null && !excludingRequestId.isBlank()) {
            sql.append(" AND r.public_id <> ?").append(params.size() + 1);
            params.add(excludingRequestId.strip());
        }
        var q = em.createNativeQuery(sql.toString());
        org.patchcare.shared.persistence.Params.bind(q, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setMaxResults(5000).getResultList();
        return rows.stream().map(r -> new PlannedWindow(((Number) r[0]).longValue(), (String) r[1], instant(r[2]),
                instant(r[3]), (String) r[4], kindLabel((String) r[5]), (String) r[6])).toList();
    }

    private static String kindLabel(String kind) {
        try {
            return ChangeRequestKind.valueOf(kind).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return kind;
        }
    }
}
