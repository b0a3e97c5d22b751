package org.patchcare.inventory.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.application.DeviceImportFormat.Column;
import org.patchcare.inventory.application.DeviceImportReader.Row;
import org.patchcare.inventory.domain.Department;
import org.patchcare.inventory.domain.Device;
import org.patchcare.inventory.domain.DeviceModel;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.Location;
import org.patchcare.inventory.domain.NameNormalizer;
import org.patchcare.shared.domain.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Imports devices from a CSV file (format: docs/csv-import.md). A dry run reports what would be created, updated
 * and left unchanged, and every problem with its row number, and writes nothing. A real import is all-or-nothing:
 * one transaction (with a long timeout) for the whole file, rolled back if any row has a problem.
 * <p>
 * The file is streamed: rows are handled in chunks of {@value #CHUNK}; each chunk looks its existing devices up
 * with one query, then the persistence context is flushed and cleared, so memory stays flat whatever the file size.
 * Created and changed devices get the same lifecycle events and audit entries as through the form, because the
 * writing is done by {@link DeviceService#createResolved} and {@link DeviceService#changeResolved}.
 */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
@RolesAllowed({Roles.BIOMED_TECH, Roles.ADMIN})
public class DeviceImportService {

    public static final int MAX_LISTED_ERRORS = 1000;
    static final int CHUNK = 500;
    private static final Logger LOG = Logger.getLogger(DeviceImportService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Inject
    DeviceService devices;

    @Inject
    Validator validator;

    @Inject
    org.patchcare.shared.metrics.AppMetrics metrics;

    static final String ROWS_IN_PROGRESS = "patchcare_device_import_rows_in_progress";
    private static final String ROWS_IN_PROGRESS_HELP = "Rows read so far by the device imports running now";

    public DeviceImportLimits limits() {
        return DeviceImportLimits.fromEnvironment();
    }

    /**
     * Checks (dry run) or imports a CSV file read from {@code in}.
     *
     * @param totalBytes the file size if known (for progress), else -1
     * @throws DeviceImportTooLargeException when the file is larger than {@link DeviceImportLimits#maxBytes()}
     */
    public DeviceImportReport importCsv(InputStream in, long totalBytes, boolean dryRun, DeviceImportProgress progress) {
        DeviceImportLimits limits = limits();
        if (totalBytes > limits.maxBytes()) {
            throw new DeviceImportTooLargeException(limits.maxBytes());
        }
        Run run = new Run(dryRun, progress == null ? DeviceImportProgress.NONE : progress, totalBytes);
        long started = System.nanoTime();
        String mode = dryRun ? "dry_run" : "import";
        try {
            tx.setTransactionTimeout(limits.timeoutSeconds());
            tx.begin();
            try (DeviceImportReader reader = new DeviceImportReader(in, limits)) {
                read(reader, run);
            }
            if (run.writing()) {
                tx.commit();
                run.committed = true;
            } else {
                tx.rollback();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the import file", e);
        } catch (NotSupportedException | SystemException | RollbackException | HeuristicMixedException
                 | HeuristicRollbackException e) {
            throw new IllegalStateException("The import transaction failed: " + e.getMessage(), e);
        } finally {
            rollbackIfOpen();
            metrics.add(ROWS_IN_PROGRESS, ROWS_IN_PROGRESS_HELP, -run.rowsShown, "mode", mode);
            String result = run.committed ? "committed" : dryRun ? "checked" : run.errorCount > 0 ? "refused" : "failed";
            metrics.count("patchcare_device_imports_total", "Device CSV imports by mode and result", 1, "mode", mode,
                    "result", result);
            metrics.count("patchcare_device_import_rows_total", "Rows of device CSV imports by mode and result", run.rows,
                    "mode", mode, "result", result);
            metrics.time("patchcare_device_import_duration_seconds", "Time of device CSV imports by mode", System.nanoTime()
                    - started, "mode", mode);
        }
        DeviceImportReport report = run.report();
        LOG.info(() -> String.format(Locale.ROOT, "Device import (%s) of %d rows in %d ms: %s",
                dryRun ? "dry run" : "commit", report.rows(), (System.nanoTime() - started) / 1_000_000, report.summary()));
        return report;
    }

    /** {@link #importCsv} on a background thread, for the screen; the caller's identity goes along. */
    @Asynchronous
    public Future<DeviceImportReport> importInBackground(Path file, boolean dryRun, DeviceImportProgress progress) {
        DeviceImportProgress listener = progress == null ? DeviceImportProgress.NONE : progress;
        try (InputStream in = Files.newInputStream(file)) {
            DeviceImportReport report = importCsv(in, Files.size(file), dryRun, listener);
            listener.finished(report);
            return CompletableFuture.completedFuture(report);
        } catch (IOException e) {
            UncheckedIOException problem = new UncheckedIOException("Could not read the uploaded file", e);
            listener.failed(problem);
            throw problem;
        } catch (RuntimeException e) {
            listener.failed(e);
            throw e;
        }
    }

    // ---- the pass over the file ------------------------------------------------------------

    private void read(DeviceImportReader reader, Run run) throws IOException {
        if (!reader.open()) {
            run.error(reader.fileError());
            return;
        }
        References refs = new References();
        List<Pending> chunk = new ArrayList<>(CHUNK);
        Row row;
        while ((row = reader.next()) != null) {
            run.rows++;
            Pending p = check(row, refs, run);
            if (p != null) {
                chunk.add(p);
            }
            if (chunk.size() >= CHUNK) {
                if (!process(chunk, run)) {
                    return;
                }
                chunk.clear();
            }
            if (run.rows % CHUNK == 0) {
                metrics.add(ROWS_IN_PROGRESS, ROWS_IN_PROGRESS_HELP, CHUNK, "mode", run.dryRun ? "dry_run" : "import");
                run.rowsShown += CHUNK;
                run.progress.progress(run.rows, reader.bytesRead(), run.totalBytes);
            }
        }
        if (reader.fileError() != null) {
            run.error(reader.fileError());
        }
        process(chunk, run);
        run.progress.progress(run.rows, reader.bytesRead(), run.totalBytes);
    }

    /** Checks what can be checked without the existing device; null if the row has errors. */
    private Pending check(Row row, References refs, Run run) {
        row.errors().forEach(run::error);
        String tag = Device.normalizeAssetTag(row.assetTag());
        boolean ok = row.errors().isEmpty();
        if (tag != null && !tag.isEmpty()) {
            Integer first = run.tags.putIfAbsent(tag, row.number());
            if (first != null) {
                run.error(new DeviceImportError(row.number(), Column.ASSET_TAG.header(), "asset tag " + tag
                        + " is already in row " + first + "; each device may appear only once in a file"));
                ok = false;
            }
        }
        Long modelId = null;
        Long deptId = null;
        Long locId = null;
        String maker = (String) row.values().get(Column.MANUFACTURER);
        String modelName = (String) row.values().get(Column.MODEL);
        if (maker != null) {
            Long makerId = refs.manufacturer(maker);
            if (makerId == null) {
                run.error(new DeviceImportError(row.number(), Column.MANUFACTURER.header(), "no manufacturer named '"
                        + maker + "'; check the spelling, or ask an administrator to add it (or the spelling as an alias)"));
                ok = false;
            } else if (modelName != null) {
                modelId = refs.model(makerId, modelName);
                if (modelId == null) {
                    run.error(new DeviceImportError(row.number(), Column.MODEL.header(), "no model '" + modelName
                            + "' of " + maker + "; check the spelling, or ask an administrator to add it under Models"));
                    ok = false;
                }
            }
        }
        String dept = (String) row.values().get(Column.DEPARTMENT);
        if (dept != null) {
            deptId = refs.department(dept);
            if (deptId == null) {
                run.error(new DeviceImportError(row.number(), Column.DEPARTMENT.header(), "no department with code '"
                        + dept + "'; use a department code such as ICU or RAD"));
                ok = false;
            }
        }
        String loc = (String) row.values().get(Column.LOCATION_ID);
        if (loc != null) {
            Long[] l = refs.location(loc);
            if (l == null) {
                run.error(new DeviceImportError(row.number(), Column.LOCATION_ID.header(), "no location with id '"
                        + loc + "'; leave it empty or copy the id from the location list"));
                ok = false;
            } else if (deptId != null && !l[1].equals(deptId)) {
                run.error(new DeviceImportError(row.number(), Column.LOCATION_ID.header(), "location '" + loc
                        + "' belongs to another department than " + dept.strip().toUpperCase(Locale.ROOT)));
                ok = false;
            } else {
                locId = l[0];
            }
        }
        return ok ? new Pending(row, tag, modelId, deptId, locId) : null;
    }

    /** Validates the chunk against the devices that exist and, if the file is clean so far, writes it. */
    private boolean process(List<Pending> chunk, Run run) {
        if (chunk.isEmpty()) {
            return true;
        }
        Set<String> tags = new HashSet<>();
        Set<Long> modelIds = new HashSet<>();
        Set<Long> deptIds = new HashSet<>();
        Set<Long> locIds = new HashSet<>();
        for (Pending p : chunk) {
            tags.add(p.tag);
            modelIds.add(p.modelId);
            deptIds.add(p.deptId);
            if (p.locId != null) {
                locIds.add(p.locId);
            }
        }
        Map<Long, DeviceModel> models = new HashMap<>();
        em.createQuery("select m from DeviceModel m join fetch m.manufacturer where m.id in :ids", DeviceModel.class)
                .setParameter("ids", modelIds).getResultList().forEach(m -> models.put(m.getId(), m));
        Map<Long, Department> depts = new HashMap<>();
        em.createQuery("select d from Department d where d.id in :ids", Department.class)
                .setParameter("ids", deptIds).getResultList().forEach(d -> depts.put(d.getId(), d));
        Map<Long, Location> locs = new HashMap<>();
        if (!locIds.isEmpty()) {
            em.createQuery("select l from Location l join fetch l.department where l.id in :ids", Location.class)
                    .setParameter("ids", locIds).getResultList().forEach(l -> locs.put(l.getId(), l));
        }
        Map<String, Device> existing = new HashMap<>();
        // models and departments of the chunk are loaded first, so the devices find them in the persistence context
        em.createQuery("select d from Device d join fetch d.model join fetch d.department "
                        + "left join fetch d.location where d.assetTag in :tags", Device.class)
                .setParameter("tags", tags).getResultList().forEach(d -> existing.put(d.getAssetTag(), d));
        for (Pending p : chunk) {
            Device d = existing.get(p.tag);
            DeviceCommand cmd = p.row.applyTo(d == null ? new DeviceCommand() : commandOf(d));
            if (!valid(cmd, p.row.number(), run)) {
                continue;
            }
            DeviceModel model = models.get(p.modelId);
            Department dept = depts.get(p.deptId);
            Location loc = p.locId != null ? locs.get(p.locId) : keptLocation(d, p.row, dept);
            if (d == null) {
                run.created++;
                if (run.writing()) {
                    devices.createResolved(cmd, model, dept, loc);
                }
                continue;
            }
            if (unchanged(d, cmd, model, dept, loc)) {
                run.unchanged++;
            } else if (d.getStatus() == DeviceStatus.RETIRED) {
                run.error(new DeviceImportError(p.row.number(), null, "device " + d.getAssetTag()
                        + " is retired and cannot be changed; remove the row or make it match the device"));
            } else {
                run.updated++;
                if (run.writing()) {
                    devices.changeResolved(d, cmd, model, dept, loc);
                }
            }
        }
        try {
            if (run.writing()) {
                em.flush();
            }
        } catch (PersistenceException e) {
            run.error(DeviceImportError.file("Rows " + chunk.getFirst().row.number() + " to "
                    + chunk.getLast().row.number() + " could not be saved (" + rootMessage(e)
                    + "). Perhaps someone changed the same devices at the same time; nothing was imported, try again."));
            return false;
        }
        em.clear();
        return true;
    }

    /** A file without a location_id column leaves an existing device where it is, unless it changes department. */
    private static Location keptLocation(Device d, Row row, Department dept) {
        if (d == null || row.values().containsKey(Column.LOCATION_ID) || d.getLocation() == null) {
            return null;
        }
        return d.getLocation().getDepartment().getId().equals(dept.getId()) ? d.getLocation() : null;
    }

    private boolean valid(DeviceCommand cmd, int row, Run run) {
        Set<ConstraintViolation<DeviceCommand>> violations = validator.validate(cmd);
        if (violations.isEmpty()) {
            return true;
        }
        violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString())).forEach(v -> {
            Column c = Column.ofProperty(v.getPropertyPath().toString());
            String header = c == null ? v.getPropertyPath().toString() : c.header();
            String msg = v.getMessage() == null || v.getMessage().startsWith("{") ? "is not in the expected format"
                    : v.getMessage();
            Object value = v.getInvalidValue();
            run.error(new DeviceImportError(row, header, value == null || value.toString().isBlank()
                    ? header + " " + msg : "'" + clip(value.toString()) + "' " + msg));
        });
        return false;
    }

    /** Whether the row would leave the device exactly as it is (its status aside, which the import never changes). */
    private static boolean unchanged(Device d, DeviceCommand cmd, DeviceModel model, Department dept, Location loc) {
        Device after = new Device(d.getAssetTag(), model, dept, cmd.getCriticality());
        DeviceService.apply(after, cmd);
        if (loc != null) {
            after.moveTo(dept, loc);
        }
        Map<String, String[]> diff = DeviceService.snapshot(d).diff(DeviceService.snapshot(after));
        diff.remove("status");
        return diff.isEmpty();
    }

    /** The device as a command, so that columns missing from the file leave its values as they are. */
    static DeviceCommand commandOf(Device d) {
        DeviceCommand c = new DeviceCommand();
        c.setAssetTag(d.getAssetTag());
        c.setSerialNumber(d.getSerialNumber());
        c.setManufacturer(d.getModel().getManufacturer().getName());
        c.setModel(d.getModel().getName());
        c.setUdiDi(d.getUdiDi());
        c.setSoftwareVersion(d.getSoftwareVersion());
        c.setOsName(d.getOsName());
        c.setOsVersion(d.getOsVersion());
        c.setDepartment(d.getDepartment().getCode());
        c.setLocationId(d.getLocation() == null ? null : d.getLocation().getPublicId());
        c.setCriticality(d.getCriticality());
        c.setStoresPhi(d.isStoresPhi());
        c.setRedundant(d.isRedundant());
        c.setHostname(d.getHostname());
        c.setIpAddress(d.getIpAddress());
        c.setMacAddress(d.getMacAddress());
        c.setNetworkSegment(d.getNetworkSegment());
        c.setConnectivity(d.getConnectivity());
        c.setInstallDate(d.getInstallDate());
        c.setWarrantyEnd(d.getWarrantyEnd());
        c.setEndOfSupportOverride(d.getEndOfSupportOverride());
        c.setPlannedReplacement(d.getPlannedReplacement());
        c.setCustodian(d.getCustodian());
        c.setNotes(d.getNotes());
        return c;
    }

    private void rollbackIfOpen() {
        try {
            int status = tx.getStatus();
            if (status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK) {
                tx.rollback();
            }
        } catch (SystemException e) {
            throw new IllegalStateException("Could not roll the import back: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    // ---- state of one run ------------------------------------------------------------------

    private record Pending(Row row, String tag, Long modelId, Long deptId, Long locId) {
    }

    private static final class Run {
        final boolean dryRun;
        final DeviceImportProgress progress;
        final long totalBytes;
        final Map<String, Integer> tags = new HashMap<>();
        final List<DeviceImportError> errors = new ArrayList<>();
        long errorCount;
        long rows;
        long created;
        long updated;
        long unchanged;
        long rowsShown;
        boolean committed;

        Run(boolean dryRun, DeviceImportProgress progress, long totalBytes) {
            this.dryRun = dryRun;
            this.progress = progress;
            this.totalBytes = totalBytes;
        }

        boolean writing() {
            return !dryRun && errorCount == 0;
        }

        void error(DeviceImportError e) {
            errorCount++;
            if (errors.size() < MAX_LISTED_ERRORS) {
                errors.add(e);
            }
        }

        DeviceImportReport report() {
            // rows are checked in two steps (while reading, and per chunk against the database): list them in row order
            errors.sort(Comparator.comparing(DeviceImportError::row, Comparator.nullsFirst(Comparator.naturalOrder())));
            return new DeviceImportReport(dryRun, committed, rows, created, updated, unchanged, errors,
                    errorCount - errors.size());
        }
    }

    /** Manufacturer, model, department and location ids by what a file calls them, read once per import. */
    private final class References {
        private final Map<String, Long> manufacturers = new HashMap<>();
        private final Map<String, Long> models = new HashMap<>();
        private final Map<String, Long> departments = new HashMap<>();
        private final Map<String, Long[]> locations = new HashMap<>();

        References() {
            for (Object[] r : em.createQuery("select mf.id, mf.normalizedName from Manufacturer mf", Object[].class)
                    .getResultList()) {
                manufacturers.put((String) r[1], (Long) r[0]);
            }
            for (Object[] r : em.createQuery("select mf.id, a.normalizedAlias from Manufacturer mf join mf.aliases a",
                    Object[].class).getResultList()) {
                manufacturers.putIfAbsent((String) r[1], (Long) r[0]);
            }
            for (Object[] r : em.createQuery("select m.id, m.manufacturer.id, m.name from DeviceModel m", Object[].class)
                    .getResultList()) {
                models.put(r[1] + "|" + ((String) r[2]).strip().toLowerCase(Locale.ROOT), (Long) r[0]);
            }
            for (Object[] r : em.createQuery("select d.id, d.code from Department d", Object[].class).getResultList()) {
                departments.put(((String) r[1]).toUpperCase(Locale.ROOT), (Long) r[0]);
            }
        }

        Long manufacturer(String name) {
            return manufacturers.get(NameNormalizer.normalize(name));
        }

        Long model(Long manufacturerId, String name) {
            return models.get(manufacturerId + "|" + name.strip().toLowerCase(Locale.ROOT));
        }

        Long department(String code) {
            return departments.get(code.strip().toUpperCase(Locale.ROOT));
        }

        /** {location id, department id}, or null when there is no such location. */
        Long[] location(String publicId) {
            String key = publicId.strip();
            if (!locations.containsKey(key)) {
                List<Object[]> r = em.createQuery("select l.id, l.department.id from Location l where l.publicId = :p",
                        Object[].class).setParameter("p", key).getResultList();
                locations.put(key, r.isEmpty() ? null : new Long[]{(Long) r.getFirst()[0], (Long) r.getFirst()[1]});
            }
            return locations.get(key);
        }
    }
}
