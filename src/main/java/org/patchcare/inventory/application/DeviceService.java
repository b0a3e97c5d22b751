package org.patchcare.inventory.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.domain.Department;
import org.patchcare.inventory.domain.Device;
import org.patchcare.inventory.domain.DeviceEvent;
import org.patchcare.inventory.domain.DeviceEventType;
import org.patchcare.inventory.domain.DeviceModel;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.Location;
import org.patchcare.inventory.domain.Manufacturer;
import org.patchcare.inventory.domain.NameNormalizer;
import org.patchcare.inventory.domain.SearchTokens;
import org.patchcare.inventory.domain.SupportStatus;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The device inventory: finding, recording and changing devices and following their lifecycle.
 * Everyone logged in may read; biomedical technicians and administrators may change.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class DeviceService {

    public static final String AUDIT_TYPE = "Device";

    /** Sortable properties of the device list and the JPQL path each one sorts by. */
    public static final Map<String, String> SORTABLE = Map.ofEntries(
            Map.entry("assetTag", "d.assetTag"),
            Map.entry("serialNumber", "d.serialNumber"),
            Map.entry("manufacturer", "mf.name"),
            Map.entry("model", "m.name"),
            Map.entry("deviceType", "m.deviceType"),
            Map.entry("department", "dep.code"),
            Map.entry("status", "d.status"),
            Map.entry("criticality", "d.criticality"),
            Map.entry("installDate", "d.installDate"),
            Map.entry("endOfSupport", "d.endOfSupport"),
            Map.entry("hostname", "d.hostname"),
            Map.entry("ipAddress", "d.ipAddress"));

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

    @Inject
    jakarta.enterprise.event.Event<DeviceChanged> deviceChanged;

    @Inject
    jakarta.enterprise.event.Event<DeviceContextChanged> deviceContextChanged;

    // ---- reading ---------------------------------------------------------------------------

    public List<DeviceSummary> list(DeviceFilter filter, PageRequest page) {
        Query q = where(filter);
        String sortPath = SORTABLE.getOrDefault(page.sortBy() == null ? "assetTag" : page.sortBy(), null);
        if (sortPath == null) {
            throw new InvalidInputException("sort", "cannot sort by '" + page.sortBy() + "'; allowed: "
                    + String.join(", ", SORTABLE.keySet().stream().sorted().toList()));
        }
        String dir = page.ascending() ? "asc" : "desc";
        String order = sortPath.equals("d.assetTag") ? " order by d.assetTag " + dir
                : " order by " + sortPath + " " + dir + ", d.assetTag " + dir;
        TypedQuery<Object[]> query = em.createQuery("select d.assetTag, d.serialNumber, mf.name, m.name, m.deviceType, "
                + "dep.code, dep.name, d.status, d.criticality, d.connectivity, d.redundant, d.hostname, d.ipAddress, "
                + "d.softwareVersion, d.osName, d.osVersion, d.installDate, d.endOfSupport "
                + "from Device d join d.model m join m.manufacturer mf join d.department dep" + q.jpql + order, Object[].class);
        q.bind(query);
        LocalDate today = LocalDate.now(clock);
        return query.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultStream()
                .map(r -> new DeviceSummary((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6], (DeviceStatus) r[7],
                        (org.patchcare.inventory.domain.Criticality) r[8],
                        (org.patchcare.inventory.domain.Connectivity) r[9], (Boolean) r[10], (String) r[11],
                        (String) r[12], (String) r[13], os((String) r[14], (String) r[15]), (LocalDate) r[16],
                        (LocalDate) r[17], SupportStatus.of((LocalDate) r[17], today), age((LocalDate) r[16], today)))
                .toList();
    }

    public long count(DeviceFilter filter) {
        Query q = where(filter);
        TypedQuery<Long> query = em.createQuery("select count(d) from Device d join d.model m join m.manufacturer mf "
                + "join d.department dep" + q.jpql, Long.class);
        q.bind(query);
        return query.getSingleResult();
    }

    /**
     * A page and the number of matching devices, read in one transaction: the API's list asks for both on every call,
     * and two calls cost a second transaction, connection check-out and security check each time.
     */
    public DeviceListPage page(DeviceFilter filter, PageRequest page) {
        return new DeviceListPage(list(filter, page), count(filter));
    }

    /** How many devices match, counting no further than {@code cap}: cheap enough for every keystroke. */
    public long countUpTo(DeviceFilter filter, int cap) {
        Query q = where(filter);
        TypedQuery<String> query = em.createQuery("select d.assetTag from Device d join d.model m join m.manufacturer mf "
                + "join d.department dep" + q.jpql, String.class);
        q.bind(query);
        return query.setMaxResults(cap).getResultList().size();
    }

    /** Streams every matching device in asset-tag order, a page at a time, e.g. for CSV export. */
    public void forEach(DeviceFilter filter, Consumer<DeviceSummary> sink) {
        int offset = 0;
        final int pageSize = 500;
        while (true) {
            List<DeviceSummary> page = list(filter, new PageRequest(offset, pageSize, "assetTag", true));
            page.forEach(sink);
            if (page.size() < pageSize) {
                return;
            }
            offset += pageSize;
            em.clear();
        }
    }

    public DeviceDetails get(String assetTag) {
        return details(find(assetTag));
    }

    public Optional<DeviceDetails> findByAssetTag(String assetTag) {
        return em.createQuery("select d from Device d where d.assetTag = :t", Device.class)
                .setParameter("t", Device.normalizeAssetTag(assetTag))
                .getResultStream().findFirst().map(this::details);
    }

    public List<DeviceEventView> timeline(String assetTag) {
        Device d = find(assetTag);
        return em.createQuery("select e from DeviceEvent e where e.device = :d order by e.occurredAt desc, e.id desc",
                        DeviceEvent.class)
                .setParameter("d", d)
                .getResultStream()
                .map(e -> new DeviceEventView(e.getType(), e.getOccurredAt(), e.getRecordedBy(), e.getFromValue(),
                        e.getToValue(), e.getComment()))
                .toList();
    }

    // ---- changing --------------------------------------------------------------------------

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public DeviceDetails create(DeviceCommand cmd) {
        validate(cmd);
        String tag = Device.normalizeAssetTag(cmd.getAssetTag());
        if (exists(tag)) {
            throw new ConflictException("A device with asset tag " + tag + " already exists.");
        }
        Department dept = resolveDepartment(cmd.getDepartment());
        Device d = createResolved(cmd, resolveModel(cmd), dept, resolveLocation(cmd.getLocationId(), dept));
        flush(tag);
        return details(d);
    }

    /**
     * Records a new device whose command is valid and whose model, department and location are already resolved,
     * with its lifecycle events and audit entry; does not flush. Shared by {@link #create} and the CSV import.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public Device createResolved(DeviceCommand cmd, DeviceModel model, Department dept, Location loc) {
        requireResolved(model, dept);
        Device d = new Device(cmd.getAssetTag(), model, dept, cmd.getCriticality());
        apply(d, cmd);
        if (loc != null) {
            d.moveTo(dept, loc);
        }
        d.touch(currentUser.username(), clock.instant());
        em.persist(d);
        event(d, DeviceEventType.RECEIVED, null, d.getDepartment().getCode(), "Recorded in PatchCare");
        if (d.getInstallDate() != null) {
            event(d, DeviceEventType.INSTALLED, null, d.getInstallDate().toString(), null);
        }
        audit.created(AUDIT_TYPE, d.getAssetTag(), snapshot(d));
        deviceChanged.fire(new DeviceChanged(d.getId(), d.getAssetTag()));
        return d;
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public DeviceDetails update(String assetTag, DeviceCommand cmd) {
        validate(cmd);
        Device d = find(assetTag);
        checkVersion(d, cmd.getVersion());
        if (cmd.getAssetTag() != null && !Device.normalizeAssetTag(cmd.getAssetTag()).equals(d.getAssetTag())) {
            throw new InvalidInputException("assetTag", "the asset tag of a device cannot be changed");
        }
        Department newDept = resolveDepartment(cmd.getDepartment());
        Location newLoc = resolveLocation(cmd.getLocationId(), newDept);
        if (!changeResolved(d, cmd, resolveModel(cmd), newDept, newLoc)) {
            d.touch(currentUser.username(), clock.instant());
        }
        flush(d.getAssetTag());
        return details(d);
    }

    /**
     * Applies a valid command with resolved references to an existing device, recording move and software events
     * and the audit entry; does not flush. Returns false (and touches nothing) when no field changed.
     * Shared by {@link #update} and the CSV import.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public boolean changeResolved(Device d, DeviceCommand cmd, DeviceModel model, Department newDept, Location newLoc) {
        if (d == null) {
            throw new InvalidInputException("assetTag", "the device to change is required");
        }
        requireResolved(model, newDept);
        d.requireNotRetired("edit it");
        Snapshot before = snapshot(d);
        String oldSoftware = d.getSoftwareVersion();
        Long oldModel = d.getModel().getId();
        boolean moved = !newDept.getId().equals(d.getDepartment().getId())
                || !Objects.equals(idOf(newLoc), idOf(d.getLocation()));
        String fromPlace = place(d);
        d.setModel(model);
        d.setCriticality(cmd.getCriticality());
        apply(d, cmd);
        if (moved) {
            d.moveTo(newDept, newLoc);
            event(d, DeviceEventType.MOVED, fromPlace, place(d), null);
        }
        if (!Objects.equals(oldSoftware, d.getSoftwareVersion())) {
            event(d, DeviceEventType.SOFTWARE_CHANGED, oldSoftware, d.getSoftwareVersion(), null);
        }
        Snapshot after = snapshot(d);
        if (before.diff(after).isEmpty()) {
            return false;
        }
        d.touch(currentUser.username(), clock.instant());
        audit.changed(AUDIT_TYPE, d.getAssetTag(), before, after, null);
        contextChanged(d, before, after);
        if (!Objects.equals(oldSoftware, d.getSoftwareVersion()) || !Objects.equals(oldModel, model.getId())) {
            deviceChanged.fire(new DeviceChanged(d.getId(), d.getAssetTag()));
        }
        return true;
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public DeviceDetails move(String assetTag, String departmentCode, String locationId, String comment, Integer version) {
        Device d = find(assetTag);
        checkVersion(d, version);
        Department dept = resolveDepartment(departmentCode);
        Location loc = resolveLocation(locationId, dept);
        Snapshot before = snapshot(d);
        String from = place(d);
        d.moveTo(dept, loc);
        return lifecycle(d, before, DeviceEventType.MOVED, from, place(d), comment);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public DeviceDetails takeOutOfService(String assetTag, boolean forRepair, String comment, Integer version) {
        Device d = find(assetTag);
        checkVersion(d, version);
        Snapshot before = snapshot(d);
        DeviceStatus from = d.getStatus();
        d.takeOutOfService(forRepair);
        return lifecycle(d, before, DeviceEventType.TAKEN_OUT_OF_SERVICE, from.label(), d.getStatus().label(), comment);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public DeviceDetails returnToService(String assetTag, String comment, Integer version) {
        Device d = find(assetTag);
        checkVersion(d, version);
        Snapshot before = snapshot(d);
        DeviceStatus from = d.getStatus();
        d.returnToService();
        if (from == DeviceStatus.IN_REPAIR) {
            event(d, DeviceEventType.REPAIRED, null, null, comment);
        }
        return lifecycle(d, before, DeviceEventType.RETURNED_TO_SERVICE, from.label(), d.getStatus().label(), comment);
    }

    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public DeviceDetails retire(String assetTag, String comment, Integer version) {
        Device d = find(assetTag);
        checkVersion(d, version);
        Snapshot before = snapshot(d);
        DeviceStatus from = d.getStatus();
        d.retire();
        return lifecycle(d, before, DeviceEventType.RETIRED, from.label(), d.getStatus().label(), comment);
    }

    /** Records maintenance-type events that do not change the device's fields: repair, preventive maintenance, installation, receipt. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
    public DeviceDetails recordEvent(String assetTag, DeviceEventType type, String comment) {
        if (!Set.of(DeviceEventType.RECEIVED, DeviceEventType.INSTALLED, DeviceEventType.REPAIRED,
                DeviceEventType.PREVENTIVE_MAINTENANCE).contains(type)) {
            throw new InvalidInputException("type", type.label() + " is recorded by its own action, not as a plain event");
        }
        Device d = find(assetTag);
        d.requireNotRetired("record " + type.label().toLowerCase(Locale.ROOT));
        Snapshot before = snapshot(d);
        return lifecycle(d, before, type, null, null, comment);
    }

    /**
     * Patch work on the device begins (called by patch execution): a device in service goes out of service with the
     * comment as the reason ("planned downtime for CR-…"); one already out of service or in repair stays as it is.
     * Biomed and IT security carry out patches, so both may call it.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public DeviceDetails startPatchWork(String assetTag, String comment) {
        Device d = find(assetTag);
        d.requireNotRetired("patch it");
        if (d.getStatus() != DeviceStatus.IN_SERVICE) {
            return details(d);
        }
        Snapshot before = snapshot(d);
        DeviceStatus from = d.getStatus();
        d.takeOutOfService(false);
        return lifecycle(d, before, DeviceEventType.TAKEN_OUT_OF_SERVICE, from.label(), d.getStatus().label(), comment);
    }

    /**
     * Patch work on the device ended (called by patch execution): {@code newVersion} (null: unchanged) becomes its
     * software version, recorded as a SOFTWARE_CHANGED lifecycle event that re-runs matching ({@link DeviceChanged});
     * with {@code backInService} a device out of service returns to service. One audit entry for both.
     */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.IT_SECURITY})
    public DeviceDetails finishPatchWork(String assetTag, String newVersion, boolean backInService, String comment) {
        Device d = find(assetTag);
        d.requireNotRetired("record patch work on it");
        Snapshot before = snapshot(d);
        String oldVersion = d.getSoftwareVersion();
        boolean software = newVersion != null && !newVersion.isBlank() && !newVersion.strip().equals(oldVersion);
        if (software) {
            d.setSoftwareVersion(newVersion.strip());
            event(d, DeviceEventType.SOFTWARE_CHANGED, oldVersion, d.getSoftwareVersion(), comment);
        }
        if (backInService && d.getStatus() == DeviceStatus.OUT_OF_SERVICE) {
            d.returnToService();
            event(d, DeviceEventType.RETURNED_TO_SERVICE, DeviceStatus.OUT_OF_SERVICE.label(), d.getStatus().label(),
                    comment);
        }
        Snapshot after = snapshot(d);
        if (before.diff(after).isEmpty()) {
            return details(d);
        }
        d.touch(currentUser.username(), clock.instant());
        audit.changed(AUDIT_TYPE, d.getAssetTag(), before, after, comment);
        contextChanged(d, before, after);
        if (software) {
            deviceChanged.fire(new DeviceChanged(d.getId(), d.getAssetTag()));
        }
        flush(d.getAssetTag());
        return details(d);
    }

    // ---- lifecycle overview ----------------------------------------------------------------

    /** Devices per department (or model) and support status, for the lifecycle overview. Retired devices are left out. */
    public List<SupportCount> supportByDepartment() {
        return supportCounts("dep.code", "dep.name");
    }

    public List<SupportCount> supportByModel() {
        return supportCounts("m.publicId", "concat(mf.name, ' ', m.name)");
    }

    private List<SupportCount> supportCounts(String keyPath, String labelPath) {
        LocalDate today = LocalDate.now(clock);
        LocalDate soon = today.plusMonths(SupportStatus.SOON_MONTHS);
        List<Object[]> rows = em.createQuery("select " + keyPath + ", " + labelPath + ", "
                        + "sum(case when d.endOfSupport < :today then 1 else 0 end), "
                        + "sum(case when d.endOfSupport >= :today and d.endOfSupport < :soon then 1 else 0 end), "
                        + "sum(case when d.endOfSupport >= :soon then 1 else 0 end), "
                        + "sum(case when d.endOfSupport is null then 1 else 0 end) "
                        + "from Device d join d.model m join m.manufacturer mf join d.department dep "
                        + "where d.status <> :retired group by " + keyPath + ", " + labelPath, Object[].class)
                .setParameter("today", today)
                .setParameter("soon", soon)
                .setParameter("retired", DeviceStatus.RETIRED)
                .getResultList();
        List<SupportCount> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new SupportCount((String) r[0], (String) r[1], num(r[2]), num(r[3]), num(r[4]), num(r[5])));
        }
        result.sort(Comparator.comparingLong(SupportCount::unsupported).reversed()
                .thenComparing(Comparator.comparingLong(SupportCount::endingSoon).reversed())
                .thenComparing(SupportCount::label));
        return result;
    }

    // ---- internals -------------------------------------------------------------------------

    private DeviceDetails lifecycle(Device d, Snapshot before, DeviceEventType type, String from, String to, String comment) {
        event(d, type, from, to, comment);
        d.touch(currentUser.username(), clock.instant());
        Snapshot after = snapshot(d);
        audit.changed(AUDIT_TYPE, d.getAssetTag(), before, after, type.label() + (comment == null || comment.isBlank() ? "" : ": " + comment));
        contextChanged(d, before, after);
        flush(d.getAssetTag());
        return details(d);
    }

    /** Tells the risk context when a change of an existing device changes its risk (not for new devices). */
    private void contextChanged(Device d, Snapshot before, Snapshot after) {
        String what = ContextChanges.ofDevice(before, after);
        if (what != null) {
            deviceContextChanged.fire(new DeviceContextChanged(d.getId(), d.getAssetTag(), what));
        }
    }

    private void event(Device d, DeviceEventType type, String from, String to, String comment) {
        em.persist(new DeviceEvent(d, type, clock.instant(), currentUser.username(), from, to,
                comment == null || comment.isBlank() ? null : comment.strip()));
    }

    private void flush(String tag) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ConflictException.staleEdit("Device", tag);
        } catch (jakarta.validation.ConstraintViolationException e) {
            throw toInvalid(e.getConstraintViolations());
        } catch (PersistenceException e) {
            if (org.patchcare.shared.persistence.PersistenceErrors.isConstraintViolation(e)) {
                throw new ConflictException("Device " + tag + " could not be saved: it clashes with another record "
                        + "(most likely the same asset tag, saved a moment ago by someone else).");
            }
            throw e;
        }
    }

    private void checkVersion(Device d, Integer expected) {
        if (expected != null && expected != d.getVersion()) {
            throw ConflictException.staleEdit("Device", d.getAssetTag());
        }
    }

    void validate(DeviceCommand cmd) {
        Set<ConstraintViolation<DeviceCommand>> violations = validator.validate(cmd);
        if (!violations.isEmpty()) {
            throw toInvalid(violations);
        }
    }

    static InvalidInputException toInvalid(Set<? extends ConstraintViolation<?>> violations) {
        List<InvalidInputException.Violation> list = new ArrayList<>();
        for (ConstraintViolation<?> v : violations) {
            list.add(new InvalidInputException.Violation(v.getPropertyPath().toString(), v.getMessage()));
        }
        list.sort(Comparator.comparing(InvalidInputException.Violation::field));
        return new InvalidInputException(list);
    }

    /** Copies the command's plain fields onto the device (not model, department, location or criticality). */
    static void apply(Device d, DeviceCommand c) {
        d.setSerialNumber(blankToNull(c.getSerialNumber()));
        d.setUdiDi(blankToNull(c.getUdiDi()));
        d.setSoftwareVersion(blankToNull(c.getSoftwareVersion()));
        d.setOsName(blankToNull(c.getOsName()));
        d.setOsVersion(blankToNull(c.getOsVersion()));
        d.setStoresPhi(c.isStoresPhi());
        d.setRedundant(c.isRedundant());
        d.setHostname(blankToNull(c.getHostname()));
        d.setIpAddress(blankToNull(c.getIpAddress()));
        d.setMacAddress(c.getMacAddress() == null || c.getMacAddress().isBlank() ? null
                : c.getMacAddress().strip().toUpperCase(Locale.ROOT).replace('-', ':'));
        d.setNetworkSegment(blankToNull(c.getNetworkSegment()));
        d.setConnectivity(c.getConnectivity());
        d.setInstallDate(c.getInstallDate());
        d.setWarrantyEnd(c.getWarrantyEnd());
        d.setEndOfSupportOverride(c.getEndOfSupportOverride());
        d.setPlannedReplacement(c.getPlannedReplacement());
        d.setCustodian(blankToNull(c.getCustodian()));
        d.setNotes(blankToNull(c.getNotes()));
        d.refreshDerived();
    }

    DeviceModel resolveModel(DeviceCommand c) {
        String manufacturerKey = NameNormalizer.normalize(c.getManufacturer());
        List<Manufacturer> makers = em.createQuery("select distinct mf from Manufacturer mf left join mf.aliases a "
                        + "where mf.normalizedName = :n or a.normalizedAlias = :n", Manufacturer.class)
                .setParameter("n", manufacturerKey)
                .getResultList();
        if (makers.isEmpty()) {
            throw new InvalidInputException("manufacturer", "no manufacturer named '" + c.getManufacturer()
                    + "'; an administrator can add it under Manufacturers");
        }
        return em.createQuery("select m from DeviceModel m where m.manufacturer = :mf and lower(m.name) = :n", DeviceModel.class)
                .setParameter("mf", makers.getFirst())
                .setParameter("n", c.getModel().strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("model", "no model '" + c.getModel() + "' of "
                        + makers.getFirst().getName() + "; an administrator can add it under Models"));
    }

    /** The import hands over resolved references; a missing one is refused, never a NullPointerException. */
    private static void requireResolved(DeviceModel model, Department dept) {
        if (model == null) {
            throw new InvalidInputException("model", "a model is required");
        }
        if (dept == null) {
            throw new InvalidInputException("department", "a department is required");
        }
    }

    Department resolveDepartment(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("department", "a department is required");
        }
        return em.createQuery("select d from Department d where d.code = :c", Department.class)
                .setParameter("c", code.strip().toUpperCase(Locale.ROOT))
                .getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("department", "no department with code '" + code + "'"));
    }

    Location resolveLocation(String publicId, Department dept) {
        if (publicId == null || publicId.isBlank()) {
            return null;
        }
        Location loc = em.createQuery("select l from Location l where l.publicId = :p", Location.class)
                .setParameter("p", publicId.strip())
                .getResultStream().findFirst()
                .orElseThrow(() -> new InvalidInputException("locationId", "no location with id '" + publicId + "'"));
        if (!loc.getDepartment().getId().equals(dept.getId())) {
            throw new InvalidInputException("locationId", "location " + loc.label() + " belongs to department "
                    + loc.getDepartment().getCode() + ", not " + dept.getCode());
        }
        return loc;
    }

    private boolean exists(String tag) {
        return !em.createQuery("select d.id from Device d where d.assetTag = :t", Long.class)
                .setParameter("t", tag).setMaxResults(1).getResultList().isEmpty();
    }

    Device find(String assetTag) {
        return em.createQuery("select d from Device d join fetch d.model m join fetch m.manufacturer "
                        + "join fetch d.department dep join fetch dep.facility left join fetch d.location "
                        + "where d.assetTag = :t", Device.class)
                .setParameter("t", Device.normalizeAssetTag(assetTag))
                .getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Device", assetTag));
    }

    DeviceDetails details(Device d) {
        LocalDate today = LocalDate.now(clock);
        DeviceModel m = d.getModel();
        Department dep = d.getDepartment();
        return new DeviceDetails(d.getAssetTag(), d.getSerialNumber(), m.getManufacturer().getName(), m.getName(),
                m.getPublicId(), m.getDeviceType(), d.getUdiDi(), d.getSoftwareVersion(), d.getOsName(),
                d.getOsVersion(), dep.getFacility().getCode(), dep.getCode(), dep.getName(), dep.getMissionImpact(),
                d.getLocation() == null ? null : d.getLocation().getPublicId(),
                d.getLocation() == null ? null : d.getLocation().label(), d.getStatus(), d.getCriticality(),
                d.isStoresPhi(), d.isRedundant(), d.getHostname(), d.getIpAddress(), d.getMacAddress(), d.getNetworkSegment(),
                d.getConnectivity(), d.getInstallDate(), d.getWarrantyEnd(), m.getEndOfSupport(),
                d.getEndOfSupportOverride(), d.getEndOfSupport(), d.supportStatus(today), d.getPlannedReplacement(),
                d.getCustodian(), d.getNotes(), age(d.getInstallDate(), today), d.getVersion(), d.getCreatedAt(),
                d.getCreatedBy(), d.getUpdatedAt(), d.getUpdatedBy());
    }

    static Snapshot snapshot(Device d) {
        return Snapshot.empty()
                .with("serialNumber", d.getSerialNumber())
                .with("model", d.getModel().getManufacturer().getName() + " " + d.getModel().getName())
                .with("udiDi", d.getUdiDi())
                .with("softwareVersion", d.getSoftwareVersion())
                .with("osName", d.getOsName())
                .with("osVersion", d.getOsVersion())
                .with("department", d.getDepartment().getCode())
                .with("location", d.getLocation() == null ? null : d.getLocation().label())
                .with("status", d.getStatus())
                .with("criticality", d.getCriticality())
                .with("storesPhi", d.isStoresPhi())
                .with("hostname", d.getHostname())
                .with("ipAddress", d.getIpAddress())
                .with("macAddress", d.getMacAddress())
                .with("networkSegment", d.getNetworkSegment())
                .with("connectivity", d.getConnectivity())
                .with("redundant", d.isRedundant())
                .with("installDate", d.getInstallDate())
                .with("warrantyEnd", d.getWarrantyEnd())
                .with("endOfSupportOverride", d.getEndOfSupportOverride())
                .with("plannedReplacement", d.getPlannedReplacement())
                .with("custodian", d.getCustodian())
                .with("notes", d.getNotes());
    }

    private static String place(Device d) {
        return d.getDepartment().getCode() + (d.getLocation() == null ? "" : " / " + d.getLocation().label());
    }

    private static Long idOf(Location l) {
        return l == null ? null : l.getId();
    }

    private static String os(String name, String version) {
        if (name == null) {
            return null;
        }
        return version == null ? name : name + " " + version;
    }

    static Integer age(LocalDate installed, LocalDate today) {
        return installed == null || installed.isAfter(today) ? null : Period.between(installed, today).getYears();
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Up to this many devices found by the search tokens are passed to the page query as an id list. */
    static final int ID_LIST_MAX = 2000;

    /** The WHERE clause of a filter, with its parameters. */
    private Query where(DeviceFilter f) {
        Query q = new Query();
        if (f == null) {
            return q;
        }
        String text = SearchTokens.query(f.text());
        if (text != null) {
            String like = escapeLike(text);
            List<Long> modelIds = em.createQuery("select m.id from DeviceModel m join m.manufacturer mf "
                            + "where lower(m.name) like :c escape '!' or lower(mf.name) like :c escape '!' "
                            + "or lower(m.modelNumber) like :c escape '!' or lower(m.deviceType) like :c escape '!'", Long.class)
                    .setParameter("c", "%" + like + "%")
                    .setMaxResults(1000)
                    .getResultList();
            // A narrow search (an asset tag, serial, host name or IP: the usual case) is turned into the list of its
            // device ids first, straight from the token index; the page query then looks those up by primary key and
            // cannot be planned as a scan of every device. A broad one keeps the semi-join (ADR 5).
            List<Long> hits = em.createQuery("select distinct t.id from Device t join t.searchTokens tok "
                            + "where tok like :prefix escape '!'", Long.class)
                    .setParameter("prefix", like + "%")
                    .setMaxResults(ID_LIST_MAX + 1)
                    .getResultList();
            String tokenClause;
            if (hits.size() > ID_LIST_MAX) {
                tokenClause = "d.id in (select t.id from Device t join t.searchTokens tok where tok like :prefix escape '!')";
                q.params.put("prefix", like + "%");
            } else if (!hits.isEmpty()) {
                tokenClause = "d.id in :textIds";
                q.params.put("textIds", hits);
            } else {
                tokenClause = null;
            }
            if (!modelIds.isEmpty()) {
                q.params.put("textModels", modelIds);
            }
            if (tokenClause == null) {
                q.add(modelIds.isEmpty() ? "1 = 0" : "m.id in :textModels");
            } else {
                q.add(modelIds.isEmpty() ? tokenClause : "(" + tokenClause + " or m.id in :textModels)");
            }
        }
        if (f.department() != null && !f.department().isBlank()) {
            q.add("dep.code = :dept");
            q.params.put("dept", f.department().strip().toUpperCase(Locale.ROOT));
        }
        if (f.status() != null) {
            q.add("d.status = :status");
            q.params.put("status", f.status());
        } else {
            q.add("d.status <> :retiredStatus");
            q.params.put("retiredStatus", DeviceStatus.RETIRED);
        }
        if (f.manufacturer() != null && !f.manufacturer().isBlank()) {
            q.add("mf.publicId = :mf");
            q.params.put("mf", f.manufacturer());
        }
        if (f.model() != null && !f.model().isBlank()) {
            q.add("m.publicId = :model");
            q.params.put("model", f.model());
        }
        if (f.criticality() != null) {
            q.add("d.criticality = :crit");
            q.params.put("crit", f.criticality());
        }
        if (f.support() != null) {
            LocalDate today = LocalDate.now(clock);
            switch (f.support()) {
                case UNSUPPORTED -> {
                    q.add("d.endOfSupport < :today");
                    q.params.put("today", today);
                }
                case ENDING_SOON -> {
                    q.add("d.endOfSupport >= :today and d.endOfSupport < :soon");
                    q.params.put("today", today);
                    q.params.put("soon", today.plusMonths(SupportStatus.SOON_MONTHS));
                }
                case SUPPORTED -> {
                    q.add("d.endOfSupport >= :soon");
                    q.params.put("soon", today.plusMonths(SupportStatus.SOON_MONTHS));
                }
                case UNKNOWN -> q.add("d.endOfSupport is null");
            }
        }
        return q;
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static final class Query {
        final StringBuilder jpql = new StringBuilder();
        final Map<String, Object> params = new HashMap<>();

        void add(String clause) {
            jpql.append(jpql.isEmpty() ? " where " : " and ").append(clause);
        }

        void bind(TypedQuery<?> q) {
            params.forEach(q::setParameter);
        }
    }
}
