package org.patchcare.patching.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.shared.domain.NotFoundException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what patch execution needs from the inventory, downtime and identity tables by native SQL (never their
 * entities, ADR 10), in the caller's transaction. Changes to those contexts go through their services.
 */
@ApplicationScoped
public class PatchLookup {

    @PersistenceContext
    EntityManager em;

    /** A device as patching sees it. */
    public record Device(long id, String assetTag, String name, long departmentId, String status, String softwareVersion) {
    }

    /** A change request's database id and reference. */
    public record Request(long id, String publicId, String reference) {
    }

    public Device device(String assetTag) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT d.id, d.asset_tag, m.name, d.department_id, d.status, "
                        + "d.software_version FROM device d JOIN device_model m ON m.id = d.model_id WHERE d.asset_tag = ?1")
                .setParameter(1, assetTag == null ? "" : assetTag.strip().toUpperCase(java.util.Locale.ROOT))
                .getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Device", assetTag);
        }
        Object[] r = rows.getFirst();
        return new Device(((Number) r[0]).longValue(), (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                (String) r[4], (String) r[5]);
    }

    public Request request(String publicId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, public_id, reference FROM change_request WHERE public_id = ?1")
                .setParameter(1, publicId == null ? "" : publicId.strip()).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Change request", publicId);
        }
        Object[] r = rows.getFirst();
        return new Request(((Number) r[0]).longValue(), (String) r[1], (String) r[2]);
    }

    public Request request(long id) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT id, public_id, reference FROM change_request WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
        return new Request(((Number) r[0]).longValue(), (String) r[1], (String) r[2]);
    }

    /** The departments a user is assigned to. */
    public Set<Long> departmentsOf(String username) {
        return org.patchcare.shared.persistence.UserDepartments.of(em, username);
    }
}
