package org.patchcare.risk.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.risk.domain.DeviceRef;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what the risk services need to know about exposures, devices, models and users from their tables (ADR 8,
 * ADR 10: contexts read each other's tables, never their entities). Runs in the calling service's transaction; not a
 * facade.
 */
@ApplicationScoped
public class RiskLookup {

    @PersistenceContext
    EntityManager em;

    /** An exposure with its device and department. */
    public record ExposureRef(long id, String publicId, String cve, String state, DeviceRef device, long departmentId,
                              String departmentCode, String departmentName) {

        public boolean open() {
            return "AFFECTED".equals(state) || "UNDER_INVESTIGATION".equals(state);
        }
    }

    private static final String EXPOSURE = "SELECT e.id, e.public_id, e.cve, e.state, d.id, d.asset_tag, "
            + "d.network_segment, d.model_id, dep.id, dep.code, dep.name FROM exposure e "
            + "JOIN device d ON d.id = e.device_id JOIN department dep ON dep.id = d.department_id";

    public ExposureRef exposure(String publicId) {
        List<ExposureRef> found = exposures(List.of(publicId == null ? "" : publicId));
        if (found.isEmpty()) {
            throw new NotFoundException("Exposure", publicId);
        }
        return found.getFirst();
    }

    public ExposureRef exposure(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(EXPOSURE + " WHERE e.id = ?1").setParameter(1, id).getResultList();
        return rows.stream().map(RiskLookup::exposureRef).findFirst()
                .orElseThrow(() -> new NotFoundException("Exposure", String.valueOf(id)));
    }

    /** The exposures of the given public ids that exist, keyed by public id in the order asked. */
    public List<ExposureRef> exposures(List<String> publicIds) {
        List<String> ids = publicIds.stream().map(s -> s == null ? "" : s.strip()).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        var q = em.createNativeQuery(EXPOSURE + " WHERE e.public_id IN (" + in + ")");
        for (int i = 0; i < ids.size(); i++) {
            q.setParameter(i + 1, ids.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.getResultList();
        Map<String, ExposureRef> byId = new LinkedHashMap<>();
        rows.stream().map(RiskLookup::exposureRef).forEach(r -> byId.put(r.publicId(), r));
        List<ExposureRef> out = new ArrayList<>();
        ids.stream().filter(byId::containsKey).forEach(id -> out.add(byId.get(id)));
        return out;
    }

    private static ExposureRef exposureRef(Object[] r) {
        return new ExposureRef(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                new DeviceRef(((Number) r[4]).longValue(), (String) r[5], (String) r[6], ((Number) r[7]).longValue()),
                ((Number) r[8]).longValue(), (String) r[9], (String) r[10]);
    }

    /** The database id of a device by asset tag; a refusal naming {@code field} when there is none. */
    public long deviceId(String assetTag, String field) {
        return id("SELECT id FROM device WHERE asset_tag = ?1", assetTag, field, "No device has the asset tag '"
                + assetTag + "'.");
    }

    /** The database id of a device model by its public id; a refusal naming {@code field} when there is none. */
    public long modelId(String publicId, String field) {
        return id("SELECT id FROM device_model WHERE public_id = ?1", publicId, field, "No device model has the id '"
                + publicId + "'.");
    }

    private long id(String sql, String key, String field, String message) {
        List<?> found = em.createNativeQuery(sql).setParameter(1, key == null ? "" : key.strip()).setMaxResults(1)
                .getResultList();
        if (found.isEmpty()) {
            throw new InvalidInputException(field, message);
        }
        return ((Number) found.getFirst()).longValue();
    }

    public String modelPublicId(long modelId) {
        return (String) em.createNativeQuery("SELECT public_id FROM device_model WHERE id = ?1").setParameter(1, modelId)
                .getSingleResult();
    }

    public boolean userExists(String username) {
        return !em.createNativeQuery("SELECT 1 FROM app_user WHERE username = ?1")
                .setParameter(1, username == null ? "" : username.strip()).setMaxResults(1).getResultList().isEmpty();
    }

    /** Usernames of the enabled users, sorted: the people who may own a control. */
    public List<String> enabledUsers() {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT username FROM app_user WHERE enabled = TRUE ORDER BY username")
                .getResultList();
        return names;
    }

    /** Writes pending changes now; a row someone else changed meanwhile becomes "changed by someone else" (409). */
    public void flush(String what, String key) {
        try {
            em.flush();
        } catch (jakarta.persistence.OptimisticLockException stale) {
            throw org.patchcare.shared.domain.ConflictException.staleEdit(what, key);
        }
    }

    /** The version the caller saw must be the current one (when given). */
    public static void checkVersion(org.patchcare.shared.domain.BaseEntity e, Integer expected, String what, String key) {
        if (expected != null && expected != e.getVersion()) {
            throw org.patchcare.shared.domain.ConflictException.staleEdit(what, key);
        }
    }

    /** Binds positional parameters ?1, ?2 ... of a native query in order. */
    public static void bind(jakarta.persistence.Query q, List<Object> params) {
        org.patchcare.shared.persistence.Params.bind(q, params);
    }

    /** Clinical managers without another role that sees everything are limited to their own departments. */
    public static boolean limitedToOwnDepartments(org.patchcare.shared.security.CurrentUser user) {
        return user.limitedToOwnDepartments();
    }

    /** The departments a user is assigned to (clinical managers: the ones they decide for). */
    public Set<Long> departmentsOf(String username) {
        return org.patchcare.shared.persistence.UserDepartments.of(em, username);
    }
}
