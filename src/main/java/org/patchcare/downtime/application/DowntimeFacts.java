package org.patchcare.downtime.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.shared.persistence.Params;
import org.patchcare.downtime.domain.ConflictRules.DeviceFact;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the calendar, blackout, group and conflict services need from the inventory and identity tables (by
 * native SQL, never their entities: ADR 10). Runs in the caller's transaction.
 */
@ApplicationScoped
public class DowntimeFacts {

    @PersistenceContext
    EntityManager em;

    /** A department with its facility's zone. */
    public record DepartmentRef(long id, String code, String name, String facilityCode, ZoneId zone) {
    }

    private static final String DEPARTMENT = "SELECT dep.id, dep.code, dep.name, f.code, f.time_zone FROM department dep "
            + "JOIN facility f ON f.id = dep.facility_id";

    /** The department of a code; a refusal naming {@code field} when there is none. */
    public DepartmentRef department(String code, String field) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException(field, "Name the department by its code, e.g. ICU.");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(DEPARTMENT + " WHERE dep.code = ?1")
                .setParameter(1, code.strip()).getResultList();
        if (rows.isEmpty()) {
            throw new InvalidInputException(field, "No department has the code '" + code.strip() + "'.");
        }
        return department(rows.getFirst());
    }

    public DepartmentRef department(long id) {
        Object[] r = (Object[]) em.createNativeQuery(DEPARTMENT + " WHERE dep.id = ?1").setParameter(1, id)
                .getSingleResult();
        return department(r);
    }

    private static DepartmentRef department(Object[] r) {
        return new DepartmentRef(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ZoneId.of((String) r[4]));
    }

    private static final String DEVICE = "SELECT d.id, d.asset_tag, d.status, d.department_id, f.time_zone FROM device d "
            + "JOIN department dep ON dep.id = d.department_id JOIN facility f ON f.id = dep.facility_id";

    /**
     * The devices of the asset tags, keyed by tag in the order asked; unknown tags are refused together, listed, on
     * {@code field}.
     */
    public Map<String, DeviceFact> devicesByTag(Collection<String> tags, String field) {
        List<String> wanted = tags.stream().filter(t -> t != null && !t.isBlank()).map(String::strip).distinct()
                .toList();
        Map<String, DeviceFact> found = new LinkedHashMap<>();
        for (int i = 0; i < wanted.size(); i += 500) {
            List<String> chunk = wanted.subList(i, Math.min(wanted.size(), i + 500));
            var q = em.createNativeQuery(DEVICE + " WHERE d.asset_tag IN (" + Params.placeholders(chunk.size()) + ")");
            Params.bind(q, new ArrayList<>(chunk));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = q.getResultList();
            rows.stream().map(DowntimeFacts::device).forEach(d -> found.put(d.assetTag(), d));
        }
        List<String> unknown = wanted.stream().filter(t -> !found.containsKey(t)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(field, (unknown.size() == 1 ? "No device has the asset tag "
                    : "No devices have the asset tags ") + String.join(", ", unknown) + ".");
        }
        Map<String, DeviceFact> ordered = new LinkedHashMap<>();
        wanted.forEach(t -> ordered.put(t, found.get(t)));
        return ordered;
    }

    /** The devices of the database ids. */
    public List<DeviceFact> devicesById(Collection<Long> ids) {
        List<Long> all = new ArrayList<>(new HashSet<>(ids));
        List<DeviceFact> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 500) {
            List<Long> chunk = all.subList(i, Math.min(all.size(), i + 500));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(DEVICE + " WHERE d.id IN (" + ids(chunk) + ")").getResultList();
            rows.stream().map(DowntimeFacts::device).forEach(out::add);
        }
        return out;
    }

    private static DeviceFact device(Object[] r) {
        return new DeviceFact(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                ZoneId.of((String) r[4]));
    }

    /** The departments a user is assigned to. */
    public Set<Long> departmentsOf(String username) {
        return org.patchcare.shared.persistence.UserDepartments.of(em, username);
    }

    /** The roles of an enabled user; empty when the user is unknown or disabled. */
    public Set<String> rolesOfEnabledUser(String username) {
        @SuppressWarnings("unchecked")
        List<Object> roles = em.createNativeQuery("SELECT r.role FROM app_user_role r JOIN app_user u ON u.id = r.user_id "
                + "WHERE u.username = ?1 AND u.enabled = TRUE").setParameter(1, username).getResultList();
        Set<String> out = new HashSet<>();
        roles.forEach(r -> out.add((String) r));
        return out;
    }


    /** A literal id list for IN (…): numbers only, never text from a caller. */
    static String ids(Collection<Long> ids) {
        StringBuilder sb = new StringBuilder();
        for (Long id : ids) {
            sb.append(sb.isEmpty() ? "" : ", ").append(id.longValue());
        }
        return sb.isEmpty() ? "NULL" : sb.toString();
    }


    /** Writes pending changes now; a row someone else changed meanwhile becomes "changed by someone else" (409). */
    void flush(String what, String key) {
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException stale) {
            throw org.patchcare.shared.domain.ConflictException.staleEdit(what, key);
        }
    }
}
