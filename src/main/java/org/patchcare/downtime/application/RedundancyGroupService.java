package org.patchcare.downtime.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.downtime.application.DowntimeViews.RedundancyGroupView;
import org.patchcare.downtime.domain.ConflictRules.DeviceFact;
import org.patchcare.downtime.domain.RedundancyGroup;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.Rows;
import org.patchcare.shared.security.CurrentUser;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Redundancy groups with a minimum in service. Read by everyone; written by biomed and ADMIN. Every change is audited in
 * its transaction; a stale version is refused (409).
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class RedundancyGroupService {

    static final String AUDIT_TYPE = "RedundancyGroup";

    @PersistenceContext
    EntityManager em;
    @Inject
    DowntimeFacts facts;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    public List<RedundancyGroupView> list() {
        List<RedundancyGroup> groups = em.createQuery("select g from RedundancyGroup g order by g.name",
                RedundancyGroup.class).getResultList();
        return views(groups);
    }

    public RedundancyGroupView get(String id) {
        return views(List.of(require(id))).getFirst();
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public RedundancyGroupView create(RedundancyGroupCommand command) {
        Input in = input(command, null);
        RedundancyGroup g = new RedundancyGroup(command.name(), in.departmentId(), command.minimumAvailable(),
                in.deviceIds());
        g.touch(currentUser.username(), clock.instant());
        em.persist(g);
        audit.created(AUDIT_TYPE, g.getPublicId(), snapshot(g, in.tags(), in.departmentCode()));
        return get(g.getPublicId());
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public RedundancyGroupView update(String id, Integer version, RedundancyGroupCommand command) {
        RedundancyGroup g = require(id);
        if (version == null) {
            throw new InvalidInputException("version", "Send the version you saw, so nobody's change is overwritten.");
        }
        if (g.getVersion() != version) {
            throw ConflictException.staleEdit("Redundancy group", g.getName());
        }
        RedundancyGroupView before = views(List.of(g)).getFirst();
        Input in = input(command, g);
        g.change(command.name(), in.departmentId(), command.minimumAvailable(), in.deviceIds());
        g.touch(currentUser.username(), clock.instant());
        facts.flush("Redundancy group", g.getName());
        audit.changed(AUDIT_TYPE, g.getPublicId(), snapshot(before), snapshot(g, in.tags(), in.departmentCode()), null);
        return get(g.getPublicId());
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public void delete(String id, Integer version) {
        RedundancyGroup g = require(id);
        if (version == null) {
            throw new InvalidInputException("version", "Send the version you saw, so nobody's change is overwritten.");
        }
        if (g.getVersion() != version) {
            throw ConflictException.staleEdit("Redundancy group", g.getName());
        }
        audit.deleted(AUDIT_TYPE, g.getPublicId(), snapshot(views(List.of(g)).getFirst()), null);
        em.remove(g);
        facts.flush("Redundancy group", g.getName());
    }

    private record Input(Long departmentId, String departmentCode, Set<Long> deviceIds, List<String> tags) {
    }

    /** Checks the command at the boundary: every problem at once, each on its field. */
    private Input input(RedundancyGroupCommand c, RedundancyGroup current) {
        if (c == null) {
            throw new InvalidInputException("group", "Send the group's fields.");
        }
        List<InvalidInputException.Violation> problems = new ArrayList<>();
        List<String> tags = c.assetTags() == null ? List.of() : c.assetTags().stream()
                .filter(t -> t != null && !t.isBlank()).map(String::strip).distinct().toList();
        Map<String, DeviceFact> devices = Map.of();
        try {
            devices = facts.devicesByTag(tags, "assetTags");
        } catch (InvalidInputException e) {
            problems.addAll(e.violations());
        }
        Long departmentId = null;
        String departmentCode = null;
        if (c.departmentCode() != null && !c.departmentCode().isBlank()) {
            try {
                var d = facts.department(c.departmentCode(), "departmentCode");
                departmentId = d.id();
                departmentCode = d.code();
            } catch (InvalidInputException e) {
                problems.addAll(e.violations());
            }
        }
        problems.addAll(RedundancyGroup.problems(c.name(), c.minimumAvailable() == null ? 0 : c.minimumAvailable(), tags.size()).stream()
                .filter(v -> problems.stream().noneMatch(p -> p.field().equals(v.field()))).toList());
        if (c.name() != null && !c.name().isBlank()) {
            boolean taken = em.createQuery("select g from RedundancyGroup g where lower(g.name) = :n",
                            RedundancyGroup.class).setParameter("n", c.name().strip().toLowerCase(java.util.Locale.ROOT))
                    .getResultStream().anyMatch(g -> current == null || !g.getPublicId().equals(current.getPublicId()));
            if (taken) {
                problems.add(new InvalidInputException.Violation("name", "A redundancy group called '"
                        + c.name().strip() + "' exists already; choose another name."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<Long> ids = devices.values().stream().map(DeviceFact::id).collect(Collectors.toSet());
        return new Input(departmentId, departmentCode, ids, tags.stream().sorted().toList());
    }

    private List<RedundancyGroupView> views(List<RedundancyGroup> groups) {
        Set<Long> all = new HashSet<>();
        groups.forEach(g -> all.addAll(g.getDeviceIds()));
        Map<Long, DeviceFact> devices = facts.devicesById(all).stream()
                .collect(Collectors.toMap(DeviceFact::id, Function.identity()));
        Set<Long> downNow = downNow(all, clock.instant());
        Map<Long, String> deps = new java.util.HashMap<>();
        List<RedundancyGroupView> out = new ArrayList<>();
        for (RedundancyGroup g : groups) {
            List<DeviceFact> members = g.getDeviceIds().stream().map(devices::get).filter(java.util.Objects::nonNull)
                    .sorted(Comparator.comparing(DeviceFact::assetTag)).toList();
            int inService = (int) members.stream().filter(m -> m.inService() && !downNow.contains(m.id())).count();
            String dep = g.getDepartmentId() == null ? null
                    : deps.computeIfAbsent(g.getDepartmentId(), id -> facts.department(id).code());
            out.add(new RedundancyGroupView(g.getPublicId(), g.getName(), dep, g.getMinimumAvailable(),
                    members.stream().map(DeviceFact::assetTag).toList(), inService, g.getVersion()));
        }
        return out;
    }

    /** Devices whose downtime window is in progress at {@code now}. */
    private Set<Long> downNow(Set<Long> deviceIds, Instant now) {
        if (deviceIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT device_id FROM downtime_window WHERE status = 'IN_PROGRESS' "
                        + "AND starts_at <= ?1 AND ends_at > ?1 AND device_id IN (" + DowntimeFacts.ids(deviceIds) + ")")
                .setParameter(1, Timestamp.from(now)).getResultList();
        Set<Long> out = new HashSet<>();
        rows.forEach(r -> out.add(Rows.count(r)));
        return out;
    }

    private RedundancyGroup require(String id) {
        return em.createQuery("select g from RedundancyGroup g where g.publicId = :id", RedundancyGroup.class)
                .setParameter("id", id == null ? "" : id.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Redundancy group", id));
    }

    private static Snapshot snapshot(RedundancyGroup g, List<String> tags, String departmentCode) {
        return Snapshot.empty().with("name", g.getName()).with("department", departmentCode)
                .with("minimumAvailable", g.getMinimumAvailable()).with("devices", String.join(", ", tags));
    }

    private static Snapshot snapshot(RedundancyGroupView v) {
        return Snapshot.empty().with("name", v.name()).with("department", v.departmentCode())
                .with("minimumAvailable", v.minimumAvailable()).with("devices", String.join(", ", v.assetTags()));
    }
}
