package org.patchcare.advisories.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What matching needs of the inventory, read straight from its tables (read-only, ADR 0008): device models with their
 * manufacturer's name and aliases, and the devices (id, model, software version) of the candidate models. Retired
 * devices are left out.
 */
@Dependent
public class InventoryModels {

    private static final int IN_CHUNK = 500;

    @PersistenceContext
    EntityManager em;

    /** A device model as matching sees it. */
    public record ModelRow(long id, long manufacturerId, String manufacturer, Set<String> aliases, String name,
                           String modelNumber) {
    }

    /** A device as matching sees it. */
    public record DeviceRow(long id, long modelId, String softwareVersion) {
    }

    public List<ModelRow> models() {
        Map<Long, Set<String>> aliases = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> aliasRows = em.createNativeQuery("SELECT manufacturer_id, alias FROM manufacturer_alias")
                .getResultList();
        for (Object[] r : aliasRows) {
            aliases.computeIfAbsent(((Number) r[0]).longValue(), k -> new LinkedHashSet<>()).add((String) r[1]);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT m.id, mf.id, mf.name, m.name, m.model_number "
                + "FROM device_model m JOIN manufacturer mf ON mf.id = m.manufacturer_id").getResultList();
        List<ModelRow> models = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            long mf = ((Number) r[1]).longValue();
            models.add(new ModelRow(((Number) r[0]).longValue(), mf, (String) r[2],
                    Set.copyOf(aliases.getOrDefault(mf, Set.of())), (String) r[3], (String) r[4]));
        }
        return models;
    }

    /**
     * The devices in service (not retired) of the given models, by model id; when {@code onlyDevices} is given, only
     * those devices.
     */
    public Map<Long, List<DeviceRow>> devicesOf(Collection<Long> modelIds, Set<Long> onlyDevices) {
        Map<Long, List<DeviceRow>> result = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>(modelIds);
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.model_id, d.software_version FROM device d "
                    + "WHERE d.model_id IN (:models) AND d.status <> 'RETIRED'").setParameter("models", chunk)
                    .getResultList();
            for (Object[] r : rows) {
                long id = ((Number) r[0]).longValue();
                if (onlyDevices != null && !onlyDevices.contains(id)) {
                    continue;
                }
                long model = ((Number) r[1]).longValue();
                result.computeIfAbsent(model, k -> new ArrayList<>()).add(new DeviceRow(id, model, (String) r[2]));
            }
        }
        return result;
    }

    /** The model ids of the given devices. */
    public Set<Long> modelsOfDevices(Collection<Long> deviceIds) {
        Set<Long> models = new LinkedHashSet<>();
        List<Long> ids = new ArrayList<>(deviceIds);
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            List<Long> chunk = ids.subList(i, Math.min(ids.size(), i + IN_CHUNK));
            @SuppressWarnings("unchecked")
            List<Number> rows = em.createNativeQuery("SELECT DISTINCT model_id FROM device WHERE id IN (:ids)")
                    .setParameter("ids", chunk).getResultList();
            rows.forEach(n -> models.add(n.longValue()));
        }
        return models;
    }

    /** IT's remembered review decisions, keyed "modelId|productKey". */
    public Map<String, ExposureMatcher.Decision> decisions() {
        Map<String, ExposureMatcher.Decision> map = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT model_id, product_key, decision, decided_by FROM match_decision")
                .getResultList();
        for (Object[] r : rows) {
            map.put(((Number) r[0]).longValue() + "|" + r[1],
                    new ExposureMatcher.Decision("CONFIRMED".equals(r[2]), (String) r[3]));
        }
        return map;
    }
}
