package org.patchcare.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A year of patching history with known durations, written straight into the tables by JDBC batches (like
 * {@link DowntimeFixtures}): its own facility with two departments, one device per exposure, advisories with their
 * publication and vendor-fix dates, exposures matched, triaged by a person, change requests submitted and approved
 * (transitions), downtime windows, patch records performed and verified, moves to fixed, decisions with due dates.
 * {@link #plan} is deterministic, so a test works out the expected metrics from the same durations on its own.
 * Every row is stamped as written now (updated_at), as real writes are, so the incremental refresh finds them.
 */
public final class MetricsHistory {

    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    /** The first advisory of the year. */
    public static final Instant YEAR_START = Instant.parse("2025-01-06T08:00:00Z");
    public static final int PATCHED = 40;
    public static final int OPEN = 12;

    private MetricsHistory() {
    }

    /** What happened to one exposure (each on its own device); instants null where the step did not happen. */
    public record Item(int n, String kind, int department, String outcome, int score, String state,
                       Instant published, Instant vendorFix, Instant matched, Instant triaged, Instant requestCreated,
                       Instant submitted, Instant approved, Instant windowStart, Instant patched, Instant verified,
                       Instant closed, Instant due, String requestStatus) {

        /** The patched instant the metrics should show: the patch record's, or the move to fixed without one. */
        public Instant chainPatched() {
            return "PATCHED".equals(kind) ? patched : "FIXED_BY_EVENT".equals(kind) ? closed : null;
        }

        public boolean open() {
            return closed == null;
        }
    }

    static Instant days(Instant t, double d) {
        return t.plus(Duration.ofMillis(Math.round(d * 86_400_000)));
    }

    /**
     * 40 exposures patched through a request (departments alternate, outcomes alternate in pairs, published eight days
     * apart through 2025), one fixed by matching alone (no patch record), two found not affected, twelve still open
     * (six overdue, one due in three days, every fourth waiting on an approval).
     */
    public static List<Item> plan(Instant now) {
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < PATCHED; i++) {
            Instant published = days(YEAR_START, i * 8).plus(Duration.ofHours(i % 3));
            Instant vendorFix = i % 7 == 0 ? null : days(published, 0.5 * (i % 5));
            Instant matched = days(published, 1 + i % 3);
            Instant triaged = days(matched, 0.25 + 0.5 * (i % 4));
            Instant created = days(triaged, 0.125);
            Instant submitted = days(created, 0.25);
            Instant approved = days(submitted, 1 + 0.75 * (i % 6));
            Instant window = days(approved, 2 + 2 * (i % 3));
            Instant patched = days(window, 0.125 + 0.5 * (i % 2));
            Instant verified = days(patched, 0.5 + 0.5 * (i % 3));
            String outcome = (i / 2) % 2 == 0 ? "IMMEDIATE" : "SCHEDULED";
            Instant due = days(matched, "IMMEDIATE".equals(outcome) ? 10 : 14);
            out.add(new Item(i, "PATCHED", i % 2, outcome, 10 + i, "FIXED", published, vendorFix, matched, triaged,
                    created, submitted, approved, window, patched, verified, patched.plus(Duration.ofMinutes(5)), due,
                    "COMPLETED"));
        }
        // fixed when matching saw the new software, with no patch record (a vendor visit nobody recorded yet)
        Instant p = Instant.parse("2025-05-02T08:00:00Z");
        out.add(new Item(PATCHED, "FIXED_BY_EVENT", 0, "SCHEDULED", 20, "FIXED", p, days(p, 1), days(p, 2), days(p, 3),
                null, null, null, null, null, null, days(p, 30), days(p, 16), null));
        for (int k = 0; k < 2; k++) {
            Instant q = Instant.parse("2025-07-01T08:00:00Z").plus(Duration.ofDays(10L * k));
            out.add(new Item(PATCHED + 1 + k, "NOT_AFFECTED", k, "DEFER", 5, "NOT_AFFECTED", q, null, days(q, 1),
                    days(q, 2), null, null, null, null, null, null, days(q, 2), days(q, 120), null));
        }
        for (int j = 0; j < OPEN; j++) {
            Instant q = Instant.parse("2025-06-01T08:00:00Z").plus(Duration.ofDays(20L * j));
            Instant matched = days(q, 1);
            Instant triaged = j % 3 == 0 ? null : days(matched, 1);
            boolean awaiting = j % 4 == 1;
            Instant due = j < 6 ? days(matched, 10) : j == 11 ? now.plus(Duration.ofDays(3)) : now.plus(Duration.ofDays(30));
            out.add(new Item(PATCHED + 3 + j, "OPEN", j % 2, j % 2 == 0 ? "IMMEDIATE" : "OUT_OF_CYCLE", 50 + j, "AFFECTED",
                    q, null, matched, triaged, awaiting ? days(matched, 2) : null, awaiting ? days(matched, 2.5) : null,
                    null, null, null, null, null, due, awaiting ? "SUBMITTED" : null));
        }
        return out;
    }

    /** The codes of a written history. */
    public record Written(String facility, String departmentA, String departmentB, String manufacturerId,
                          String deviceType, Map<Integer, String> assetTags, Map<Integer, String> exposureIds) {
    }

    /** Writes the plan into its own facility, departments, manufacturer and model (codes with a fresh suffix). */
    public static Written write(Connection c, List<Item> items) throws SQLException {
        String sfx = UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Writer w = new Writer(c, 7_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000L) * 1_000_000L);
        long facility = w.facility("MH" + sfx);
        long depA = w.department(facility, "MHA" + sfx);
        long depB = w.department(facility, "MHB" + sfx);
        String manufacturerPublicId = UUID.randomUUID().toString();
        long manufacturer = w.manufacturer(manufacturerPublicId, "Metrics History " + sfx);
        String type = "History pump " + sfx;
        long model = w.model(manufacturer, "MH-" + sfx, type);
        Map<Integer, String> tags = new LinkedHashMap<>();
        Map<Integer, String> exposures = new LinkedHashMap<>();
        for (Item it : items) {
            String tag = "MH-" + sfx + "-" + it.n();
            long device = w.device(tag, model, it.department() == 0 ? depA : depB);
            long advisory = w.advisory("MH-" + sfx + "-ADV-" + it.n(), it.published());
            String cve = String.format(Locale.ROOT, "CVE-2025-%d", 90000 + it.n());
            w.vulnerability(advisory, cve, it.vendorFix());
            String publicId = UUID.randomUUID().toString();
            long exposure = w.exposure(publicId, device, advisory, cve, it.state(), it.matched());
            w.event(exposure, it.matched(), "itsec (matching)", null, "UNDER_INVESTIGATION");
            if (it.triaged() != null) {
                w.event(exposure, it.triaged(), "itsec", "UNDER_INVESTIGATION", "AFFECTED");
            }
            if (it.closed() != null) {
                boolean fixed = "FIXED".equals(it.state());
                w.event(exposure, it.closed(), fixed ? "system (matching)" : "itsec",
                        it.triaged() == null ? "UNDER_INVESTIGATION" : "AFFECTED", it.state());
            }
            w.decision(exposure, device, it.outcome(), it.score(), it.open(), it.matched(), it.due());
            if (it.requestStatus() != null) {
                long request = w.request(it.requestStatus(), it.requestCreated(), it.submitted(), it.approved());
                w.link(request, device, exposure);
                w.transition(request, "DRAFT", "SUBMITTED", it.submitted());
                if (it.approved() != null) {
                    w.transition(request, "SUBMITTED", "APPROVED", it.approved());
                }
                if (it.windowStart() != null) {
                    w.window(request, device, it.windowStart(), "DONE");
                }
                if (it.patched() != null) {
                    w.patch(request, device, false, it.patched(), it.verified());
                }
            }
            tags.put(it.n(), tag);
            exposures.put(it.n(), publicId);
        }
        w.flush();
        return new Written("MH" + sfx, "MHA" + sfx, "MHB" + sfx, manufacturerPublicId, type, tags, exposures);
    }

    /** Records a successful unplanned patch on a device now (as the patching screens would). */
    public static void unplannedPatch(Connection c, String assetTag, Instant performedAt, Instant verifiedAt)
            throws SQLException {
        long device;
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM device WHERE asset_tag = ?")) {
            ps.setString(1, assetTag);
            try (var rs = ps.executeQuery()) {
                rs.next();
                device = rs.getLong(1);
            }
        }
        Writer w = new Writer(c, 7_900_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L));
        w.patch(null, device, true, performedAt, verifiedAt);
        w.flush();
    }

    /** Batched inserts into the tables the timeline reads; ids counted up from a base far above the id generator's. */
    public static final class Writer {
        private final Connection c;
        private long next;
        private final Timestamp now;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

        public Writer(Connection c, long firstId) {
            this(c, firstId, Instant.now());
        }

        /** {@code stamp}: the rows' created/updated time (a bulk load stamps them in the past: no incremental refresh). */
        public Writer(Connection c, long firstId, Instant stamp) {
            this.c = c;
            this.next = firstId;
            this.now = Timestamp.from(stamp);
        }

        public long nextId() {
            return next++;
        }

        private PreparedStatement ps(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = c.prepareStatement(sql);
                statements.put(sql, ps);
            }
            return ps;
        }

        private void add(String sql, Object... values) throws SQLException {
            PreparedStatement ps = ps(sql);
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                switch (v) {
                    case null -> ps.setNull(i + 1, Types.TIMESTAMP);
                    case Instant t -> ps.setTimestamp(i + 1, Timestamp.from(t), UTC);
                    case java.time.LocalDate d -> ps.setDate(i + 1, java.sql.Date.valueOf(d));
                    case Timestamp t -> ps.setTimestamp(i + 1, t, UTC);
                    case Long l -> ps.setLong(i + 1, l);
                    case Integer n -> ps.setInt(i + 1, n);
                    case Boolean b -> ps.setBoolean(i + 1, b);
                    default -> ps.setString(i + 1, v.toString());
                }
            }
            ps.addBatch();
        }

        /** Sends every batch (parents first: statements run in the order they were first used). */
        public void flush() throws SQLException {
            for (PreparedStatement ps : statements.values()) {
                ps.executeBatch();
            }
        }

        public void close() throws SQLException {
            for (PreparedStatement ps : statements.values()) {
                ps.close();
            }
        }

        private static final String AUDIT = "version, created_at, created_by, updated_at, updated_by";

        public long facility(String code) throws SQLException {
            long id = nextId();
            add("INSERT INTO facility (id, code, name, time_zone, " + AUDIT + ") VALUES (?, ?, ?, 'UTC', 0, ?, 'it', ?, 'it')",
                    id, code, "Facility " + code, now, now);
            return id;
        }

        public long department(long facility, String code) throws SQLException {
            long id = nextId();
            add("INSERT INTO department (id, facility_id, code, name, " + AUDIT + ") VALUES (?, ?, ?, ?, 0, ?, 'it', ?, 'it')",
                    id, facility, code, "Department " + code, now, now);
            return id;
        }

        public long manufacturer(String publicId, String name) throws SQLException {
            long id = nextId();
            add("INSERT INTO manufacturer (id, public_id, name, normalized_name, " + AUDIT + ") VALUES (?, ?, ?, ?, 0, ?, "
                    + "'it', ?, 'it')", id, publicId, name, name.toLowerCase(Locale.ROOT), now, now);
            return id;
        }

        public long model(long manufacturer, String name, String type) throws SQLException {
            long id = nextId();
            add("INSERT INTO device_model (id, public_id, manufacturer_id, name, device_type, end_of_support, " + AUDIT
                    + ") VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'it', ?, 'it')", id, UUID.randomUUID().toString(), manufacturer,
                    name, type, null, now, now);
            return id;
        }

        public long device(String tag, long model, long department) throws SQLException {
            return device(tag, model, department, null);
        }

        public long device(String tag, long model, long department, java.time.LocalDate endOfSupport) throws SQLException {
            long id = nextId();
            add("INSERT INTO device (id, asset_tag, model_id, department_id, status, criticality, stores_phi, connectivity, "
                    + "end_of_support, " + AUDIT + ") VALUES (?, ?, ?, ?, 'IN_SERVICE', 'DIAGNOSTIC', FALSE, "
                    + "'CLINICAL_NETWORK', ?, 0, ?, 'it', ?, 'it')", id, tag, model, department, endOfSupport, now, now);
            return id;
        }

        /** The risk context's per-device roll-up (normally written by its job). */
        public void deviceRisk(long device, long department, int score, int open, int overdue) throws SQLException {
            add("INSERT INTO device_risk (device_id, department_id, score, open_exposures, immediate, out_of_cycle, "
                    + "scheduled, deferred, overdue, updated_at) VALUES (?, ?, ?, ?, 0, 0, ?, 0, ?, ?)", device, department,
                    score, open, open, overdue, now);
        }

        public long advisory(String trackingId, Instant published) throws SQLException {
            long id = nextId();
            add("INSERT INTO advisory (id, version, tracking_id, title, publisher_name, publisher_category, tracking_version, "
                    + "tracking_status, initial_release, current_release, origin, revision_count, current_revision, vendors, "
                    + "cves, created_at, created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, 'Metrics history', 'vendor', "
                    + "'1', 'final', ?, ?, 'API', 1, 1, 'Metrics history', '', ?, 'it', ?, 'it')",
                    id, trackingId, "Advisory " + trackingId, published, published, now, now);
            return id;
        }

        /** The advisory's vulnerability and, when known, its vendor fix (a remediation of category vendor_fix). */
        public void vulnerability(long advisory, String cve, Instant vendorFix) throws SQLException {
            long id = nextId();
            add("INSERT INTO advisory_vulnerability (id, advisory_id, position, cve) VALUES (?, ?, 0, ?)", id, advisory, cve);
            if (vendorFix != null) {
                add("INSERT INTO vulnerability_remediation (vulnerability_id, position, category, details, remediation_date) "
                        + "VALUES (?, 0, 'vendor_fix', 'Update to the fixed release', ?)", id, vendorFix);
            }
        }

        public long exposure(String publicId, long device, long advisory, String cve, String state, Instant matched)
                throws SQLException {
            long id = nextId();
            add("INSERT INTO exposure (id, version, public_id, device_id, advisory_id, cve, state, matched_product, certainty, "
                    + "match_reason, created_at, created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, ?, ?, ?, 'history', "
                    + "'CERTAIN', 'generated history', ?, 'it', ?, 'it')", id, publicId, device, advisory, cve, state,
                    matched, now);
            return id;
        }

        public void event(long exposure, Instant at, String actor, String from, String to) throws SQLException {
            add("INSERT INTO exposure_event (id, exposure_id, occurred_at, actor, from_state, to_state, reason) "
                    + "VALUES (?, ?, ?, ?, ?, ?, 'generated history')", nextId(), exposure, at, actor, from, to);
        }

        public void decision(long exposure, long device, String outcome, int score, boolean open, Instant clockStart,
                             Instant due) throws SQLException {
            int rank = switch (outcome) {
                case "IMMEDIATE" -> 0;
                case "OUT_OF_CYCLE" -> 1;
                case "SCHEDULED" -> 2;
                default -> 3;
            };
            add("INSERT INTO exposure_decision (exposure_id, device_id, exploitation, exploitation_why, system_exposure, "
                    + "system_exposure_why, automatable, automatable_why, safety_impact, mission_impact, human_impact, "
                    + "human_impact_why, outcome, outcome_rank, score, score_factors, open_exposure, clock_started_at, due_at, "
                    + "evaluated_at) VALUES (?, ?, 'NONE', 'history', 'CONTROLLED', 'history', 'NO', 'history', 'MARGINAL', "
                    + "'MEF_SUPPORT_CRIPPLED', 'MEDIUM', 'history', ?, ?, ?, 'history', ?, ?, ?, ?)",
                    exposure, device, outcome, rank, score, open, clockStart, due, now);
        }

        public long request(String status, Instant created, Instant submitted, Instant approved) throws SQLException {
            long id = nextId();
            String publicId = UUID.randomUUID().toString();
            add("INSERT INTO change_request (id, version, public_id, reference, kind, status, title, planned_action, "
                    + "expected_minutes, requested_by, submitted_at, approved_at, created_at, created_by, updated_at, "
                    + "updated_by) VALUES (?, 0, ?, ?, 'PATCH', ?, 'Generated history', 'Install the vendor patch', 60, "
                    + "'biomed', ?, ?, ?, 'biomed', ?, 'biomed')", id, publicId,
                    "MH-" + Long.toString(id, 36).toUpperCase(Locale.ROOT), status, submitted, approved, created, now);
            return id;
        }

        public void link(long request, long device, long exposure) throws SQLException {
            add("INSERT INTO change_request_device (change_request_id, device_id) VALUES (?, ?)", request, device);
            add("INSERT INTO change_request_exposure (change_request_id, exposure_id) VALUES (?, ?)", request, exposure);
        }

        /** One more exposure linked to a request already linked to the device. */
        public void linkExposure(long request, long exposure) throws SQLException {
            add("INSERT INTO change_request_exposure (change_request_id, exposure_id) VALUES (?, ?)", request, exposure);
        }

        public void transition(long request, String from, String to, Instant at) throws SQLException {
            add("INSERT INTO change_request_transition (change_request_id, from_status, to_status, actor, occurred_at) "
                    + "VALUES (?, ?, ?, 'itsec', ?)", request, from, to, at);
        }

        public void window(long request, long device, Instant start, String status) throws SQLException {
            add("INSERT INTO downtime_window (id, version, public_id, change_request_id, device_id, starts_at, ends_at, "
                    + "zone_id, status, created_at, created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, ?, ?, ?, 'UTC', ?, "
                    + "?, 'biomed', ?, 'biomed')", nextId(), UUID.randomUUID().toString(), request, device, start,
                    start.plus(Duration.ofHours(2)), status, now, now);
        }

        public void patch(Long request, long device, boolean unplanned, Instant performed, Instant verified)
                throws SQLException {
            add("INSERT INTO patch_record (id, version, public_id, change_request_id, device_id, asset_tag, unplanned, "
                    + "status, action, result, performed_at, performed_by, verified_at, verified_by, created_at, created_by, "
                    + "updated_at, updated_by) VALUES (?, 0, ?, ?, ?, (SELECT d.asset_tag FROM device d WHERE d.id = ?), ?, ?, "
                    + "'SOFTWARE_UPDATE', 'SUCCESS', ?, 'biomed', ?, ?, ?, 'biomed', ?, 'biomed')", nextId(),
                    UUID.randomUUID().toString(), request, device, device, unplanned,
                    verified == null ? "RECORDED" : "VERIFIED", performed, verified, verified == null ? null : "biomed",
                    now, now);
        }
    }
}
