package org.patchcare.downtime.application;

import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.shared.persistence.Params;
import org.patchcare.downtime.application.DowntimeViews.DeviceRef;
import org.patchcare.downtime.application.DowntimeViews.ExposureRef;
import org.patchcare.shared.domain.Roles;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the downtime services read from the inventory, advisories, risk and identity tables (ADR 10: contexts read
 * each other's tables, never their entities). Runs in the calling service's transaction; not a facade.
 */
@ApplicationScoped
public class DowntimeLookup {

    @PersistenceContext
    EntityManager em;

    /** A device with what the workflow needs: its department, facility zone and model. */
    public record Device(long id, long departmentId, long modelId, DeviceRef ref) {
    }

    /** An exposure with its device and, when decided, its SSVC outcome. */
    public record Exposure(long id, long deviceId, ExposureRef ref) {
        public boolean immediate() {
            return "IMMEDIATE".equals(ref.outcome());
        }
    }

    private static final String DEVICE = "SELECT d.id, d.department_id, d.model_id, d.asset_tag, mf.name, m.name, "
            + "dep.code, dep.name, f.code, f.time_zone, d.status FROM device d JOIN device_model m ON m.id = d.model_id "
            + "JOIN manufacturer mf ON mf.id = m.manufacturer_id JOIN department dep ON dep.id = d.department_id "
            + "JOIN facility f ON f.id = dep.facility_id";

    /** Devices by asset tag, keyed by tag (unknown tags are missing). */
    public Map<String, Device> devicesByTag(Collection<String> tags) {
        return devices(" WHERE d.asset_tag IN ", new ArrayList<>(tags)).stream()
                .collect(Collectors.toMap(d -> d.ref().assetTag(), d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    /** Devices by id, keyed by id. */
    public Map<Long, Device> devicesById(Collection<Long> ids) {
        return devices(" WHERE d.id IN ", new ArrayList<>(ids)).stream()
                .collect(Collectors.toMap(Device::id, d -> d, (a, b) -> a, LinkedHashMap::new));
    }

    private List<Device> devices(String where, List<?> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery(DEVICE + where + in(keys.size())), keys).getResultList();
        return rows.stream().map(r -> new Device(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                ((Number) r[2]).longValue(), new DeviceRef((String) r[3], r[4] + " " + r[5], (String) r[5],
                (String) r[6], (String) r[7], (String) r[8], (String) r[9], (String) r[10]))).toList();
    }

    private static final String EXPOSURE = "SELECT e.id, e.device_id, e.public_id, d.asset_tag, e.cve, adv.tracking_id, "
            + "ed.outcome, ed.due_at FROM exposure e JOIN device d ON d.id = e.device_id "
            + "JOIN advisory adv ON adv.id = e.advisory_id LEFT JOIN exposure_decision ed ON ed.exposure_id = e.id";

    public Map<String, Exposure> exposuresByPublicId(Collection<String> ids) {
        return exposures(" WHERE e.public_id IN ", new ArrayList<>(ids)).stream()
                .collect(Collectors.toMap(e -> e.ref().id(), e -> e, (a, b) -> a, LinkedHashMap::new));
    }

    public List<Exposure> exposuresById(Collection<Long> ids) {
        return exposures(" WHERE e.id IN ", new ArrayList<>(ids));
    }

    private List<Exposure> exposures(String where, List<?> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery(EXPOSURE + where + in(keys.size()) + " ORDER BY e.cve"), keys)
                .getResultList();
        return rows.stream().map(r -> new Exposure(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                new ExposureRef((String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6],
                        instant(r[7])))).toList();
    }

    /** Whether a linked advisory's remediation for the exposure's CVE says applying it restarts something. */
    public boolean restartRequired(Collection<Long> exposureIds) {
        if (exposureIds.isEmpty()) {
            return false;
        }
        List<Object> keys = new ArrayList<>(exposureIds);
        return !Params.bind(em.createNativeQuery("SELECT 1 FROM exposure e JOIN advisory_vulnerability v "
                + "ON v.advisory_id = e.advisory_id AND v.cve = e.cve JOIN vulnerability_remediation r "
                + "ON r.vulnerability_id = v.id WHERE r.restart_required IS NOT NULL "
                + "AND LOWER(r.restart_required) <> 'none' AND e.id IN " + in(keys.size())), keys)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** Minutes from start to finish of past completed requests that took down devices of these models. */
    public List<Long> pastMinutes(Collection<Long> modelIds) {
        if (modelIds.isEmpty()) {
            return List.of();
        }
        List<Object> keys = new ArrayList<>(modelIds);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery("SELECT DISTINCT cr.id, cr.started_at, cr.finished_at "
                + "FROM change_request cr JOIN change_request_device x ON x.change_request_id = cr.id "
                + "JOIN device d ON d.id = x.device_id WHERE cr.status = 'COMPLETED' AND cr.started_at IS NOT NULL "
                + "AND cr.finished_at IS NOT NULL AND d.model_id IN " + in(keys.size())), keys)
                .setMaxResults(200).getResultList();
        return rows.stream().map(r -> Math.max(1, java.time.Duration.between(instant(r[1]), instant(r[2]))
                .toMinutes())).sorted().toList();
    }

    public Map<Long, String[]> departments(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object> keys = new ArrayList<>(ids);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Params.bind(em.createNativeQuery("SELECT id, code, name FROM department WHERE id IN "
                + in(keys.size())), keys).getResultList();
        Map<Long, String[]> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(((Number) r[0]).longValue(), new String[]{(String) r[1], (String) r[2]}));
        return out;
    }

    public boolean userExists(String username) {
        return !em.createNativeQuery("SELECT 1 FROM app_user WHERE username = ?1")
                .setParameter(1, username == null ? "" : username.strip()).setMaxResults(1).getResultList().isEmpty();
    }

    /** Enabled users with a role, sorted. */
    public List<String> usersWithRole(String role) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT u.username FROM app_user u JOIN app_user_role r "
                + "ON r.user_id = u.id WHERE r.role = ?1 AND u.enabled = TRUE ORDER BY u.username")
                .setParameter(1, role).getResultList();
        return names;
    }

    /** Enabled clinical managers assigned to the department, sorted. */
    public List<String> clinicalManagers(long departmentId) {
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT u.username FROM app_user u JOIN app_user_role r "
                + "ON r.user_id = u.id JOIN app_user_department ud ON ud.user_id = u.id WHERE r.role = ?1 "
                + "AND ud.department_id = ?2 AND u.enabled = TRUE ORDER BY u.username")
                .setParameter(1, Roles.CLINICAL_MANAGER).setParameter(2, departmentId).getResultList();
        return names;
    }

    static String in(int n) {
        return "(" + Params.placeholders(n) + ")";
    }

}
