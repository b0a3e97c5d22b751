package org.patchcare.inventory.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.application.CatalogViews.ManufacturerView;
import org.patchcare.inventory.application.CatalogViews.ModelView;
import org.patchcare.inventory.domain.DeviceModel;
import org.patchcare.inventory.domain.Manufacturer;
import org.patchcare.inventory.domain.NameNormalizer;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.persistence.PersistenceErrors;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Manufacturers (with the aliases advisories use for them) and their device models.
 * Everyone reads; biomedical technicians and administrators change.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class CatalogService {

    @PersistenceContext
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditService audit;
    @Inject
    Validator validator;

    public List<ManufacturerView> manufacturers() {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select m.manufacturer.id, count(m) from DeviceModel m group by m.manufacturer.id", Object[].class)
                .getResultStream().forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        return em.createQuery("select m from Manufacturer m order by m.name", Manufacturer.class).getResultStream()
                .map(m -> view(m, counts.getOrDefault(m.getId(), 0L))).toList();
    }

    /** The manufacturer that a spelling from an advisory or a CSV file stands for, through names and aliases. */
    public Optional<ManufacturerView> resolveManufacturer(String spelling) {
        return findBySpelling(spelling).map(m -> view(m, 0));
    }

    public List<ModelView> models(String manufacturerId) {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery("select d.model.id, count(d) from Device d group by d.model.id", Object[].class)
                .getResultStream().forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        String jpql = "select m from DeviceModel m join fetch m.manufacturer mf"
                + (manufacturerId == null ? "" : " where mf.publicId = :mf") + " order by mf.name, m.name";
        var q = em.createQuery(jpql, DeviceModel.class);
        if (manufacturerId != null) {
            q.setParameter("mf", manufacturerId);
        }
        return q.getResultStream().map(m -> view(m, counts.getOrDefault(m.getId(), 0L))).toList();
    }

    public ModelView model(String id) {
        return view(findModel(id), 0);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public ManufacturerView saveManufacturer(String id, String name, List<String> aliases, Integer version) {
        Manufacturer m;
        Snapshot before = null;
        if (id == null) {
            m = new Manufacturer(name);
        } else {
            m = findManufacturer(id);
            checkVersion(m, version, "Manufacturer", m.getName());
            before = snap(m);
            m.rename(name);
        }
        m.setAliases(new LinkedHashSet<>(aliases == null ? List.of() : aliases));
        if (m.getNormalizedName() == null || m.getNormalizedName().isBlank()) {
            throw new InvalidInputException("name", "a manufacturer needs a name with letters or digits");
        }
        for (String alias : m.getAliases()) {
            Optional<Manufacturer> other = findBySpelling(alias).filter(o -> !o.getId().equals(m.getId()));
            if (other.isPresent()) {
                throw new InvalidInputException("aliases", "'" + alias + "' already stands for " + other.get().getName());
            }
        }
        Optional<Manufacturer> clash = findBySpelling(m.getName()).filter(o -> !o.getId().equals(m.getId()));
        if (clash.isPresent()) {
            throw new ConflictException("Manufacturer '" + name + "' already exists as " + clash.get().getName() + ".");
        }
        validate(m);
        m.touch(currentUser.username(), clock.instant());
        if (m.isNew()) {
            em.persist(m);
            audit.created("Manufacturer", m.getPublicId(), snap(m));
        } else {
            audit.changed("Manufacturer", m.getPublicId(), before, snap(m), null);
        }
        flush("Manufacturer", m.getName());
        return view(m, 0);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public ModelView saveModel(String id, String manufacturerId, String name, String modelNumber, String deviceType,
                               LocalDate endOfSupport, Integer version) {
        Manufacturer mf = findManufacturer(manufacturerId);
        DeviceModel m;
        Snapshot before = null;
        if (id == null) {
            m = new DeviceModel(mf, strip(name), strip(deviceType));
        } else {
            m = findModel(id);
            checkVersion(m, version, "Model", m.getName());
            before = snap(m);
            m.setManufacturer(mf);
            m.setName(strip(name));
            m.setDeviceType(strip(deviceType));
        }
        LocalDate oldEos = m.getEndOfSupport();
        m.setModelNumber(strip(modelNumber));
        m.setEndOfSupport(endOfSupport);
        validate(m);
        m.touch(currentUser.username(), clock.instant());
        if (m.isNew()) {
            em.persist(m);
            audit.created("DeviceModel", m.getPublicId(), snap(m));
        } else {
            audit.changed("DeviceModel", m.getPublicId(), before, snap(m), null);
        }
        flush("Model", m.getName());
        if (!m.isNew() && !java.util.Objects.equals(oldEos, endOfSupport)) {
            // Devices without their own override follow the model's end of support.
            em.createQuery("update Device d set d.endOfSupport = :eos where d.model = :m and d.endOfSupportOverride is null")
                    .setParameter("eos", endOfSupport).setParameter("m", m).executeUpdate();
        }
        return view(m, 0);
    }

    Optional<Manufacturer> findBySpelling(String spelling) {
        String n = NameNormalizer.normalize(spelling);
        if (n.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select distinct mf from Manufacturer mf left join mf.aliases a "
                        + "where mf.normalizedName = :n or a.normalizedAlias = :n", Manufacturer.class)
                .setParameter("n", n).getResultStream().findFirst();
    }

    Manufacturer findManufacturer(String id) {
        return em.createQuery("select m from Manufacturer m where m.publicId = :p", Manufacturer.class)
                .setParameter("p", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Manufacturer", id));
    }

    DeviceModel findModel(String id) {
        return em.createQuery("select m from DeviceModel m join fetch m.manufacturer where m.publicId = :p", DeviceModel.class)
                .setParameter("p", id).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Model", id));
    }

    private void validate(Object o) {
        Set<ConstraintViolation<Object>> v = validator.validate(o);
        if (!v.isEmpty()) {
            throw DeviceService.toInvalid(v);
        }
    }

    private void checkVersion(BaseEntity e, Integer expected, String what, String key) {
        if (expected != null && expected != e.getVersion()) {
            throw ConflictException.staleEdit(what, key);
        }
    }

    private void flush(String what, String key) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ConflictException.staleEdit(what, key);
        } catch (PersistenceException e) {
            if (PersistenceErrors.isConstraintViolation(e)) {
                throw new ConflictException(what + " '" + key + "' clashes with an existing one.");
            }
            throw e;
        }
    }

    static ManufacturerView view(Manufacturer m, long models) {
        return new ManufacturerView(m.getPublicId(), m.getName(), new ArrayList<>(m.getAliases()), models, m.getVersion());
    }

    static ModelView view(DeviceModel m, long devices) {
        return new ModelView(m.getPublicId(), m.getManufacturer().getPublicId(), m.getManufacturer().getName(), m.getName(),
                m.getModelNumber(), m.getDeviceType(), m.getEndOfSupport(), devices, m.getVersion());
    }

    private static Snapshot snap(Manufacturer m) {
        return Snapshot.empty().with("name", m.getName()).with("aliases", String.join(", ", m.getAliases()));
    }

    private static Snapshot snap(DeviceModel m) {
        return Snapshot.empty().with("manufacturer", m.getManufacturer().getName()).with("name", m.getName())
                .with("modelNumber", m.getModelNumber()).with("deviceType", m.getDeviceType())
                .with("endOfSupport", m.getEndOfSupport());
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
