package org.patchcare.demo;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * For the demo only ({@code PATCHCARE_DEMO_HISTORY=true}, set by {@code ./mvnw -Prun}): a plausible past year of the
 * demo hospital, so the dashboards and metrics have content at first start. It writes 24 fictitious advisories
 * ({@code PATCHCARE-DEMO-HIST-01} … published over the last year, publisher "PatchCare demo history (fictitious)",
 * CVE numbers from a range no real advisory of the demo uses) about models the demo hospital owns, their exposures on
 * every in-service device of the model (matched, triaged, fixed), change requests per department with approvals,
 * downtime windows and transitions, and patch records with their verification: as the screens would have recorded
 * them. Shapes: triage gets faster quarter by quarter, the ICU's clinical approval is the slowest step, about one
 * request in twelve fails and is rolled back then repeated, a few vendor visits are recorded as unplanned work, two
 * advisories are left unpatched in one department each (overdue), and the newest ones are still under way.
 * <p>JDBC batches in one transaction, ids from a block reserved in {@code id_generator}; seeded, so every start
 * gives the same history relative to today; skipped when the history exists. The exposures get their SSVC decisions
 * from the risk job within seconds (due dates count from the match time written here). No audit entries: this is
 * generated data, not anybody's action (docs/demo.md).
 */
@Stateless
@PermitAll
public class DemoHistory {

    private static final Logger LOG = Logger.getLogger(DemoHistory.class.getName());
    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC));
    public static final String TRACKING_PREFIX = "PATCHCARE-DEMO-HIST-";
    static final int ADVISORIES = 24;
    /** The department whose clinical approvals take longest in the story. */
    static final String SLOW_APPROVALS = "ICU";
    private static final long ID_BLOCK = 1_000_000;
    private static final String ACTOR = "demo-history";

    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    DataSource dataSource;
    @Inject
    Clock clock;

    /**
     * Reserves ids in its own transaction (so the generator's row is not locked while the history is written): a block
     * far above anything Hibernate holds in memory; Hibernate continues after it.
     *
     * @return the first id to use, or -1 when the history exists already
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long reserveIds() {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM advisory WHERE tracking_id LIKE ?")) {
                ps.setString(1, TRACKING_PREFIX + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return -1;
                    }
                }
            }
            try (PreparedStatement up = c.prepareStatement("UPDATE id_generator SET next_val = next_val + ? "
                    + "WHERE sequence_name = 'patchcare'")) {
                up.setLong(1, ID_BLOCK);
                if (up.executeUpdate() != 1) {
                    throw new IllegalStateException("no id generator row 'patchcare'");
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT next_val FROM id_generator WHERE sequence_name = 'patchcare'");
                 ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1) - ID_BLOCK + 10_000;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Demo history: ids could not be reserved: " + e.getMessage(), e);
        }
    }

    /** Writes the history with ids from {@code firstId} (see {@link #reserveIds()}). */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void load(long firstId) {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            Writer w = new Writer(c, firstId, clock.instant());
            w.run();
            LOG.info(() -> String.format(Locale.ROOT, "Demo history written in %d ms: %d advisories, %d exposures, "
                            + "%d change requests, %d patch records", (System.nanoTime() - t0) / 1_000_000, ADVISORIES,
                    w.exposures, w.requests, w.patches));
        } catch (SQLException e) {
            throw new IllegalStateException("Demo history could not be written: " + e.getMessage(), e);
        }
    }

    /** A device of the demo hospital. */
    record Device(long id, String assetTag, long modelId, String model, String manufacturer, long departmentId,
                  String department, String version, String zone) {
    }

    /** One exposure while it is planned. */
    static final class Plan {
        final long id;
        final Device device;
        final String cve;
        final Instant matched;
        Instant triaged;
        Instant fixed;
        String fixedBy;
        String fixedWhy;

        Plan(long id, Device device, String cve, Instant matched) {
            this.id = id;
            this.device = device;
            this.cve = cve;
            this.matched = matched;
        }
    }

    private static final String[][] VULNERABILITIES = {
            {"Hard-coded credentials in the service interface", "CWE-798",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8"},
            {"Unauthenticated remote code execution in the network stack", "CWE-787",
                    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "9.8"},
            {"Authentication bypass in the web configuration page", "CWE-287",
                    "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:N", "8.1"},
            {"Cleartext transmission of patient data", "CWE-319",
                    "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", "6.5"},
            {"Denial of service through malformed HL7 messages", "CWE-20",
                    "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", "6.5"},
            {"Privilege escalation through the maintenance USB port", "CWE-269",
                    "CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "6.8"},
            {"Outdated Windows components of the workstation", "CWE-1104",
                    "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:H", "7.5"},
            {"Cross-site scripting in the device's web viewer", "CWE-79",
                    "CVSS:3.1/AV:N/AC:L/PR:L/UI:R/S:C/C:L/I:L/A:N", "5.4"}};

    /** Does the writing; one instance per load. */
    private final class Writer {
        private final Connection c;
        private final Instant now;
        private final Random rnd = new Random(20261124L);
        private long nextId;
        int exposures;
        int requests;
        int patches;
        private int cveNo = 1;
        private int uuidNo;
        private final List<long[]> requestExposures = new ArrayList<>();

        private PreparedStatement exposureIns;
        private PreparedStatement eventIns;
        private PreparedStatement patchIns;

        Writer(Connection c, long firstId, Instant now) {
            this.c = c;
            this.nextId = firstId;
            this.now = now.truncatedTo(ChronoUnit.SECONDS);
        }

        void run() throws SQLException {
            Map<Long, List<Device>> byModel = devices();
            List<Long> models = byModel.entrySet().stream().filter(e -> e.getValue().size() >= 3)
                    .sorted((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()))
                    .map(Map.Entry::getKey).toList();
            if (models.isEmpty()) {
                return;
            }
            exposureIns = c.prepareStatement("INSERT INTO exposure (id, version, public_id, device_id, advisory_id, cve, "
                    + "state, justification, state_reason, matched_product, certainty, match_reason, created_at, "
                    + "created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, ?, ?, ?, NULL, ?, ?, 'CERTAIN', ?, ?, "
                    + "'matching', ?, ?)");
            eventIns = c.prepareStatement("INSERT INTO exposure_event (id, exposure_id, occurred_at, actor, from_state, "
                    + "to_state, justification, reason) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)");
            patchIns = c.prepareStatement("INSERT INTO patch_record (id, version, public_id, change_request_id, device_id, "
                    + "asset_tag, unplanned, status, action, from_version, to_version, control_applied, vendor_engineer, notes, "
                    + "result, started_at, started_by, performed_at, performed_by, functional_check, "
                    + "returned_to_service, verified_at, verified_by, rollback_at, rollback_by, rollback_notes, "
                    + "created_at, created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, ?, ?, ?, ?, 'SOFTWARE_UPDATE', "
                    + "?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            Instant start = now.minus(Duration.ofDays(365));
            for (int k = 0; k < ADVISORIES; k++) {
                Instant published = start.plus(Duration.ofDays(k * 15L + rnd.nextInt(5))).plus(Duration.ofHours(13));
                List<Device> devices = byModel.get(models.get(k % models.size()));
                advisory(k, published, devices);
            }
            exposureIns.executeBatch();
            eventIns.executeBatch();
            patchIns.executeBatch();
            try (PreparedStatement x = c.prepareStatement("INSERT INTO change_request_exposure (change_request_id, "
                    + "exposure_id) VALUES (?, ?)")) {
                for (long[] pair : requestExposures) {
                    x.setLong(1, pair[0]);
                    x.setLong(2, pair[1]);
                    x.addBatch();
                }
                x.executeBatch();
            }
        }

        /** One fictitious advisory about one model, and everything that followed it. */
        private void advisory(int k, Instant published, List<Device> devices) throws SQLException {
            Device any = devices.getFirst();
            long advisoryId = id();
            int vulns = 1 + (rnd.nextInt(3) == 0 ? 1 : 0);
            String tracking = TRACKING_PREFIX + String.format(Locale.ROOT, "%02d", k + 1);
            int vendorLagDays = rnd.nextInt(4) == 0 ? 0 : 3 + rnd.nextInt(40);
            boolean urgent = false; // an exploit is known: the hospital hurries (outcome out-of-cycle or immediate)
            Instant vendorFix = published.plus(Duration.ofDays(vendorLagDays));
            List<String> cves = new ArrayList<>();
            double maxCvss = 0;
            try (PreparedStatement v = c.prepareStatement("INSERT INTO advisory_vulnerability (id, advisory_id, position, "
                    + "cve, cwe_id, cwe_name, title, summary, cvss3_vector, cvss3_score, cvss3_severity, cvss2_vector, "
                    + "cvss2_score, discovery_date, release_date) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, NULL, NULL, "
                    + "NULL, ?)");
                 PreparedStatement rem = c.prepareStatement("INSERT INTO vulnerability_remediation (vulnerability_id, "
                         + "position, category, details, url, remediation_date, restart_required, restart_details, "
                         + "product_ids) VALUES (?, 0, 'vendor_fix', ?, NULL, ?, NULL, NULL, NULL)");
                 PreparedStatement threat = c.prepareStatement("INSERT INTO vulnerability_remark (vulnerability_id, "
                         + "position, kind, category, details, product_ids) VALUES (?, 0, 'THREAT', 'exploit_status', ?, "
                         + "NULL)")) {
                for (int i = 0; i < vulns; i++) {
                    String[] spec = VULNERABILITIES[rnd.nextInt(VULNERABILITIES.length)];
                    String cve = "CVE-" + LocalDate.ofInstant(published, ZoneOffset.UTC).getYear() + "-"
                            + (990000 + cveNo++);
                    cves.add(cve);
                    double score = Double.parseDouble(spec[3]);
                    maxCvss = Math.max(maxCvss, score);
                    long vid = id();
                    v.setLong(1, vid);
                    v.setLong(2, advisoryId);
                    v.setInt(3, i);
                    v.setString(4, cve);
                    v.setString(5, spec[1]);
                    v.setString(6, spec[0] + " (fictitious, demo history)");
                    v.setString(7, spec[0] + " in " + any.manufacturer() + " " + any.model()
                            + ". Fictitious vulnerability generated for the PatchCare demo.");
                    v.setString(8, spec[2]);
                    v.setBigDecimal(9, java.math.BigDecimal.valueOf(score));
                    v.setString(10, score >= 9 ? "CRITICAL" : score >= 7 ? "HIGH" : "MEDIUM");
                    ts(v, 11, published);
                    v.addBatch();
                    rem.setLong(1, vid);
                    rem.setString(2, "Update to the manufacturer's fixed software release.");
                    ts(rem, 3, vendorFix);
                    rem.addBatch();
                    // every fifth advisory is exploited in the wild; about half of the others have a public exploit
                    boolean active = i == 0 && k % 5 == 4;
                    if (active || rnd.nextInt(2) == 0) {
                        urgent = true;
                        threat.setLong(1, vid);
                        threat.setString(2, active ? "The manufacturer reports that the vulnerability is actively "
                                + "exploited in the wild." : "Public proof-of-concept exploit code is available.");
                        threat.addBatch();
                    }
                }
                try (PreparedStatement a = c.prepareStatement("INSERT INTO advisory (id, version, tracking_id, title, "
                        + "publisher_name, publisher_category, publisher_namespace, tlp, tracking_version, "
                        + "tracking_status, initial_release, current_release, csaf_version, origin, revision_count, "
                        + "current_revision, content_hash, vendors, max_cvss, cves, created_at, created_by, updated_at, "
                        + "updated_by) VALUES (?, 0, ?, ?, 'PatchCare demo history (fictitious)', 'other', "
                        + "'https://patchcare.example/demo', 'CLEAR', '1', 'final', ?, ?, NULL, 'API', 1, 1, NULL, ?, ?, "
                        + "?, ?, ?, ?, ?)")) {
                    Instant imported = published.plus(Duration.ofHours(6 + rnd.nextInt(30)));
                    a.setLong(1, advisoryId);
                    a.setString(2, tracking);
                    a.setString(3, "Demo history (fictitious): " + any.manufacturer() + " " + any.model());
                    ts(a, 4, published);
                    ts(a, 5, published);
                    a.setString(6, any.manufacturer());
                    a.setBigDecimal(7, java.math.BigDecimal.valueOf(maxCvss));
                    a.setString(8, String.join(" ", cves));
                    ts(a, 9, imported);
                    a.setString(10, ACTOR);
                    ts(a, 11, imported);
                    a.setString(12, ACTOR);
                    a.executeUpdate();
                    v.executeBatch();
                    rem.executeBatch();
                    threat.executeBatch();
                    matchAndWork(k, advisoryId, tracking, cves, devices, imported, vendorFix, urgent);
                }
            }
        }

        /** Exposures of every device of the model, triage, and the work per department. */
        private void matchAndWork(int k, long advisoryId, String tracking, List<String> cves, List<Device> devices,
                                  Instant matched, Instant vendorFix, boolean urgent) throws SQLException {
            // triage gets faster over the year: about 12 days for the oldest advisories, under 2 for the newest;
            // a known exploit is looked at sooner
            double triageMeanDays = (12 - 10.5 * k / (ADVISORIES - 1.0)) * (urgent ? 0.4 : 1);
            Map<String, List<Plan>> byDepartment = new LinkedHashMap<>();
            for (Device d : devices) {
                for (String cve : cves) {
                    Plan p = new Plan(id(), d, cve, matched.plus(Duration.ofMinutes(rnd.nextInt(20))));
                    long triageMinutes = (long) (triageMeanDays * (0.5 + rnd.nextDouble()) * 24 * 60);
                    Instant triaged = p.matched.plus(Duration.ofMinutes(triageMinutes));
                    p.triaged = triaged.isBefore(now) ? triaged : null;
                    byDepartment.computeIfAbsent(d.department(), x -> new ArrayList<>()).add(p);
                }
            }
            // two advisories stay unpatched in one department (the most and the least affected): overdue by now
            java.util.Comparator<Map.Entry<String, List<Plan>>> bySize = java.util.Comparator.comparingInt(e -> e.getValue().size());
            String leftOpenDepartment = k == 7 ? byDepartment.entrySet().stream().max(bySize).map(Map.Entry::getKey).orElse(null)
                    : k == 12 ? byDepartment.entrySet().stream().min(bySize).map(Map.Entry::getKey).orElse(null) : null;
            for (Map.Entry<String, List<Plan>> e : byDepartment.entrySet()) {
                List<Plan> plans = e.getValue();
                boolean leftOpen = e.getKey().equals(leftOpenDepartment);
                boolean vendorVisit = !leftOpen && plans.stream().map(p -> p.device.id()).distinct().count() <= 2
                        && rnd.nextInt(3) == 0;
                Instant ready = latest(plans.stream().map(p -> p.triaged).toList(), vendorFix);
                if (leftOpen || ready == null) {
                    // left open (overdue), or not triaged everywhere yet: no request
                } else if (vendorVisit) {
                    unplanned(plans, ready.plus(Duration.ofDays(3 + rnd.nextInt(15))));
                } else {
                    request(tracking, plans, ready.plus(Duration.ofHours(urgent ? 2 + rnd.nextInt(20)
                            : 4 + rnd.nextInt(5 * 24))), 1, urgent);
                }
                for (Plan p : plans) {
                    writeExposure(p, advisoryId, tracking);
                }
            }
        }

        /** A change request for the department's exposures; a failed one is rolled back and followed by another. */
        private void request(String tracking, List<Plan> plans, Instant submitted, int attempt, boolean urgent)
                throws SQLException {
            if (!submitted.isBefore(now)) {
                return;
            }
            Device first = plans.getFirst().device;
            boolean slow = first.department().equals(SLOW_APPROVALS);
            Instant security = submitted.plus(Duration.ofHours(urgent ? 1 + rnd.nextInt(6) : 2 + rnd.nextInt(30)));
            Duration clinicalLag = slow ? Duration.ofHours(24 * ((urgent ? 3 : 10) + rnd.nextInt(urgent ? 6 : 14)) + rnd.nextInt(24))
                    : Duration.ofHours(urgent ? 2 + rnd.nextInt(30) : 3 + rnd.nextInt(4 * 24));
            Instant clinical = submitted.plus(clinicalLag);
            Instant approved = security.isAfter(clinical) ? security : clinical;
            Instant scheduledAt = approved.plus(Duration.ofHours(1 + rnd.nextInt(20)));
            LocalDate day = LocalDate.ofInstant(approved, ZoneOffset.UTC).plusDays(urgent ? 1 + rnd.nextInt(3)
                    : 2 + rnd.nextInt(10));
            ZoneId zone = ZoneId.of(first.zone());
            Instant windowStart = day.atTime(LocalTime.of(7, 0)).atZone(zone).toInstant();
            List<Device> devices = plans.stream().map(p -> p.device).distinct().toList();
            int minutes = 45 + 20 * devices.size();
            Instant windowEnd = windowStart.plus(Duration.ofMinutes(minutes));
            boolean fails = attempt == 1 && rnd.nextInt(12) == 0;

            String status;
            if (now.isBefore(approved)) {
                status = "SUBMITTED";
            } else if (now.isBefore(windowEnd)) {
                status = "SCHEDULED";
            } else {
                status = fails ? "ROLLED_BACK" : "COMPLETED";
            }
            long crId = id();
            requests++;
            String publicId = uuid();
            String reference = "CR-" + publicId.substring(0, 8).toUpperCase(Locale.ROOT);
            String technician = rnd.nextBoolean() ? "biomed" : "itsec";
            Instant finished = status.equals("COMPLETED") || status.equals("ROLLED_BACK")
                    ? windowEnd.minus(Duration.ofMinutes(rnd.nextInt(15))) : null;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_request (id, version, public_id, reference, "
                    + "kind, status, title, planned_action, vendor_reference, manufacturer_validated, expected_minutes, "
                    + "clinical_impact, backup_equipment, rollback_plan, technician, emergency, needs_review, "
                    + "requested_by, submitted_at, approved_at, scheduled_at, started_at, finished_at, escalated_at, "
                    + "created_at, created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, 'PATCH', ?, ?, ?, ?, TRUE, ?, "
                    + "?, ?, ?, ?, FALSE, FALSE, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)")) {
                int i = 1;
                ps.setLong(i++, crId);
                ps.setString(i++, publicId);
                ps.setString(i++, reference);
                ps.setString(i++, status);
                ps.setString(i++, (attempt > 1 ? "Second attempt: " : "") + "Patch " + first.manufacturer() + " "
                        + first.model() + " for " + tracking + " (" + first.department() + ")");
                ps.setString(i++, "Install the manufacturer's fixed release on " + devices.size() + " device"
                        + (devices.size() == 1 ? "" : "s") + "; functional check and return to service. Demo history.");
                ps.setString(i++, "FSN-" + tracking.substring(TRACKING_PREFIX.length()));
                ps.setInt(i++, minutes);
                ps.setString(i++, "Devices out of use during the window; patients move to spare units.");
                ps.setString(i++, "Spare units from the biomed pool");
                ps.setString(i++, "Reinstall the previous release from the vendor image");
                ps.setString(i++, technician);
                ps.setString(i++, technician);
                ts(ps, i++, submitted);
                ts(ps, i++, status.equals("SUBMITTED") ? null : approved);
                ts(ps, i++, status.equals("SUBMITTED") ? null : scheduledAt);
                ts(ps, i++, finished == null ? null : windowStart);
                ts(ps, i++, finished);
                ts(ps, i++, submitted.minus(Duration.ofHours(1)));
                ps.setString(i++, technician);
                ts(ps, i++, finished != null ? finished : status.equals("SUBMITTED") ? submitted : scheduledAt);
                ps.setString(i, technician);
                ps.executeUpdate();
            }
            try (PreparedStatement d = c.prepareStatement("INSERT INTO change_request_device (change_request_id, device_id) "
                    + "VALUES (?, ?)");
                 PreparedStatement w = c.prepareStatement("INSERT INTO downtime_window (id, version, public_id, "
                         + "change_request_id, device_id, starts_at, ends_at, zone_id, status, technician, sequence_no, "
                         + "reminded_at, created_at, created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, ?, ?, ?, ?, "
                         + "?, ?, 0, NULL, ?, ?, ?, ?)")) {
                String windowStatus = switch (status) {
                    case "SUBMITTED" -> "PROPOSED";
                    case "SCHEDULED" -> "APPROVED";
                    default -> "DONE";
                };
                for (Device dev : devices) {
                    d.setLong(1, crId);
                    d.setLong(2, dev.id());
                    d.addBatch();
                    w.setLong(1, id());
                    w.setString(2, uuid());
                    w.setLong(3, crId);
                    w.setLong(4, dev.id());
                    ts(w, 5, windowStart);
                    ts(w, 6, windowEnd);
                    w.setString(7, dev.zone());
                    w.setString(8, windowStatus);
                    w.setString(9, technician);
                    ts(w, 10, submitted.minus(Duration.ofHours(1)));
                    w.setString(11, technician);
                    ts(w, 12, finished != null ? finished : submitted);
                    w.setString(13, technician);
                    w.addBatch();
                }
                for (Plan p : plans) {
                    requestExposures.add(new long[]{crId, p.id}); // written after the exposures
                }
                d.executeBatch();
                w.executeBatch();
            }
            approvals(crId, first, submitted, security, clinical, status);
            List<Object[]> moves = new ArrayList<>();
            moves.add(new Object[]{null, "DRAFT", technician, submitted.minus(Duration.ofHours(1)), null});
            moves.add(new Object[]{"DRAFT", "SUBMITTED", technician, submitted, "ward informed"});
            if (!status.equals("SUBMITTED")) {
                moves.add(new Object[]{"SUBMITTED", "APPROVED", slowerApprover(security, clinical), approved,
                        "all approvals given"});
                moves.add(new Object[]{"APPROVED", "SCHEDULED", technician, scheduledAt, null});
            }
            if (finished != null) {
                moves.add(new Object[]{"SCHEDULED", "IN_PROGRESS", technician, windowStart, null});
                if (fails) {
                    Instant failedAt = finished.minus(Duration.ofMinutes(10));
                    moves.add(new Object[]{"IN_PROGRESS", "FAILED", technician, failedAt,
                            "device did not pass the functional check after the update"});
                    moves.add(new Object[]{"FAILED", "ROLLED_BACK", technician, finished, "previous release restored"});
                } else {
                    moves.add(new Object[]{"IN_PROGRESS", "COMPLETED", technician, finished, "all devices verified"});
                }
            }
            try (PreparedStatement t = c.prepareStatement("INSERT INTO change_request_transition (change_request_id, "
                    + "from_status, to_status, actor, occurred_at, comment) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Object[] m : moves) {
                    t.setLong(1, crId);
                    t.setString(2, (String) m[0]);
                    t.setString(3, (String) m[1]);
                    t.setString(4, (String) m[2]);
                    ts(t, 5, (Instant) m[3]);
                    t.setString(6, (String) m[4]);
                    t.addBatch();
                }
                t.executeBatch();
            }
            if (finished == null) {
                return;
            }
            // the work, device by device
            Instant at = windowStart;
            Map<Long, Instant> done = new LinkedHashMap<>();
            for (Device dev : devices) {
                Instant started = at;
                Instant performed = started.plus(Duration.ofMinutes(15 + rnd.nextInt(25)));
                Instant verified = performed.plus(Duration.ofMinutes(10 + rnd.nextInt(50)));
                if (verified.isAfter(finished)) {
                    verified = finished;
                    performed = performed.isAfter(verified) ? verified.minus(Duration.ofMinutes(5)) : performed;
                }
                patch(crId, dev, false, fails, started, performed, fails ? null : verified, technician,
                        fails ? finished : null);
                done.put(dev.id(), performed);
                at = performed.plus(Duration.ofMinutes(5));
            }
            if (fails) {
                request(tracking, plans, finished.plus(Duration.ofDays(3 + rnd.nextInt(10))), attempt + 1, urgent);
                return;
            }
            for (Plan p : plans) {
                p.fixed = done.get(p.device.id());
                p.fixedBy = technician;
                p.fixedWhy = "Patched under change request " + reference + ": " + fromVersion(p.device.version())
                        + " to " + p.device.version() + " (demo history)";
            }
        }

        private String slowerApprover(Instant security, Instant clinical) {
            return security.isAfter(clinical) ? "itsec" : "manager";
        }

        private void approvals(long crId, Device first, Instant submitted, Instant security, Instant clinical,
                               String status) throws SQLException {
            try (PreparedStatement a = c.prepareStatement("INSERT INTO approval (id, version, change_request_id, slot, "
                    + "approver_role, department_id, status, decided_by, decided_at, comment, proposed_start, "
                    + "proposed_end, conflict_override, after_start, escalated_at, created_at, created_by, updated_at, "
                    + "updated_by) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, FALSE, NULL, ?, ?, ?, ?)")) {
                boolean pending = status.equals("SUBMITTED");
                for (int i = 0; i < 2; i++) {
                    boolean sec = i == 0;
                    Instant decided = sec ? security : clinical;
                    boolean open = pending && !decided.isBefore(now);
                    a.setLong(1, id());
                    a.setLong(2, crId);
                    a.setString(3, sec ? "SECURITY" : "DEPARTMENT:" + first.departmentId());
                    a.setString(4, sec ? "SECURITY" : "CLINICAL");
                    if (sec) {
                        a.setNull(5, Types.BIGINT);
                    } else {
                        a.setLong(5, first.departmentId());
                    }
                    a.setString(6, open ? "PENDING" : "APPROVED");
                    a.setString(7, open ? null : sec ? "itsec" : "manager");
                    ts(a, 8, open ? null : decided);
                    a.setString(9, open ? null : sec ? "firmware checked against the vendor bulletin"
                            : "night shift, spare units on the ward");
                    ts(a, 10, submitted);
                    a.setString(11, ACTOR);
                    ts(a, 12, open ? submitted : decided);
                    a.setString(13, open ? ACTOR : sec ? "itsec" : "manager");
                    a.addBatch();
                }
                a.executeBatch();
            }
        }

        /** A vendor visit outside any request: recorded as unplanned work. */
        private void unplanned(List<Plan> plans, Instant performed) throws SQLException {
            if (!performed.isBefore(now)) {
                return;
            }
            Map<Long, Instant> done = new LinkedHashMap<>();
            Instant at = performed;
            for (Device dev : plans.stream().map(p -> p.device).distinct().toList()) {
                patch(null, dev, true, false, at.minus(Duration.ofMinutes(40)), at, at.plus(Duration.ofMinutes(30)),
                        "biomed", null);
                done.put(dev.id(), at);
                at = at.plus(Duration.ofMinutes(50));
            }
            for (Plan p : plans) {
                p.fixed = done.get(p.device.id());
                p.fixedBy = "biomed";
                p.fixedWhy = "Patched by the manufacturer's engineer during a service visit (unplanned): "
                        + fromVersion(p.device.version()) + " to " + p.device.version() + " (demo history)";
            }
        }

        private void patch(Long crId, Device dev, boolean unplanned, boolean failed, Instant started, Instant performed,
                           Instant verified, String who, Instant rolledBack) throws SQLException {
            patches++;
            int i = 1;
            patchIns.setLong(i++, id());
            patchIns.setString(i++, uuid());
            if (crId == null) {
                patchIns.setNull(i++, Types.BIGINT);
            } else {
                patchIns.setLong(i++, crId);
            }
            patchIns.setLong(i++, dev.id());
            patchIns.setString(i++, dev.assetTag());
            patchIns.setBoolean(i++, unplanned);
            patchIns.setString(i++, failed ? "ROLLED_BACK" : "VERIFIED");
            patchIns.setString(i++, fromVersion(dev.version()));
            patchIns.setString(i++, dev.version());
            patchIns.setString(i++, unplanned ? "Field service engineer, " + dev.manufacturer() : null);
            patchIns.setString(i++, "Demo history.");
            patchIns.setString(i++, failed ? "FAILED" : rnd.nextInt(15) == 0 ? "PARTIAL" : "SUCCESS");
            ts(patchIns, i++, started);
            patchIns.setString(i++, who);
            ts(patchIns, i++, performed);
            patchIns.setString(i++, who);
            patchIns.setString(i++, failed ? null : "Self-test passed; alarms and network connection checked");
            if (failed) {
                patchIns.setNull(i++, Types.BOOLEAN);
            } else {
                patchIns.setBoolean(i++, true);
            }
            ts(patchIns, i++, verified);
            patchIns.setString(i++, verified == null ? null : who.equals("biomed") ? "itsec" : "biomed");
            ts(patchIns, i++, rolledBack);
            patchIns.setString(i++, rolledBack == null ? null : who);
            patchIns.setString(i++, rolledBack == null ? null : "Functional check failed; previous release restored.");
            ts(patchIns, i++, started);
            patchIns.setString(i++, who);
            ts(patchIns, i++, rolledBack != null ? rolledBack : verified != null ? verified : performed);
            patchIns.setString(i, who);
            patchIns.addBatch();
        }

        private void writeExposure(Plan p, long advisoryId, String tracking) throws SQLException {
            exposures++;
            String state = p.fixed != null ? "FIXED" : p.triaged != null ? "AFFECTED" : "UNDER_INVESTIGATION";
            Instant updated = p.fixed != null ? p.fixed : p.triaged != null ? p.triaged : p.matched;
            String matchReason = "model " + p.device.model() + " named in the advisory; version " + p.device.version()
                    + " affected";
            String triageWhy = "Confirmed on site: version " + p.device.version() + " is installed (demo history)";
            int i = 1;
            exposureIns.setLong(i++, p.id);
            exposureIns.setString(i++, uuid());
            exposureIns.setLong(i++, p.device.id());
            exposureIns.setLong(i++, advisoryId);
            exposureIns.setString(i++, p.cve);
            exposureIns.setString(i++, state);
            exposureIns.setString(i++, p.fixed != null ? p.fixedWhy : p.triaged != null ? triageWhy : null);
            exposureIns.setString(i++, p.device.manufacturer() + " " + p.device.model() + " " + p.device.version());
            exposureIns.setString(i++, matchReason);
            ts(exposureIns, i++, p.matched);
            ts(exposureIns, i++, updated);
            exposureIns.setString(i, p.fixed != null ? p.fixedBy : p.triaged != null ? "biomed" : "matching");
            exposureIns.addBatch();
            event(p.id, p.matched, "matching", null, "UNDER_INVESTIGATION", "Matched advisory " + tracking
                    + " revision 1: " + matchReason);
            if (p.triaged != null) {
                event(p.id, p.triaged, rnd.nextBoolean() ? "biomed" : "itsec", "UNDER_INVESTIGATION", "AFFECTED", triageWhy);
            }
            if (p.fixed != null) {
                event(p.id, p.fixed, p.fixedBy, "AFFECTED", "FIXED", p.fixedWhy);
            }
        }

        private void event(long exposureId, Instant at, String actor, String from, String to, String reason)
                throws SQLException {
            eventIns.setLong(1, id());
            eventIns.setLong(2, exposureId);
            ts(eventIns, 3, at);
            eventIns.setString(4, actor);
            eventIns.setString(5, from);
            eventIns.setString(6, to);
            eventIns.setString(7, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
            eventIns.addBatch();
        }

        /** The in-service devices with what the story needs, by model. */
        private Map<Long, List<Device>> devices() throws SQLException {
            Map<Long, List<Device>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, d.asset_tag, m.id, m.name, mf.name, dep.id, "
                    + "dep.code, d.software_version, f.time_zone FROM device d JOIN device_model m ON m.id = d.model_id "
                    + "JOIN manufacturer mf ON mf.id = m.manufacturer_id JOIN department dep ON dep.id = d.department_id "
                    + "JOIN facility f ON f.id = dep.facility_id WHERE d.status = 'IN_SERVICE' ORDER BY m.id, d.asset_tag");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Device d = new Device(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getLong(6), rs.getString(7),
                            rs.getString(8) == null ? "1.0" : rs.getString(8), rs.getString(9));
                    out.computeIfAbsent(d.modelId(), k -> new ArrayList<>()).add(d);
                }
            }
            return out;
        }

        private long id() {
            return nextId++;
        }

        private String uuid() {
            return UUID.nameUUIDFromBytes(("patchcare-demo-history-" + uuidNo++).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
    }

    /** The newest of the instants, or null when one of them has not happened. */
    static Instant latest(List<Instant> instants, Instant other) {
        Instant max = other;
        for (Instant i : instants) {
            if (i == null) {
                return null;
            }
            max = i.isAfter(max) ? i : max;
        }
        return max;
    }

    /** A plausible earlier version: the last number lowered ("4.2.1" → "4.2.0", "7.0" → "6.9"), else "before …". */
    static String fromVersion(String version) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(.*?)(\\d+)([^\\d]*)$").matcher(version);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(2).length() > 6 ? "1" : m.group(2));
            if (n > 0) {
                return m.group(1) + (n - 1) + m.group(3);
            }
        }
        return "before " + version;
    }

    private static void ts(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setTimestamp(index, Timestamp.from(value), UTC);
        }
    }
}
